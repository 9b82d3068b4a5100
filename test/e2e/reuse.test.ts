// Another organisation's pack reusing clean-guard's policies, as the README describes.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultProvider, EngineEmulator, REPO_ROOT, secret } from "../emulator/engine";

function packDir(capture: boolean): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reusing-pack-"));
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "acme-pack", version: "1.2.3", main: "index.js" }),
    );
    const lib = JSON.stringify(path.join(REPO_ROOT, "dist", "src", "index.js"));
    fs.writeFileSync(
        path.join(dir, "index.js"),
        `const { PolicyPack } = require("@pulumi/policy");
const cg = require(${lib});
${capture ? "cg.captureEngineRequests();" : ""}
new PolicyPack("acme", { policies: cg.toPulumiPolicies(cg.allPolicies.filter((p) => p.name === "clean-guard-untrusted-host")) });
`,
    );
    return dir;
}

const endpoint = "https://s3.oss-cn-hangzhou.aliyuncs.com";
const bucket = {
    type: "aws:s3/bucket:Bucket",
    name: "exports",
    inputs: { bucket: "exports" },
    provider: {
        type: "pulumi:providers:aws",
        name: "oss",
        inputs: { region: "eu-central-1", endpoints: JSON.stringify([{ s3: endpoint }]) },
    },
};

describe("a pack that reuses clean-guard's policies", () => {
    it("gets the same verdicts, and keeps secrets out of messages when it captures the engine's requests", async () => {
        const engine = await EngineEmulator.start({ packDir: packDir(true) });
        try {
            assert.deepEqual(engine.info.policies.map((p) => p.name).sort(), [
                "clean-guard-untrusted-host",
                "clean-guard-unverified",
            ]);
            const secretEndpoint = {
                ...bucket.provider,
                inputs: { region: "eu-central-1", endpoints: secret([{ s3: endpoint }]) },
            };
            const diags = await engine.analyze({ ...bucket, provider: secretEndpoint });
            assert.equal(diags.length, 1, JSON.stringify(diags));
            assert.match(diags[0].message, /\[secret\]/);
            assert.ok(!diags[0].message.includes("aliyuncs"), diags[0].message);
            assert.doesNotMatch(engine.stderr, /not captured/);
        } finally {
            await engine.stop();
        }
    });

    it("says once on stderr that secrets cannot be told apart when it does not capture them", async () => {
        const engine = await EngineEmulator.start({
            packDir: packDir(false),
            stackConfig: { "aws:region": "eu-west-1" },
        });
        try {
            const diags = await engine.analyze(bucket);
            assert.equal(diags.length, 1, JSON.stringify(diags));
            assert.match(diags[0].message, /oss-cn-hangzhou\.aliyuncs\.com/);
            await engine.analyze({
                ...bucket,
                name: "other",
                provider: defaultProvider("aws", { "aws:region": "eu-west-1" }),
            });
            assert.equal(engine.stderr.match(/requests are not captured/g)?.length, 1, engine.stderr);
        } finally {
            await engine.stop();
        }
    });
});
