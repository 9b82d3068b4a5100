// The two packs under comparison, started as the engine starts a pack: clean-guard from the repository
// root, and the peer @pulumi/awsguard (every policy mandatory) from a tiny pack directory whose
// `node_modules` links to the repository's.

import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT, type EmulatedResource, type StartOptions } from "../test/emulator/engine";
import { awsPart, STACK_CONFIG } from "./generate";

export interface PackUnderTest {
    name: string;
    packDir: string;
    start: StartOptions;
    /** The part of a generated stack the pack is meant to judge. */
    scope(resources: readonly EmulatedResource[]): EmulatedResource[];
    dispose(): void;
}

// The pack's environment leaves EC2 lookups off (no AWS configuration): the lookups are measured on their
// own against moto_server, and a preview benchmark must not depend on a network.
const NO_AWS: NodeJS.ProcessEnv = { AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" };

export function cleanGuardPack(): PackUnderTest {
    return {
        name: "clean-guard",
        packDir: REPO_ROOT,
        start: { packDir: REPO_ROOT, stackConfig: { ...STACK_CONFIG }, env: NO_AWS },
        scope: (resources) => [...resources],
        dispose: () => undefined,
    };
}

/**
 * A pack directory in the temporary directory: its PulumiPolicy.yaml, package.json and index.js, and a
 * `node_modules` that links to the repository's. The caller removes it.
 */
export function tinyPack(name: string, description: string, index: string): string {
    const packDir = mkdtempSync(path.join(tmpdir(), `clean-guard-bench-${name}-`));
    writeFileSync(path.join(packDir, "PulumiPolicy.yaml"), `runtime: nodejs\ndescription: ${description}\n`);
    writeFileSync(
        path.join(packDir, "package.json"),
        JSON.stringify({ name: `${name}-bench`, version: "0.0.0", main: "index.js" }, null, 2),
    );
    writeFileSync(path.join(packDir, "index.js"), index);
    symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(packDir, "node_modules"), "dir");
    return packDir;
}

export function awsguardPack(): PackUnderTest {
    const packDir = tinyPack(
        "awsguard",
        "awsguard, every policy mandatory",
        'const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "mandatory" });\n',
    );
    return {
        name: "awsguard",
        packDir,
        start: { packDir, stackConfig: { ...STACK_CONFIG }, env: NO_AWS, policyConfig: { all: "mandatory" } },
        scope: awsPart,
        dispose: () => rmSync(packDir, { recursive: true, force: true }),
    };
}
