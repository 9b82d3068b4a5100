// The policies as `pulumi preview` shows them: the compiled pack started as the engine starts it and driven
// over the Analyzer protocol. Run `npx tsc -p tsconfig.build.json && node scripts/copy-data.js` first.
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
} from "../emulator/engine";

const ireland = { "aws:region": "eu-west-1" };
const awsDefault = defaultProvider("aws", ireland);
const awsAt = (name: string, inputs: Record<string, Value>) => explicitProvider("aws", name, inputs);
const kubernetes = defaultProvider("kubernetes", {}, "4.34.2");

const bucket = (name: string, inputs: Record<string, Value>, provider = awsDefault): EmulatedResource => ({
    type: "aws:s3/bucket:Bucket",
    name,
    inputs,
    provider,
});
const deployment = (image: Value): EmulatedResource => ({
    type: "kubernetes:apps/v1:Deployment",
    name: "app",
    inputs: { spec: { template: { spec: { containers: [{ name: "app", image }] } } } },
    provider: kubernetes,
});

function only(diags: Diagnostic[], policy: string): Diagnostic {
    const mine = diags.filter((d) => d.policyName === policy);
    assert.equal(mine.length, 1, `expected one ${policy} diagnostic, got ${JSON.stringify(diags, null, 2)}`);
    return mine[0];
}

