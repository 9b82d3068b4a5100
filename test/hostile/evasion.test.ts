// What a team blocked by clean-guard tries next, each with the verdict `pulumi preview` shows: the compiled pack
// started as the engine starts it and driven over the Analyzer protocol. Run `npm run build` first.
import { strict as assert } from "node:assert";
import type { Value } from "../../src/model/values";
import {
    defaultProvider,
    explicitProvider,
    EngineEmulator,
    secret,
    UNKNOWN,
    type Diagnostic,
    type EmulatedResource,
    type StartOptions,
} from "../emulator/engine";

const ireland = { "aws:region": "eu-west-1" };
const awsDefault = defaultProvider("aws", ireland);
const awsAt = (name: string, inputs: Record<string, Value>) => explicitProvider("aws", name, inputs);

const bucket = (inputs: Record<string, Value>, provider = awsDefault): EmulatedResource => ({
    type: "aws:s3/bucket:Bucket",
    name: "orders",
    inputs,
    provider,
});
const lambda = (variables: Record<string, Value>): EmulatedResource => ({
    type: "aws:lambda/function:Function",
    name: "export",
    inputs: { role: "arn:aws:iam::123456789012:role/export", runtime: "nodejs20.x", environment: { variables } },
    provider: awsDefault,
});
const taskDefinition = (containerDefinitions: string): EmulatedResource => ({
    type: "aws:ecs/taskDefinition:TaskDefinition",
    name: "export",
    inputs: { family: "export", containerDefinitions },
    provider: awsDefault,
});
const storageAccount = (location: string, tags: Record<string, string>): EmulatedResource => ({
    type: "azure-native:storage:StorageAccount",
    name: "records",
    inputs: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, location, tags },
    provider: defaultProvider("azure-native", {}, "3.28.0"),
});

/** A verdict as a reviewer states it: which policy spoke, at which level; `pass` when nothing was reported. */
type Verdict = "pass" | `${string} ${"mandatory" | "advisory"}`;

function verdictsOf(diags: Diagnostic[]): Verdict[] {
    if (diags.length === 0) return ["pass"];
    return [...new Set(diags.map((d) => `${d.policyName} ${d.enforcementLevel}` as Verdict))].sort();
}

type Case = [what: string, resource: EmulatedResource, verdicts: Verdict[]];

/** Starts one engine for a table of cases and asserts each case's verdicts (and, for findings, the message). */
function table(title: string, options: StartOptions, cases: Case[], message?: (d: Diagnostic) => void): void {
    describe(title, function () {
        this.timeout(60_000);
        let engine: EngineEmulator;
        before(async () => (engine = await EngineEmulator.start(options)));
        after(async () => engine?.stop());
        for (const [what, resource, verdicts] of cases) {
            it(`${what}: ${verdicts.join(", ")}`, async () => {
                const diags = await engine.analyze(resource);
                assert.deepEqual(verdictsOf(diags), verdicts, JSON.stringify(diags, null, 2));
                for (const d of diags) message?.(d);
            });
        }
    });
}

const HOST = "clean-guard-untrusted-host mandatory";
const REGION = "clean-guard-disallowed-region mandatory";
const RESIDENCY = "clean-guard-data-residency mandatory";
const UNVERIFIED = "clean-guard-unverified advisory";

