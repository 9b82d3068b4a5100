// `clean-guard scan` over what the real Pulumi CLI wrote for the programs of test/pulumi/programs
// (test/cli/fixtures/real, captured by `npm run fixtures`): a preview's JSON gives the findings the pack gave
// under `pulumi preview`, and a deployed stack's export the findings the pack gives under `pulumi up`.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { compare } from "../../src/cli/demo";
import { scan } from "../../src/cli/scan";
import { defaultProviderName, programs, type ExpectedFinding } from "../pulumi/cli";

const REAL = path.join(__dirname, "fixtures", "real");

// The preview's JSON prints every secret as `[secret]`, where the pack saw the plaintext: the secret regions of
// side-doors and shop-prod, aws-eu-violating's secret S3 endpoint and aws-eu-ai's secret model API address are
// then reported as unreadable, so none can match what the pack found; what they give instead is tested below,
// and their exports with --show-secrets match the pack.
const MASKED = ["aws-eu-violating", "aws-eu-ai", "shop-prod", "side-doors"];

async function scanned(file: string, expected: ExpectedFinding[]): Promise<string[]> {
    const { evaluation, meta } = await scan(path.join(REAL, file));
    // Pulumi YAML's default provider is `default`; the expectations name it as TypeScript does.
    const findings = evaluation.findings.map((f) => ({
        ...f,
        resource: { ...f.resource, name: defaultProviderName(f.resource.type, f.resource.name) },
    }));
    return compare(expected, findings, meta);
}

describe("scan: what the real Pulumi CLI wrote", () => {
    for (const program of programs()) {
        if (!MASKED.includes(program.name)) {
            it(`${program.name}: the preview's JSON gives the pack's preview findings`, async () => {
                assert.deepEqual(await scanned(`${program.name}.preview.json`, program.expected), []);
            });
        }
        // Where a secret is ciphertext the export cannot say what the pack saw: the plaintext export can.
        const shown = `${program.name}.export-show-secrets.json`;
        const exported = fs.existsSync(path.join(REAL, shown)) ? shown : `${program.name}.export.json`;
        it(`${program.name}: ${exported} gives the pack's findings at up`, async () => {
            assert.deepEqual(await scanned(exported, program.expectedAtUp), []);
        });
    }
});

describe("scan: a secret the preview's JSON masks is never a silent pass", () => {
    const masked = async (program: string, policy: string): Promise<string[]> => {
        const { evaluation } = await scan(path.join(REAL, `${program}.preview.json`));
        return evaluation.findings
            .filter((f) => f.policy === policy)
            .map((f) => `${f.kind}${f.advisory ? " advisory" : ""} ${f.resource.name}: ${f.found}`)
            .sort();
    };

    it("aws-eu-violating's secret S3 endpoint: cannot verify, blocking, on the provider and the bucket", async () => {
        assert.deepEqual(await masked("aws-eu-violating", "clean-guard-untrusted-host"), [
            "unverified orders-exports: the endpoint provider 'oss': endpoints[0].s3 is a secret whose value is not available to clean-guard",
            "unverified oss: the endpoint endpoints[0].s3 is a secret whose value is not available to clean-guard",
        ]);
    });

    it("shop-prod's secret provider regions: cannot verify, blocking, on the providers and their buckets", async () => {
        assert.deepEqual(await masked("shop-prod", "clean-guard-disallowed-region"), [
            "unverified ali: the provider's input 'region' is a secret whose value is not available to clean-guard",
            "unverified hidden: the region (input 'region') is a secret whose value is not available to clean-guard",
            "unverified vault-copy: the region (provider 'hidden') is a secret whose value is not available to clean-guard",
            "unverified vault: region of provider 'ali' is a secret whose value is not available to clean-guard",
        ]);
    });

    it("aws-eu-ai's secret model API address: cannot verify, blocking; the global. agent as under the pack", async () => {
        const { evaluation } = await scan(path.join(REAL, "aws-eu-ai.preview.json"));
        const blocking = evaluation.findings
            .filter((f) => !f.advisory)
            .map((f) => `${f.policy} ${f.kind} ${f.resource.name}: ${f.found.split(" (")[0]}`);
        assert.deepEqual(blocking.sort(), [
            "clean-guard-data-residency unverified claims-assistant-global: aws processing location global.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "clean-guard-untrusted-host unverified summarise: the endpoint environment.variables.LLM_BASE_URL is a secret whose value is not available to clean-guard",
        ]);
    });
});
