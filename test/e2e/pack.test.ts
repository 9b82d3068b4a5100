// The pack as the Pulumi engine runs it: started by run-policy-pack, driven over the Analyzer protocol.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { defaultProvider, EngineEmulator, REPO_ROOT, type Diagnostic } from "../emulator/engine";

const POLICIES = [
    "clean-guard-untrusted-provider",
    "clean-guard-disallowed-region",
    "clean-guard-data-residency",
    "clean-guard-cross-border-replication",
    "clean-guard-untrusted-host",
    "clean-guard-untrusted-ai-service",
    "clean-guard-untrusted-image",
    "clean-guard-untrusted-carrier",
    "clean-guard-unverified",
];

const frankfurt = { "alicloud:region": "eu-central-1" };

describe("the pack, as the engine runs it", function () {
    let engine: EngineEmulator;
    before(async () => {
        engine = await EngineEmulator.start({ stackConfig: frankfurt });
    });
    after(async () => engine?.stop());

    it("announces itself with every policy, mandatory by default except the advisory companion", () => {
        const version = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
        assert.equal(engine.info.name, "clean-guard");
        assert.equal(engine.info.version, version);
        assert.deepEqual(engine.info.policies.map((p) => p.name).sort(), [...POLICIES].sort());
        for (const p of engine.info.policies) {
            assert.equal(p.enforcementLevel, p.name === "clean-guard-unverified" ? "advisory" : "mandatory", p.name);
            assert.ok(p.remediationSteps.length > 20, `${p.name} has remediation steps`);
            assert.ok(p.configSchema?.properties.profile, `${p.name} accepts a profile in its config`);
        }
    });

    it("prints nothing on stdout after its port", () => {
        assert.deepEqual(engine.stdoutAfterPort, []);
    });

    it("rejects an Alibaba Cloud bucket in Frankfurt: the region does not make it clean", async () => {
        const provider = defaultProvider("alicloud", frankfurt, "3.108.0");
        const diags = await engine.analyze({
            type: "alicloud:oss/bucket:Bucket",
            name: "citizens",
            inputs: { bucket: "citizens" },
            provider,
        });
        const d = only(diags, "clean-guard-untrusted-provider");
        assert.equal(d.enforcementLevel, "mandatory");
        assert.match(d.message, /alicloud:oss\/bucket:Bucket 'citizens'/);
        assert.match(d.message, /Alibaba/);
        assert.match(d.message, /eu-central-1/);
        assert.match(d.message, /Fix: /);
        assert.equal(d.urn, engine.urnOf("alicloud:oss/bucket:Bucket", "citizens"));
    });

    it("rejects an explicit alicloud provider instance", async () => {
        const diags = await engine.analyze({
            type: "pulumi:providers:alicloud",
            name: "frankfurt",
            inputs: { region: "eu-central-1" },
        });
        assert.match(only(diags, "clean-guard-untrusted-provider").message, /provider instance of package 'alicloud'/);
    });

    it("rejects an AWS resource managed through an untrusted cloud's provider instance", async () => {
        const provider = { type: "pulumi:providers:alicloud", name: "ali", inputs: { region: "eu-central-1" } };
        const diags = await engine.analyze({ type: "my:component:Thing", name: "thing", inputs: {}, provider });
        assert.match(only(diags, "clean-guard-untrusted-provider").message, /through provider 'ali'/);
    });

    it("leaves a clean AWS bucket whose name merely mentions Alibaba alone", async () => {
        const provider = defaultProvider("aws", { "aws:region": "eu-west-1" });
        const diags = await engine.analyze({
            type: "aws:s3/bucket:Bucket",
            name: "alibaba-reports",
            inputs: { bucket: "alibaba-reports" },
            provider,
        });
        assert.deepEqual(diags, []);
    });
});

function only(diags: Diagnostic[], policy: string): Diagnostic {
    const mine = diags.filter((d) => d.policyName === policy);
    assert.equal(mine.length, 1, `expected one ${policy} diagnostic, got ${JSON.stringify(diags, null, 2)}`);
    return mine[0];
}

describe("profile settings in Pulumi's policy config", function () {
    it("fail the preview, naming both policies, when two policies name different profiles", async () => {
        const engine = await EngineEmulator.start({
            policyConfig: {
                "clean-guard-data-residency": { settings: { version: 1, disallow: { countries: ["hk"] } } },
                "clean-guard-disallowed-region": { settings: { version: 1, disallow: { countries: ["ru"] } } },
            },
        });
        try {
            const provider = defaultProvider("aws", { "aws:region": "eu-west-1" });
            await assert.rejects(
                engine.analyze({ type: "aws:s3/bucket:Bucket", name: "b", inputs: {}, provider }),
                /'clean-guard-data-residency' and 'clean-guard-disallowed-region' name different profiles/,
            );
        } finally {
            await engine.stop();
        }
    });
});