describe("evasion: what a blocked team tries next", () => {
    table("a stack classified eu by its stack tag", { stackConfig: ireland, stackTags: { "data-residency": "eu" } }, [
        [
            "an untagged bucket in Virginia: removing the resource's tag does not declassify it",
            bucket({ region: "us-east-1" }),
            [RESIDENCY],
        ],
        [
            "a resource tag naming a wider jurisdiction cannot widen the stack's",
            bucket({ region: "us-east-1", tags: { "data-residency": "five-eyes" } }),
            [RESIDENCY],
        ],
        ["an empty data-residency tag", bucket({ region: "us-east-1", tags: { "data-residency": "" } }), [RESIDENCY]],
        ["decoy: the untagged bucket in Ireland", bucket({}), ["pass"]],
    ]);

    table(
        "a stack classified eu by its stack config",
        { project: "shop", stackConfig: { ...ireland, "shop:data-residency": "eu" } },
        [
            ["an untagged bucket in Virginia", bucket({ region: "us-east-1" }), [RESIDENCY]],
            ["decoy: the untagged bucket in Frankfurt", bucket({ region: "eu-central-1" }), ["pass"]],
        ],
    );

    const oss = "s3.oss-cn-hangzhou.aliyuncs.com";
    table(
        "an unclassified stack in Ireland",
        { stackConfig: ireland },
        [
            ...(
                [
                    ["upper case", oss.toUpperCase()],
                    ["a trailing dot", `${oss}.`],
                    ["user@", `backup@${oss}`],
                    ["a port", `${oss}:443`],
                    ["all at once, in a URL", `HTTPS://svc:pw@${oss.toUpperCase()}.:8443/bucket`],
                    ["a backslash URL Node reads as https://", `https:\\\\${oss}\\bucket`],
                    ["full-width letters and an ideographic dot", `ｓ3.oss-cn-hangzhou.aliyuncs\u3002com`],
                ] as const
            ).map(([how, host]): Case => [`the OSS endpoint with ${how} (${host})`, lambda({ STORE: host }), [HOST]]),
            [
                "decoy: a look-alike domain that only starts like Alibaba's",
                lambda({ STORE: `${oss}.example.org` }),
                ["pass"],
            ],
            [
                "the endpoint behind JSON escapes inside a JSON-encoded container definition",
                taskDefinition(
                    '[{"name":"app","image":"nginx:1.27","environment":[{"name":"S3","value":"https:\\/\\/s3\\u002eoss-cn-hangzhou\\u002ealiyuncs\\u002ecom"}]}]',
                ),
                [HOST],
            ],
            [
                "the endpoint in JSON encoded twice",
                taskDefinition(
                    JSON.stringify([
                        { name: "app", image: "nginx:1.27", command: [JSON.stringify({ sink: `https://${oss}` })] },
                    ]),
                ),
                [HOST],
            ],
            [
                "an archive URL where a container image belongs",
                {
                    type: "kubernetes:apps/v1:Deployment",
                    name: "app",
                    inputs: {
                        spec: {
                            template: { spec: { containers: [{ name: "app", image: `https://${oss}/app.tar` }] } },
                        },
                    },
                    provider: defaultProvider("kubernetes", {}, "4.34.2"),
                },
                [HOST, "clean-guard-untrusted-image mandatory"],
            ],
            [
                "an explicit provider with JSON-encoded endpoints",
                bucket(
                    {},
                    awsAt("oss", {
                        region: "eu-west-1",
                        endpoints: JSON.stringify([{ s3: `https://${oss.toUpperCase()}.` }]),
                    }),
                ),
                [HOST],
            ],
            [
                "a region on the resource, not on its provider (pulumi-aws v7)",
                bucket({ region: "cn-north-1" }),
                [REGION],
            ],
            ["decoy: the bucket's own region in Ireland", bucket({ region: "eu-west-1" }), ["pass"]],
            ["a region unknown during preview: cannot verify, advisory", bucket({ region: UNKNOWN }), [UNVERIFIED]],
            [
                "a provider whose endpoints are unknown during preview: cannot verify, advisory",
                bucket({}, awsAt("later", { region: "eu-west-1", endpoints: UNKNOWN })),
                [UNVERIFIED],
            ],
            ["an endpoint variable unknown during preview", lambda({ S3_ENDPOINT: UNKNOWN }), [UNVERIFIED]],
            [
                "decoy: unknown values under keys that name no endpoint",
                bucket({ policy: UNKNOWN, acl: UNKNOWN }),
                ["pass"],
            ],
            [
                "a typo region on the resource (eu-wset-1) of unclassified data: a warning, never a silent pass",
                bucket({ region: "eu-wset-1" }),
                [UNVERIFIED],
            ],
            ["a typo region on the provider", bucket({}, awsAt("typo", { region: "eu-wset-1" })), [UNVERIFIED]],
            [
                "the same typo on data classified eu: blocked until it can be checked",
                bucket({ region: "eu-wset-1", tags: { "data-residency": "eu" } }),
                [RESIDENCY, REGION],
            ],
            [
                "a region with an invisible zero-width space: in AWS China by the shape of its name",
                bucket({ region: "cn-north-1\u200b" }),
                [REGION, UNVERIFIED],
            ],
            ["a region in full-width letters", bucket({ region: "ｃｎ-north-1" }), [REGION, UNVERIFIED]],
            ["a region in capitals with spaces around it", bucket({ region: " CN-NORTH-1 " }), [REGION]],
            [
                "a renamed fork of the Alibaba Cloud provider, in Hangzhou",
                {
                    type: "acme-ali:oss/bucket:Bucket",
                    name: "orders",
                    inputs: {},
                    provider: { type: "pulumi:providers:acme-ali", name: "fork", inputs: { region: "cn-hangzhou" } },
                },
                [REGION],
            ],
            [
                "a resource tagging itself exempt",
                bucket({ region: "cn-north-1", tags: { "clean-guard-exempt": "approved by the team lead" } }),
                [REGION],
            ],
            [
                "Azure's display name (China North 3) is the same region as chinanorth3",
                storageAccount("China North 3", {}),
                [REGION],
            ],
            ["decoy: West Europe for EU data", storageAccount("West Europe", { "data-residency": "eu" }), ["pass"]],
            [
                "West Europe is the Netherlands, not Germany",
                storageAccount("West Europe", { "data-residency": "de" }),
                [RESIDENCY],
            ],
            [
                "westeurope is the Netherlands, not Germany",
                storageAccount("westeurope", { "data-residency": "de" }),
                [RESIDENCY],
            ],
        ],
        (d) => assert.ok(!/\b(undefined|\[object Object\]|NaN)\b/.test(d.message), d.message),
    );

    const cos = "records-1250000000.cos.ap-guangzhou.myqcloud.com";
    table(
        "endpoints in lists and inside other URLs, an unclassified stack in Ireland",
        { stackConfig: ireland },
        [
            ["a list of URLs without spaces", lambda({ TARGETS: `https://api.example.org/v1,https://${cos}` }), [HOST]],
            [
                "decoy: the same list with clean hosts only",
                lambda({ TARGETS: "https://api.example.org/v1,https://records.example.net" }),
                ["pass"],
            ],
            [
                "a URL carried in a proxy URL's query",
                lambda({ SINK: "https://proxy.example.org/forward?to=https://oss-cn-shenzhen.aliyuncs.com/records" }),
                [HOST],
            ],
            [
                "the same, percent-encoded",
                lambda({ SINK: "https://proxy.example.org/forward?to=https%3A%2F%2Foss-cn-shenzhen.aliyuncs.com%2Fr" }),
                [HOST],
            ],
            [
                "decoy: the proxy forwarding to a clean host",
                lambda({ SINK: "https://proxy.example.org/forward?to=https://records.example.net/records" }),
                ["pass"],
            ],
            ["a broker list of bare hosts", lambda({ BROKERS: `kafka-1:9092,${oss}:9092` }), [HOST]],
            [
                "decoy: a broker list of clean hosts",
                lambda({ BROKERS: "kafka-1:9092,kafka-2.example.org:9092" }),
                ["pass"],
            ],
            [
                "decoy: a host only mentioned in a URL's path",
                lambda({ DOCS: `https://docs.example.org/migrate-from/${oss}` }),
                ["pass"],
            ],
            ["decoy: a look-alike in a list", lambda({ TARGETS: `a.example.org,${oss}.mirror.example.org` }), ["pass"]],
            ["decoy: prose naming the vendor", lambda({ NOTE: "migrated off aliyun.com last year" }), ["pass"]],
            [
                "a secret list: judged, and the host not printed",
                lambda({ TARGETS: secret("https://a.example.org,https://vault-7.cos.ap-guangzhou.myqcloud.com") }),
                [HOST],
            ],
        ],
        (d) => {
            assert.match(d.message, /at environment\.variables\.[A-Z]+/);
            assert.ok(!d.message.includes("vault-7"), d.message);
        },
    );

    table(
        "an organisation that lets a resource's tag exempt it from the host policy only",
        {
            stackConfig: ireland,
            policyConfig: {
                "clean-guard-untrusted-host": {
                    settings: {
                        version: 1,
                        extends: "default",
                        tagExemptions: { policies: ["clean-guard-untrusted-host"] },
                    },
                },
            },
        },
        [
            [
                "the tag exempts the endpoint it was allowed for",
                {
                    ...lambda({ STORE: `https://${oss}` }),
                    inputs: {
                        ...lambda({ STORE: `https://${oss}` }).inputs,
                        tags: { "clean-guard-exempt": "OPS-1 until the migration" },
                    },
                },
                ["pass"],
            ],
            [
                "but not a disallowed region",
                bucket({ region: "cn-north-1", tags: { "clean-guard-exempt": "migration ticket OPS-1" } }),
                [REGION],
            ],
            [
                "nor with an empty reason",
                bucket({ tags: { "clean-guard-exempt": "" }, policy: `https://${oss}` }),
                [HOST],
            ],
        ],
    );
});
