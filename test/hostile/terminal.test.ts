// A report is read on a terminal. A name or value that carries escape sequences, carriage returns,
// bidirectional overrides or zero-width characters must be shown, not obeyed: otherwise a resource named
// `orders<ESC>[1A<ESC>[2K all clean` rewrites the line above it, and `cn-north-1<ZWSP>` looks like a real region.
// Run `npm run build` first: the pack and the CLI run from dist.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { FORMATS } from "../../src/cli/formats";
import { defaultProvider, EngineEmulator } from "../emulator/engine";
import { runCli } from "./cli-run";

/** Characters that change what a terminal shows instead of being shown. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

const NAME = "orders\u001b[1A\u001b[2K\r\u001b[32mall clean\u001b[0m\u202e";
const REGION = "cn-north-1\u200b";
const TAG = "eu\u001b[2K";

describe("terminal: names and values are shown, not obeyed", function () {
    this.timeout(90_000);

    it("in the engine's diagnostics", async () => {
        const engine = await EngineEmulator.start({ stackConfig: { "aws:region": "eu-west-1" } });
        try {
            const diags = await engine.analyze({
                type: "aws:s3/bucket:Bucket",
                name: NAME,
                inputs: { region: REGION, tags: { "data-residency": TAG } },
                provider: defaultProvider("aws", { "aws:region": "eu-west-1" }),
            });
            // The disguised name lands in AWS China by its shape; that the catalog lacks it is a warning.
            assert.deepEqual(diags.map((d) => d.policyName).sort(), [
                "clean-guard-data-residency",
                "clean-guard-disallowed-region",
                "clean-guard-unverified",
            ]);
            for (const d of diags) assert.ok(!OBEYED.test(d.message), JSON.stringify(d.message));
            const region = diags.find((d) => d.policyName === "clean-guard-disallowed-region")!;
            assert.ok(region.message.includes("cn-north-1\\u200b"), "the invisible character is shown");
        } finally {
            await engine.stop();
        }
    });

    describe("in every CLI format", () => {
        const scratch = mkdtempSync(path.join(tmpdir(), "clean-guard-terminal-"));
        const file = path.join(scratch, "preview.json");
        before(() => writeFileSync(file, JSON.stringify(preview())));
        after(() => rmSync(scratch, { recursive: true, force: true }));
        // What people read (a terminal, a browser, a CI page built from JUnit XML, where a control character is
        // not even well-formed) shows the characters escaped; JSON and SARIF keep the data exact, JSON-escaped.
        for (const format of FORMATS) {
            it(format, async () => {
                const run = await runCli(["scan", "--format", format, file]);
                assert.equal(run.code, 1, run.stderr);
                if (format === "json" || format === "sarif") {
                    assert.ok(
                        run.stdout.includes(JSON.stringify(NAME).slice(1, -1)),
                        "the name, exact and JSON-escaped",
                    );
                    return;
                }
                const at = run.stdout.search(OBEYED);
                assert.equal(
                    at,
                    -1,
                    `obeyed character at ${at}: ${JSON.stringify(run.stdout.slice(at - 40, at + 40))}`,
                );
            });
        }
    });
});

function preview() {
    const urn = `urn:pulumi:dev::shop::aws:s3/bucket:Bucket::${NAME}`;
    const provider = "urn:pulumi:dev::shop::pulumi:providers:aws::default_7_48_0::1";
    return {
        config: { "aws:region": "eu-west-1" },
        steps: [
            {
                op: "create",
                urn,
                provider,
                newState: {
                    urn,
                    custom: true,
                    type: "aws:s3/bucket:Bucket",
                    inputs: { region: REGION, tags: { "data-residency": TAG } },
                    provider,
                },
            },
        ],
    };
}