describe("the clean-guard policies through the engine", function () {
    this.timeout(60_000);

    describe("a stack in Ireland, unclassified", () => {
        let engine: EngineEmulator;
        before(async () => (engine = await EngineEmulator.start({ stackConfig: ireland })));
        after(async () => engine?.stop());

        it("clean-guard-disallowed-region: a bucket through a China provider", async () => {
            const d = only(
                await engine.analyze(bucket("orders", {}, awsAt("china", { region: "cn-north-1" }))),
                "clean-guard-disallowed-region",
            );
            assert.equal(d.enforcementLevel, "mandatory");
            assert.match(
                d.message,
                /aws:s3\/bucket:Bucket 'orders': aws region cn-north-1 \(China \(CN\), operated by Beijing Sinnet.*partition aws-cn\) from provider 'china'/,
            );
            assert.equal(d.urn, engine.urnOf("aws:s3/bucket:Bucket", "orders"));
        });

        it("a region unknown during preview goes to the advisory companion, naming the policy", async () => {
            const d = only(await engine.analyze(bucket("orders", { region: UNKNOWN })), "clean-guard-unverified");
            assert.equal(d.enforcementLevel, "advisory");
            assert.match(d.message, /\n\[clean-guard-disallowed-region\] .*not known during preview/);
        });

        it("a region nobody knows, on unclassified data, is a warning under the companion", async () => {
            const d = only(
                await engine.analyze(bucket("orders", {}, awsAt("typo", { region: "eu-west-9" }))),
                "clean-guard-unverified",
            );
            assert.equal(d.enforcementLevel, "advisory");
            assert.match(
                d.message,
                /\[clean-guard-disallowed-region\] .*cannot verify: location 'eu-west-9'.*a warning/,
            );
        });

        it("a region nobody knows, on classified data, stays under the policy, mandatory", async () => {
            const tagged = { tags: { "data-residency": "eu" } };
            const d = only(
                await engine.analyze(bucket("orders", tagged, awsAt("typo", { region: "eu-west-9" }))),
                "clean-guard-disallowed-region",
            );
            assert.equal(d.enforcementLevel, "mandatory");
            assert.match(d.message, /cannot verify: location 'eu-west-9'/);
        });

        it("clean-guard-data-residency: EU data in Virginia", async () => {
            const d = only(
                await engine.analyze(bucket("orders", { region: "us-east-1", tags: { "data-residency": "eu" } })),
                "clean-guard-data-residency",
            );
            assert.equal(d.enforcementLevel, "mandatory");
            assert.match(d.message, /us-east-1 .*Data classified eu \(27 countries\) by tag 'data-residency'/);
        });

        it("clean-guard-cross-border-replication: an EU table replicated to Virginia", async () => {
            const table: EmulatedResource = {
                type: "aws:dynamodb/table:Table",
                name: "events",
                inputs: { hashKey: "id", replicas: [{ regionName: "us-east-1" }], tags: { "data-residency": "eu" } },
                provider: awsDefault,
            };
            assert.match(
                only(await engine.analyze(table), "clean-guard-cross-border-replication").message,
                /replica aws region us-east-1 .*replicas\[0\]\.regionName/,
            );
        });

        it("clean-guard-cross-border-replication: a read replica found only at stack level", async () => {
            const source: EmulatedResource = {
                type: "aws:rds/instance:Instance",
                name: "orders",
                inputs: { identifier: "orders", tags: { "data-residency": "de" } },
                provider: awsAt("frankfurt", { region: "eu-central-1" }),
            };
            const replica: EmulatedResource = {
                type: "aws:rds/instance:Instance",
                name: "orders-replica",
                inputs: { replicateSourceDb: "orders" },
                provider: awsAt("virginia", { region: "us-east-1" }),
            };
            assert.deepEqual(await engine.analyze(replica), [], "on its own the replica is unclassified");
            const d = only(await engine.analyzeStack([source, replica]), "clean-guard-cross-border-replication");
            assert.equal(d.urn, engine.urnOf("aws:rds/instance:Instance", "orders-replica"));
            assert.match(
                d.message,
                /de \(Germany\) by tag 'data-residency' of its source aws:rds\/instance:Instance 'orders'/,
            );
        });

        it("clean-guard-untrusted-host: an S3 endpoint on Alibaba OSS", async () => {
            const oss = awsAt("oss", {
                region: "eu-west-1",
                endpoints: JSON.stringify([{ s3: "https://oss-eu-central-1.aliyuncs.com" }]),
            });
            assert.match(
                only(await engine.analyze(bucket("orders", {}, oss)), "clean-guard-untrusted-host").message,
                /host oss-eu-central-1\.aliyuncs\.com \(Alibaba.*provider 'oss': endpoints\[0\]\.s3/,
            );
        });

        it("clean-guard-untrusted-image: a container from Alibaba's registry", async () => {
            const d = only(
                await engine.analyze(deployment("registry.cn-hangzhou.aliyuncs.com/team/app:1.2")),
                "clean-guard-untrusted-image",
            );
            assert.match(d.message, /container image registry\.cn-hangzhou\.aliyuncs\.com\/team\/app:1\.2/);
        });

        it("the clean look-alikes pass: an Irish bucket named after Huawei, a Docker Hub image", async () => {
            assert.deepEqual(
                await engine.analyze(
                    bucket("huawei-reports", { bucket: "huawei-reports", tags: { "data-residency": "eu" } }),
                ),
                [],
            );
            assert.deepEqual(await engine.analyze(deployment("nginx:1.27")), []);
        });

        it("judges secret region, endpoint and image values without ever printing them", async () => {
            const china = awsAt("hidden", { region: secret("cn-north-1") });
            const oss = awsAt("oss", {
                region: "eu-west-1",
                endpoints: secret(JSON.stringify([{ s3: "https://oss-eu-central-1.aliyuncs.com" }])),
            });
            const diags = await engine.preview([
                bucket("in-china", {}, china),
                bucket("via-oss", {}, oss),
                deployment(secret("registry.cn-hangzhou.aliyuncs.com/team/app:1.2")),
            ]);
            // The engine judges the provider instances too: they are resources of the stack.
            const found = diags.map((d) => `${d.policyName} ${d.urn.split("::").pop()}`).sort();
            assert.deepEqual(found, [
                "clean-guard-disallowed-region hidden",
                "clean-guard-disallowed-region in-china",
                "clean-guard-untrusted-host oss",
                "clean-guard-untrusted-host via-oss",
                "clean-guard-untrusted-image app",
            ]);
            for (const d of diags) {
                assert.match(d.message, /\[secret\]/);
                for (const leak of [
                    "cn-north-1",
                    "Beijing",
                    "oss-eu-central-1",
                    "aliyuncs",
                    "cn-hangzhou",
                    "team/app",
                ]) {
                    assert.ok(!d.message.includes(leak), `'${leak}' leaked: ${d.message}`);
                }
            }
        });
    });

    describe("a stack classified eu by its stack tag, residency advisory by policy config", () => {
        let engine: EngineEmulator;
        before(async () => {
            engine = await EngineEmulator.start({
                stackConfig: ireland,
                stackTags: { "data-residency": "eu" },
                policyConfig: { "clean-guard-data-residency": "advisory" },
            });
        });
        after(async () => engine?.stop());

        it("an untagged bucket in Virginia breaks the stack's classification, at the configured level", async () => {
            const d = only(
                await engine.analyze(bucket("orders", { region: "us-east-1" })),
                "clean-guard-data-residency",
            );
            assert.equal(d.enforcementLevel, "advisory");
            assert.match(d.message, /by stack tag 'data-residency'/);
        });

        it("the same bucket in Ireland passes", async () => {
            assert.deepEqual(await engine.analyze(bucket("orders", {})), []);
        });
    });
});
