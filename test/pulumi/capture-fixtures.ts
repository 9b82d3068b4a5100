// Captures what the real Pulumi CLI writes, for the `clean-guard scan` tests (test/cli/fixtures/real):
// `pulumi preview --json` of every program with a mandatory finding, and `pulumi stack export` of the
// compliant ones after `pulumi up`. Run after scripts/pulumi-cli.sh, for every program or the ones named:
//   node -r ts-node/register/transpile-only test/pulumi/capture-fixtures.ts [program...]

import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { REPO_ROOT } from "../emulator/engine";
import { programs, secretsOf, Workspace } from "./cli";

const OUT = path.join(REPO_ROOT, "test", "cli", "fixtures", "real");

async function main(): Promise<void> {
    fs.mkdirSync(OUT, { recursive: true });
    const named = process.argv.slice(2);
    for (const program of programs().filter((p) => named.length === 0 || named.includes(p.name))) {
        const ws = await Workspace.create(program, { secrets: secretsOf(program).config });
        try {
            const blocked = program.expected.some((f) => f.level === "mandatory");
            const args = blocked ? ["preview", "--json"] : ["stack", "export"];
            if (!blocked) await ws.pulumiOk(["up", "--yes", "--skip-preview", "--non-interactive"]);
            // A preview with violations exits non-zero and still prints its JSON.
            const { output } = await ws.pulumi([...args, "--non-interactive"]);
            const file = path.join(OUT, `${program.name}.${blocked ? "preview" : "export"}.json`);
            const options = { ...(await prettier.resolveConfig(file)), filepath: file };
            fs.writeFileSync(file, await prettier.format(JSON.stringify(JSON.parse(output)), options));
            console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
        } finally {
            ws.dispose();
        }
    }
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
