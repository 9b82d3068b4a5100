// `clean-guard scan` over what the real Pulumi CLI wrote for the programs of test/pulumi/programs
// (test/cli/fixtures/real, captured by test/pulumi/capture-fixtures.ts): a preview's JSON gives the findings
// the pack gave under `pulumi preview`, and the stacks `pulumi up` deployed are clean.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { compare } from "../../src/cli/demo";
import { scan } from "../../src/cli/scan";
import { defaultProviderName, programs } from "../pulumi/cli";

const REAL = path.join(__dirname, "fixtures", "real");

// The preview's JSON prints every secret as `[secret]`, where the pack saw the plaintext: side-doors' secret
// region, aws-eu-violating's secret S3 endpoint and aws-eu-ai's secret model API address are then reported as
// unreadable, so none can match what the pack found; what they give instead is tested below.
const MASKED = ["aws-eu-violating", "aws-eu-ai", "side-doors"];

describe("scan: what the real Pulumi CLI wrote", () => {
    for (const program of programs().filter((p) => !MASKED.includes(p.name))) {
        const preview = path.join(REAL, `${program.name}.preview.json`);
        const kind = fs.existsSync(preview) ? "preview" : "export";
        it(`${program.name}: ${kind === "preview" ? "the pack's preview findings" : "the deployed stack is clean"}`, async () => {
            const { evaluation, meta } = await scan(path.join(REAL, `${program.name}.${kind}.json`));
            // Pulumi YAML's default provider is `default`; the expectations name it as TypeScript does.
            const findings = evaluation.findings.map((f) => ({
                ...f,
                resource: { ...f.resource, name: defaultProviderName(f.resource.type, f.resource.name) },
            }));
            assert.deepEqual(compare(kind === "preview" ? program.expected : [], findings, meta), []);
        });
    }
});

describe("scan: a secret the preview's JSON masks is never a silent pass", () => {
    it("aws-eu-violating's secret S3 endpoint: cannot verify, blocking, on the provider and the bucket", async () => {
        const { evaluation } = await scan(path.join(REAL, "aws-eu-violating.preview.json"));
        const hidden = evaluation.findings
            .filter((f) => f.policy === "clean-guard-untrusted-host")
            .map((f) => `${f.kind}${f.advisory ? " advisory" : ""} ${f.resource.name}: ${f.found}`);
        assert.deepEqual(hidden.sort(), [
            "unverified orders-exports: the endpoint provider 'oss': endpoints[0].s3 is a secret whose value is not available to clean-guard",
            "unverified oss: the endpoint endpoints[0].s3 is a secret whose value is not available to clean-guard",
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
