// Another organisation's pack reusing clean-guard's policies, as the README describes.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultProvider, EngineEmulator, REPO_ROOT, secret } from "../emulator/engine";

/** A policy of the reusing pack's own, which reports what the policy SDK gave it of a resource and of the stack. */
const COUNTING_POLICY = `{ name: "acme-count", description: "counts", enforcementLevel: "advisory",
    validateResource: (args, report) => report(\`acme saw bucket \${args.props.bucket} in \${args.provider.props.region}\`),
    validateStack: (args, report) => report(\`acme saw \${args.resources.length} resources\`) }`;

function packDir(capture: boolean, ownStackPolicy = false): string {
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
new PolicyPack("acme", { policies: [...cg.toPulumiPolicies(cg.allPolicies.filter((p) => p.name === "clean-guard-untrusted-host"))${ownStackPolicy ? `, ${COUNTING_POLICY}` : ""}] });
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

    // clean-guard's own pack spares the SDK its per-policy copies of the inputs and of the stack; a capturing
    // pack with a policy of its own must still give that policy every input and every resource.
    it("gives its own policies the inputs and the whole stack while capturing the engine's requests", async () => {
        const engine = await EngineEmulator.start({ packDir: packDir(true, true) });
        try {
            const seen = (diags: { policyName: string; message: string }[]) =>
                diags.filter((d) => d.policyName === "acme-count").map((d) => d.message.split("\n").pop());
            assert.deepEqual(seen(await engine.analyze(bucket)), ["acme saw bucket exports in eu-central-1"]);
            const imports = { ...bucket, name: "imports", inputs: { bucket: "imports" } };
            assert.deepEqual(seen(await engine.analyzeStack([bucket, imports])), ["acme saw 2 resources"]);
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
