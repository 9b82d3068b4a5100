// A stack that keeps its region in the deployment's environment (AWS_REGION in CI, no `aws:region` in the stack
// config) is placed where the provider will put it, through the engine protocol: the pack runs in the
// environment the Pulumi CLI gives the providers. The table of such variables is checked against the
// installed provider SDKs, so that an SDK that starts reading a new one fails here.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadEnvironmentDefaults } from "../../src/normalise/provider-environment";
import { defaultProvider, EngineEmulator, type Diagnostic, type EmulatedResource } from "../emulator/engine";

/** `resourceInputs["region"] = (args?.region) ?? utilities.getEnv("AWS_REGION", "AWS_DEFAULT_REGION")` */
const GET_ENV = /resourceInputs\["(\w+)"\] = \(args\?\.\w+\) \?\? utilities\.getEnv\(([^)]*)\)/g;
const PLACE_INPUT = /region|zone|location/i;

function sdkEnvironmentDefaults(pkg: string): Map<string, string[]> | undefined {
    const file = path.join(__dirname, "..", "..", "node_modules", "@pulumi", pkg, "provider.js");
    if (!fs.existsSync(file)) return undefined;
    const found = new Map<string, string[]>();
    for (const [, input, args] of fs.readFileSync(file, "utf8").matchAll(GET_ENV)) {
        if (PLACE_INPUT.test(input))
            found.set(
                input,
                [...args.matchAll(/"(\w+)"/g)].map((m) => m[1]),
            );
    }
    return found;
}

describe("provider inputs from the deployment's environment", function () {
    this.timeout(60_000);
    const table = loadEnvironmentDefaults();

    it("lists exactly the place inputs each installed provider SDK takes from the environment", () => {
        let checked = 0;
        for (const pkg of ["aws", "gcp", "alicloud", "azure-native", "kubernetes"]) {
            const sdk = sdkEnvironmentDefaults(pkg);
            if (!sdk) continue;
            checked++;
            assert.deepEqual(
                Object.fromEntries(table.get(pkg) ?? []),
                Object.fromEntries(sdk),
                `@pulumi/${pkg}: src/normalise/provider-environment.yaml disagrees with the SDK's provider.js`,
            );
        }
        assert.ok(checked >= 3, "the provider SDKs the table describes are installed");
    });

    const bucket: EmulatedResource = {
        type: "aws:s3/bucketV2:BucketV2",
        name: "orders",
        inputs: {},
        provider: defaultProvider("aws", {}),
    };
    const blocking = (diags: Diagnostic[]) => diags.filter((d) => d.enforcementLevel === "mandatory");

    async function previewWith(env: NodeJS.ProcessEnv, stackConfig: Record<string, string> = {}) {
        const engine = await EngineEmulator.start({ env, stackConfig });
        try {
            const provider = defaultProvider("aws", stackConfig);
            return await engine.preview([{ ...bucket, provider }]);
        } finally {
            await engine.stop();
        }
    }

    it("AWS_REGION in China, no aws:region: the bucket and its provider are rejected, naming the variable", async () => {
        const diags = blocking(await previewWith({ AWS_REGION: "cn-north-1" }));
        const onBucket = diags.filter((d) => d.urn.endsWith("::orders"));
        assert.ok(onBucket.length > 0, JSON.stringify(diags, null, 2));
        for (const d of onBucket) {
            assert.match(d.message, /cn-north-1/);
            assert.match(d.message, /region from AWS_REGION in the deployment's environment/);
        }
        assert.ok(
            diags.some(
                (d) =>
                    d.urn.includes("pulumi:providers:aws") &&
                    /from AWS_REGION in the deployment's environment \(its 'region'\)/.test(d.message),
            ),
            JSON.stringify(diags, null, 2),
        );
    });

    it("AWS_DEFAULT_REGION in the EU, no aws:region: nothing blocks", async () => {
        assert.deepEqual(blocking(await previewWith({ AWS_DEFAULT_REGION: "eu-west-1" })), []);
    });

    it("no region anywhere: still 'cannot verify', blocking", async () => {
        const diags = blocking(await previewWith({}));
        assert.ok(
            diags.some((d) => d.urn.endsWith("::orders") && /cannot verify: no region/.test(d.message)),
            JSON.stringify(diags, null, 2),
        );
    });

    it("the stack's aws:region wins over the environment, as it does for the provider", async () => {
        assert.deepEqual(blocking(await previewWith({ AWS_REGION: "cn-north-1" }, { "aws:region": "eu-west-1" })), []);
    });

    describe("an AWS region kept in the shared config file (`aws configure`)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clean-guard-aws-config-"));
        const config = path.join(dir, "config");
        fs.writeFileSync(config, "[default]\nregion = eu-west-1\n\n[profile china]\nregion = cn-north-1\n");
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("the default profile's region in the EU, no aws:region: nothing blocks", async () => {
            assert.deepEqual(blocking(await previewWith({ AWS_CONFIG_FILE: config })), []);
        });

        it("the stack's aws:profile names a profile in China: rejected, naming the profile and the file", async () => {
            const diags = blocking(await previewWith({ AWS_CONFIG_FILE: config }, { "aws:profile": "china" }));
            const onBucket = diags.filter((d) => d.urn.endsWith("::orders"));
            assert.ok(onBucket.length > 0, JSON.stringify(diags, null, 2));
            for (const d of onBucket) assert.match(d.message, /cn-north-1.*region from the 'china' profile of /s);
        });

        it("AWS_PROFILE names the profile when the stack does not; AWS_REGION wins over the file", async () => {
            assert.ok(blocking(await previewWith({ AWS_CONFIG_FILE: config, AWS_PROFILE: "china" })).length > 0);
            const env = { AWS_CONFIG_FILE: config, AWS_PROFILE: "china", AWS_REGION: "eu-central-1" };
            assert.deepEqual(blocking(await previewWith(env)), []);
        });

        it("a profile the file lacks is still 'no region', blocking", async () => {
            const diags = blocking(await previewWith({ AWS_CONFIG_FILE: config }, { "aws:profile": "missing" }));
            assert.ok(
                diags.some((d) => /cannot verify: no region/.test(d.message)),
                JSON.stringify(diags, null, 2),
            );
        });
    });
});
