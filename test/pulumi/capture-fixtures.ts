// Captures what the real Pulumi CLI writes, for the `clean-guard scan` tests (test/cli/fixtures/real). For
// every program: `pulumi preview --json`; then, after `pulumi up` without the pack (so that a program the
// pack would block is deployed too), `pulumi stack export`, and for a program with secrets also
// `pulumi stack export --show-secrets`. `npm run fixtures` runs it for every program (after building the
// CLI), or for the ones named: npm run fixtures -- <program...>

import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { REPO_ROOT } from "../emulator/engine";
import { programs, secretsOf, Workspace } from "./cli";

const REAL_FIXTURES = path.join(REPO_ROOT, "test", "cli", "fixtures", "real");

async function write(name: string, json: string): Promise<void> {
    const file = path.join(REAL_FIXTURES, name);
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    fs.writeFileSync(file, await prettier.format(JSON.stringify(JSON.parse(json)), options));
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

async function main(): Promise<void> {
    const named = process.argv.slice(2);
    // A whole run leaves no fixture of a program that is gone.
    if (named.length === 0) fs.rmSync(REAL_FIXTURES, { recursive: true, force: true });
    fs.mkdirSync(REAL_FIXTURES, { recursive: true });
    for (const program of programs().filter((p) => named.length === 0 || named.includes(p.name))) {
        const secrets = secretsOf(program);
        const ws = await Workspace.create(program, { secrets: secrets.config });
        try {
            // A preview with violations exits non-zero and still prints its JSON.
            await write(
                `${program.name}.preview.json`,
                (await ws.pulumi(["preview", "--json", "--non-interactive"])).output,
            );
            await ws.pulumiOk(["up", "--yes", "--skip-preview", "--non-interactive"]);
            await write(`${program.name}.export.json`, (await ws.pulumiOk(["stack", "export"])).output);
            if (secrets.texts.length > 0) {
                const shown = await ws.pulumiOk(["stack", "export", "--show-secrets"]);
                await write(`${program.name}.export-show-secrets.json`, shown.output);
            }
        } finally {
            ws.dispose();
        }
    }
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
