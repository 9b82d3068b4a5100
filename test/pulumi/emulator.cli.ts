// Keeps the engine emulator (test/emulator/engine.ts) honest: on every program, the resources the real
// engine planned (`pulumi preview --json`) are sent through the emulator, and its findings must be the ones
// the real CLI reported for the same preview.

import { strict as assert } from "node:assert";
import * as path from "node:path";
import { readPreview } from "../../src/inputs/preview-json";
import type { NormalisedResource } from "../../src/model/resource";
import { isRecord, Secret, type Props, type Value } from "../../src/model/values";
import { asEngineSends, EngineEmulator } from "../emulator/engine";
import { assembleProgram, differences, programs, PROGRAMS, secretsOf, toFinding, Workspace, type Program } from "./cli";

/**
 * The preview's JSON prints every secret as `[secret]`, where the engine sends the pack the plaintext.
 * The test knows each plaintext: where the program wrote `fn::secret: <text>` or `${<secret config key>}`
 * at a secret's path, the secret gets that text back.
 */
function revealSecrets(program: Program, config: Record<string, string>, resources: NormalisedResource[]) {
    const declared = assembleProgram(path.join(PROGRAMS, program.name)).resources ?? {};
    const byKey = new Map(Object.entries(config).map(([k, v]) => [`\${${k.split(":").pop()}}`, v]));
    const reveal = (v: Value, written: unknown): Value => {
        if (v instanceof Secret && v.value === undefined) {
            const text = isRecord(written as Value) ? (written as Record<string, unknown>)["fn::secret"] : written;
            const plain = typeof text === "string" ? (byKey.get(text) ?? text) : undefined;
            return plain === undefined ? v : new Secret(plain);
        }
        const at = (k: string | number) => (written as Record<string | number, unknown> | undefined)?.[k];
        if (Array.isArray(v)) return v.map((x, i) => reveal(x, at(i)));
        return isRecord(v) ? revealProps(v, written) : v;
    };
    const revealProps = (props: Props, written: unknown): Props =>
        Object.fromEntries(
            Object.entries(props).map(([k, x]) => [
                k,
                reveal(x, (written as Record<string, unknown> | undefined)?.[k]),
            ]),
        );
    const propsOf = (name: string) => (declared[name] as { properties?: unknown } | undefined)?.properties;
    return resources.map((r) => ({
        ...r,
        props: revealProps(r.props, propsOf(r.name)),
        provider: r.provider && { ...r.provider, props: revealProps(r.provider.props, propsOf(r.provider.name)) },
    }));
}

describe("the engine emulator agrees with the real CLI", function () {
    for (const program of programs()) {
        it(program.name, async () => {
            const secrets = secretsOf(program);
            const ws = await Workspace.create(program, { secrets: secrets.config });
            try {
                const real = await ws.run("preview");
                const planned = await ws.pulumiOk(["preview", "--json", "--non-interactive"]);
                const { resources, stack } = readPreview(JSON.parse(planned.output), "preview.json");
                const engine = await EngineEmulator.start({
                    project: stack.project,
                    stack: stack.stack,
                    stackConfig: { ...program.config, ...secrets.config },
                    secretConfigKeys: program.secretKeys,
                });
                try {
                    const sent = revealSecrets(program, secrets.config, resources).map(asEngineSends);
                    const diff = differences(real.findings, (await engine.preview(sent)).map(toFinding));
                    assert.deepEqual(diff, [], `emulator (extra) vs real CLI (missing):\n${diff.join("\n")}`);
                } finally {
                    await engine.stop();
                }
            } finally {
                ws.dispose();
            }
        });
    }
});
