// The two packs under comparison, started as the engine starts a pack: clean-guard from the repository
// root, and the peer @pulumi/awsguard (every policy mandatory) from a tiny pack directory whose
// `node_modules` links to the repository's.

import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { EmulatedResource, StartOptions } from "../test/emulator/engine";
import { awsPart, STACK_CONFIG } from "./generate";

/** The emulator's own REPO_ROOT is relative to its compiled file, which sits deeper in dist/. */
export const REPO = path.resolve(__dirname, "..", "..");

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
        packDir: REPO,
        start: { packDir: REPO, stackConfig: { ...STACK_CONFIG }, env: NO_AWS },
        scope: (resources) => [...resources],
        dispose: () => undefined,
    };
}

export function awsguardPack(): PackUnderTest {
    const packDir = mkdtempSync(path.join(tmpdir(), "clean-guard-bench-awsguard-"));
    writeFileSync(
        path.join(packDir, "PulumiPolicy.yaml"),
        "runtime: nodejs\ndescription: awsguard, every policy mandatory\n",
    );
    writeFileSync(
        path.join(packDir, "package.json"),
        JSON.stringify({ name: "awsguard-bench", version: "0.0.0", main: "index.js" }, null, 2),
    );
    writeFileSync(
        path.join(packDir, "index.js"),
        'const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "mandatory" });\n',
    );
    symlinkSync(path.join(REPO, "node_modules"), path.join(packDir, "node_modules"), "dir");
    return {
        name: "awsguard",
        packDir,
        start: { packDir, stackConfig: { ...STACK_CONFIG }, env: NO_AWS, policyConfig: { all: "mandatory" } },
        scope: awsPart,
        dispose: () => rmSync(packDir, { recursive: true, force: true }),
    };
}
