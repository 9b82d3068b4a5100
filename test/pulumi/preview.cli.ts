// `pulumi preview --policy-pack <repository root>` with the real Pulumi CLI on every program of
// test/pulumi/programs: the findings the CLI reports are exactly the expected ones (a twin's are its
// example's expected-findings.json), the exit code is what a user's CI would see, and no secret is printed.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runProgram } from "../../src/inputs/program";
import { parseUrn } from "../../src/model/resource";
import {
    assembleProgram,
    differences,
    EXAMPLES,
    programs,
    PROGRAMS,
    secretsOf,
    Workspace,
    type CliResult,
} from "./cli";

describe("pulumi preview --policy-pack: the real CLI runs the pack", function () {
    it("every example has a Pulumi YAML twin", () => {
        const examples = fs
            .readdirSync(EXAMPLES)
            .filter((name) => fs.existsSync(path.join(EXAMPLES, name, "Pulumi.yaml")))
            .sort();
        assert.ok(examples.length > 0);
        assert.deepEqual(
            programs()
                .map((p) => p.twinOf)
                .filter((name) => name !== undefined),
            examples,
        );
    });

    for (const program of programs()) {
        describe(program.twinOf ? `${program.name} (twin of examples/${program.twinOf})` : program.name, () => {
            let ws: Workspace;
            let preview: CliResult;
            const secrets = secretsOf(program);
            before(async () => {
                ws = await Workspace.create(program, { secrets: secrets.config });
                preview = await ws.run("preview");
            });
            after(() => ws?.dispose());

            if (program.twinOf) {
                it("declares the same resources as its example, each with the same provider", async () => {
                    const run = await runProgram(path.join(EXAMPLES, program.twinOf!));
                    // Custom resources and explicit providers: YAML has no components, the engine adds defaults.
                    const ofExample = run.resources
                        .filter(
                            (r) => r.provider ?? (r.type.startsWith("pulumi:providers:") && !/^default/.test(r.name)),
                        )
                        .map((r) => {
                            const explicit = r.provider && !/^default/.test(r.provider.name);
                            return `${r.type} ${r.name}${explicit ? ` via \${${r.provider!.name}}` : ""}`;
                        });
                    const declared = assembleProgram(path.join(PROGRAMS, program.name)).resources ?? {};
                    const ofTwin = Object.entries(declared).map(([name, { type, options }]) => {
                        const provider = options?.provider;
                        return `${type} ${name}${typeof provider === "string" ? ` via ${provider}` : ""}`;
                    });
                    assert.deepEqual(ofTwin.sort(), ofExample.sort());
                });
            }

            it("reports exactly the expected findings", () => {
                const diff = differences(program.expected, preview.findings);
                assert.deepEqual(diff, [], `findings differ:\n${diff.join("\n")}\n\nCLI output:\n${preview.output}`);
            });

            const mandatory = program.expected.some((f) => f.level === "mandatory");
            it(mandatory ? "fails: a mandatory violation exits non-zero" : "passes: exit code 0", () => {
                assert.equal(preview.code !== 0, mandatory, preview.output);
            });

            it("prints every finding with its resource and a fix", () => {
                for (const f of preview.findings) {
                    assert.ok(preview.output.includes(f.policy), `${f.policy} not shown:\n${preview.output}`);
                    assert.ok(f.message.includes(`'${parseUrn(f.urn)?.name}'`), f.message);
                    assert.match(f.message, /Fix:/, f.message);
                }
            });

            it("never prints a secret value", () => {
                const leaks = secrets.texts.filter((t) => preview.output.includes(t));
                assert.deepEqual(leaks, [], preview.output);
            });
        });
    }
});
