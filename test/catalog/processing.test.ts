// Where a model request is processed, and whose model API a host is: the catalog's facts as policies read them.

import assert from "assert";
import { defaultCatalog } from "../../src/catalog";

const catalog = defaultCatalog();
const countriesOf = (cloud: "aws" | "azure", kind: "inference-profile" | "deployment-type", name: string) => [
    ...new Set(catalog.processingScope(cloud, kind, name)?.places.map((p) => p.country)),
];

describe("processing scopes of model services", () => {
    it("an eu. Bedrock profile routes to EU member states only; us. to the United States only", () => {
        const eu = catalog.jurisdiction("eu")!;
        assert.ok(countriesOf("aws", "inference-profile", "eu").every((c) => eu.has(c)));
        assert.deepStrictEqual(countriesOf("aws", "inference-profile", "us"), ["US"]);
    });

    it("a global. Bedrock profile and a GlobalStandard deployment reach every region of their cloud, none twice", () => {
        const global = catalog.processingScope("aws", "inference-profile", "global")!;
        const commercial = catalog.regions("aws").filter((p) => p.partition === "aws" && p.region !== "aws-global");
        assert.deepStrictEqual(global.places.map((p) => p.region).sort(), commercial.map((p) => p.region).sort());
        const azure = catalog.processingScope("azure", "deployment-type", "globalstandard")!;
        assert.ok(azure.places.some((p) => p.country === "US") && azure.places.some((p) => p.country === "SE"));
        assert.ok(azure.places.every((p) => p.partition === "azure"));
    });

    it("an unknown prefix or deployment type is no scope at all", () => {
        assert.strictEqual(catalog.processingScope("aws", "inference-profile", "xx"), undefined);
        assert.strictEqual(catalog.processingScope("azure", "deployment-type", "developer"), undefined);
    });

    it("the data zone of an EU Azure region is the EU's Azure regions; a region outside every zone has none", () => {
        const zone = catalog.dataZone("azure", catalog.region("azure", "swedencentral")!)!;
        assert.strictEqual(zone.name, "eu");
        assert.ok(zone.places.every((p) => catalog.jurisdiction("eu")!.has(p.country)));
        assert.strictEqual(catalog.dataZone("azure", catalog.region("azure", "uksouth")!), undefined);
    });

    const endpoints: Array<[string, string | undefined]> = [
        ["europe-west4-aiplatform.googleapis.com", "europe-west4"],
        ["aiplatform.googleapis.com", "global"],
        ["storage.googleapis.com", undefined],
        ["europe-west4-aiplatform.googleapis.com.example.org", undefined],
    ];
    for (const [host, expected] of endpoints) {
        it(`${host}: ${expected ?? "no model endpoint"}`, () => {
            const found = catalog.processingEndpoint(host);
            assert.strictEqual(found?.region ?? found?.scope?.name, expected);
        });
    }
});

describe("untrusted AI model services", () => {
    const hosts: Array<[string, string | undefined, string | undefined]> = [
        [
            "api.deepseek.com",
            "deepseek",
            "Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.",
        ],
        ["dashscope.aliyuncs.com", "alibaba", "Alibaba Cloud (Alibaba Group)"],
        ["dashscope-intl.aliyuncs.com", "alibaba", "Alibaba Cloud (Alibaba Group)"],
        ["api.moonshot.cn", "moonshot", "Beijing Moonshot AI Technology Co., Ltd."],
        ["api.moonshot.ai", "moonshot", "Beijing Moonshot AI Technology Co., Ltd."],
        ["open.bigmodel.cn", "zhipu", "Beijing Zhipu Huazhang Technology Co., Ltd."],
        ["api.minimax.chat", "minimax", "MiniMax (Shanghai Xiyu Jizhi Technology Co., Ltd.)"],
        ["api.minimaxi.com", "minimax", "MiniMax (Shanghai Xiyu Jizhi Technology Co., Ltd.)"],
        ["qianfan.baidubce.com", "baidu", "Baidu AI Cloud (Beijing Baidu Netcom Science and Technology Co., Ltd.)"],
        ["aip.baidubce.com", "baidu", "Baidu AI Cloud (Beijing Baidu Netcom Science and Technology Co., Ltd.)"],
        ["ark.cn-beijing.volces.com", "bytedance", "Beijing Volcano Engine Technology Co., Ltd. (ByteDance)"],
        ["hunyuan.tencentcloudapi.com", "tencent", "Tencent Cloud (Tencent Holdings)"],
        // Decoys: a vendor's name in someone else's host, and a vendor host that is no model API.
        ["deepseek.example.org", undefined, undefined],
        ["api.deepseek.com.mirror.example.org", undefined, undefined],
        ["dashscope.example.net", undefined, undefined],
        ["oss-cn-hangzhou.aliyuncs.com", "alibaba", undefined],
    ];
    for (const [host, vendor, operator] of hosts) {
        it(`${host}: ${operator ? `model API of ${vendor}` : vendor ? `${vendor}, no model API` : "nobody's"}`, () => {
            const match = catalog.vendorOfHost(host);
            assert.deepStrictEqual(
                [match?.vendor.id, match?.service?.operator, match?.service ? match.service.country : undefined],
                [vendor, operator, operator ? "CN" : undefined],
            );
        });
    }
});
