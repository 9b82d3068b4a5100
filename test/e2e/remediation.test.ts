// Under Pulumi's `remediate` level, clean-guard-data-residency stamps the stack's classification onto
// taggable resources that lack it; the engine shows the change and then judges the resource as changed.
import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { defaultProvider, EngineEmulator, secret, UNKNOWN, type EmulatedResource } from "../emulator/engine";

const SIG = "4dabf18193072939515e22adb298388d";
const POLICY = "clean-guard-data-residency";

describe("remediation: the stack's classification stamped on resources that lack it", function () {
    let engine: EngineEmulator;
    const ireland = defaultProvider("aws", { "aws:region": "eu-west-1" });
    const virginia = { type: "pulumi:providers:aws", name: "us", inputs: { region: "us-east-1" } };
    const bucket = (name: string, inputs: EmulatedResource["inputs"], provider = ireland): EmulatedResource => ({
        type: "aws:s3/bucket:Bucket",
        name,
        inputs: { bucket: name, ...inputs },
        provider,
    });

    before(async () => {
        engine = await EngineEmulator.start({
            stackConfig: { "aws:region": "eu-west-1" },
            stackTags: { "data-residency": "eu" },
            policyConfig: { [POLICY]: "remediate" },
        });
    });
    after(async () => engine?.stop());

    const cases: Array<[string, EmulatedResource, Record<string, unknown> | undefined]> = [
        [
            "adds the tag next to the resource's own tags",
            bucket("logs", { tags: { app: "shop" } }),
            { app: "shop", "data-residency": "eu" },
        ],
        ["adds a tag map where there was none", bucket("raw", {}), { "data-residency": "eu" }],
        [
            "leaves a resource that is already classified alone",
            bucket("de", { tags: { "data-residency": "de" } }),
            undefined,
        ],
        ["leaves a tag map that is not known yet alone", bucket("later", { tags: UNKNOWN }), undefined],
        ["leaves a secret tag map alone", bucket("hidden", { tags: secret({ owner: "x" }) }), undefined],
    ];
    for (const [what, resource, expectedTags] of cases) {
        it(what, async () => {
            const remediations = (await engine.remediate(resource)).filter((r) => r.policyName === POLICY);
            if (expectedTags === undefined) return assert.deepEqual(remediations, []);
            assert.equal(remediations.length, 1);
            assert.deepEqual(remediations[0].properties?.tags, expectedTags);
            assert.equal(remediations[0].properties?.bucket, resource.name, "other inputs are kept");
        });
    }

    it("keeps a secret input a secret in the remediated inputs", async () => {
        const [r] = await engine.remediate(bucket("s", { tags: {}, policy: secret("{}") }));
        assert.equal(
            (r.properties?.policy as unknown as Record<string, string>)[SIG],
            "1b47061264138c4ac30d75fd1eb44270",
        );
    });

    it("then judges the remediated resource: a bucket in Virginia is still outside the EU, now at mandatory", async () => {
        const diags = await engine.analyze(bucket("us-logs", { tags: {} }, virginia));
        const mine = diags.filter((d) => d.policyName === POLICY);
        assert.equal(mine.length, 1, JSON.stringify(diags));
        assert.equal(mine[0].enforcementLevel, "mandatory");
        assert.match(mine[0].message, /us-east-1/);
    });
});

describe("remediation set by the organisation's profile, not by policy config", function () {
    let engine: EngineEmulator;

    before(async () => {
        const profile = path.join(mkdtempSync(path.join(tmpdir(), "clean-guard-remediate-")), "org.yaml");
        writeFileSync(profile, `version: 1\nextends: default\nenforcement:\n  ${POLICY}: remediate\n`);
        engine = await EngineEmulator.start({
            stackTags: { "data-residency": "eu" },
            env: { CLEAN_GUARD_PROFILE: profile },
        });
    });
    after(async () => engine?.stop());

    it("stamps the tag, every other input kept", async () => {
        const ireland = defaultProvider("aws", { "aws:region": "eu-west-1" });
        const resource = {
            type: "aws:s3/bucket:Bucket",
            name: "logs",
            inputs: { bucket: "logs", acl: "private", tags: { app: "shop" } },
            provider: ireland,
        };
        const [remediation] = (await engine.remediate(resource)).filter((r) => r.policyName === POLICY);
        assert.deepEqual(remediation?.properties, {
            bucket: "logs",
            acl: "private",
            tags: { app: "shop", "data-residency": "eu" },
        });
    });
});

describe("remediation while no policy is at remediate", function () {
    let engine: EngineEmulator;

    before(async () => {
        engine = await EngineEmulator.start({ stackTags: { "data-residency": "eu" } });
    });
    after(async () => engine?.stop());

    it("changes nothing, and Analyze still judges the resource's inputs", async () => {
        const resource = {
            type: "aws:s3/bucket:Bucket",
            name: "logs",
            inputs: { bucket: "logs", tags: {} },
            provider: { type: "pulumi:providers:aws", name: "us", inputs: { region: "us-east-1" } },
        };
        assert.deepEqual(await engine.remediate(resource), []);
        const diags = (await engine.analyze(resource)).filter((d) => d.policyName === POLICY);
        assert.equal(diags.length, 1, JSON.stringify(diags));
        assert.match(diags[0].message, /us-east-1/);
    });
});
