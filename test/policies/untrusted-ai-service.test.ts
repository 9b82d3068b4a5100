// Prompts sent to the model API of an untrusted AI vendor, from every kind of input: the finding says what the
// service is and who runs it, and a secret's value never appears. Each vendor's trap sits beside look-alikes.

import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import { awsResource, azureNative, k8sResource, secret } from "../support/builders";
import { assertFindings, judgeResource, orgProfile, type Expected } from "./judge";

const POLICY = "clean-guard-untrusted-ai-service";

const lambdaWithEnv = (name: string, value: Value) =>
    awsResource(
        "aws:lambda/function:Function",
        { runtime: "python3.12", handler: "app.handler", environment: { variables: { [name]: value } } },
        { providerRegion: "eu-west-1" },
    );

const CHINA = "China (CN)";
const traps: Array<[string, string, string[]]> = [
    [
        "DeepSeek",
        "https://api.deepseek.com/v1",
        ["DeepSeek's model API (api.deepseek.com)", "Hangzhou DeepSeek Artificial Intelligence", CHINA, "DeepSeek"],
    ],
    [
        "Alibaba's Qwen on DashScope (Beijing)",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        ["DashScope", "operated by Alibaba Cloud (Alibaba Group)", "untrusted vendor"],
    ],
    ["Alibaba's Qwen on DashScope (international)", "https://dashscope-intl.aliyuncs.com/api/v1", ["DashScope"]],
    ["Moonshot (China)", "https://api.moonshot.cn/v1", ["Kimi model API (api.moonshot.cn)", "Beijing Moonshot AI"]],
    ["Moonshot (global)", "https://api.moonshot.ai/v1", ["Kimi model API (api.moonshot.ai)"]],
    [
        "Zhipu",
        "https://open.bigmodel.cn/api/paas/v4",
        ["GLM model API on the BigModel open platform (open.bigmodel.cn)", "Zhipu Huazhang"],
    ],
    ["MiniMax", "https://api.minimax.chat/v1/text/chatcompletion_v2", ["MiniMax's model API (api.minimax.chat)"]],
    ["MiniMax (minimaxi.com)", "https://api.minimaxi.com/v1", ["api.minimaxi.com"]],
    ["Baidu Qianfan", "https://qianfan.baidubce.com/v2", ["ERNIE model API on Qianfan (qianfan.baidubce.com)"]],
    ["Baidu ERNIE Bot", "https://aip.baidubce.com/rpc/2.0/ai_custom/v1/wenxinworkshop", ["aip.baidubce.com"]],
    [
        "ByteDance's Ark, whose vendor is not disallowed by default: its operator's country is",
        "https://ark.cn-beijing.volces.com/api/v3",
        [
            "Volcano Engine Ark",
            "Beijing Volcano Engine Technology",
            "Its operator is in China (CN), a country disallowed",
        ],
    ],
    ["Tencent Hunyuan", "https://hunyuan.tencentcloudapi.com", ["Hunyuan model API", "Tencent"]],
];

const decoys: Array<[string, string]> = [
    ["a mirror whose name starts with DeepSeek's host", "https://api.deepseek.com.mirror.example.org/v1"],
    ["a host of another organisation naming the vendor", "https://deepseek.example.org/v1"],
    ["a GitHub URL mentioning DashScope", "https://github.com/aliyun/alibabacloud-bailian-sdk/tree/main/dashscope"],
    ["a blog post about Kimi", "https://blog.example.com/2025/moonshot-kimi-review"],
    ["a docs page naming the host in its path", "https://docs.example.org/providers/api.deepseek.com"],
    ["prose naming the vendors", "we compared deepseek, qwen and kimi last year"],
    ["OpenAI", "https://api.openai.com/v1"],
];

describe(POLICY, () => {
    for (const [what, url, words] of traps) {
        it(`${what}: rejected, naming the service and its operator`, async () =>
            assertFindings(await judgeResource(lambdaWithEnv("LLM_BASE_URL", url)), POLICY, [
                ["violation", ...words, "at environment.variables.LLM_BASE_URL", "Fix: Send the prompts"],
            ]));
    }
    for (const [what, value] of decoys) {
        it(`${what}: passes`, async () => {
            const findings = await judgeResource(lambdaWithEnv("LLM_BASE_URL", value));
            assertFindings(findings, POLICY, []);
            assertFindings(findings, "clean-guard-untrusted-host", []);
        });
    }

    it("reported once: not again as an untrusted host", async () => {
        const findings = await judgeResource(lambdaWithEnv("QWEN", "https://dashscope.aliyuncs.com/api/v1"));
        assertFindings(findings, "clean-guard-untrusted-host", []);
        assertFindings(findings, POLICY, [["violation", "DashScope"]]);
    });

    const places: Array<[string, NormalisedResource, Expected, string[]]> = [
        [
            "a secret environment variable: judged, the host never printed",
            lambdaWithEnv("LLM_BASE_URL", secret("https://api.deepseek.com/v1")),
            [["violation", "DeepSeek's model API ([secret])", "Hangzhou DeepSeek"]],
            ["api.deepseek.com"],
        ],
        [
            "a Kubernetes ConfigMap",
            k8sResource("kubernetes:core/v1:ConfigMap", {
                metadata: { name: "llm" },
                data: { OPENAI_BASE_URL: "https://api.moonshot.cn/v1" },
            }),
            [["violation", "Kimi", "at data.OPENAI_BASE_URL"]],
            [],
        ],
        [
            "a Kubernetes Secret's stringData, itself a secret",
            k8sResource("kubernetes:core/v1:Secret", {
                metadata: { name: "llm" },
                stringData: secret({ config: JSON.stringify({ baseUrl: "https://open.bigmodel.cn/api/paas/v4" }) }),
            }),
            [["violation", "BigModel open platform ([secret])", "stringData.config.baseUrl"]],
            ["open.bigmodel.cn"],
        ],
        [
            "an Azure web app's app settings",
            azureNative("web:WebApp", {
                name: "claims",
                location: "westeurope",
                resourceGroupName: "rg",
                siteConfig: { appSettings: [{ name: "QWEN_ENDPOINT", value: "https://dashscope-intl.aliyuncs.com" }] },
            }),
            [["violation", "DashScope", "siteConfig.appSettings[0].value"]],
            [],
        ],
    ];
    for (const [what, r, expected, never] of places)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected, never));

    it("an organisation that allows ByteDance and drops the country rule lets Ark through", async () => {
        const permissive = orgProfile("extends: none\ndisallow:\n  vendors: [deepseek]\n");
        assertFindings(
            await judgeResource(lambdaWithEnv("ARK", "https://ark.cn-beijing.volces.com/api/v3"), {
                profile: permissive,
            }),
            POLICY,
            [],
        );
    });
});
