// The packs under comparison, started as the engine starts a pack: clean-guard from the repository root;
// the peer @pulumi/awsguard (every policy mandatory) and the no-op floor from tiny pack directories whose
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

const everything = (resources: readonly EmulatedResource[]): EmulatedResource[] => [...resources];

/** This repository's pack; or, with `packDir`, another built checkout of it (a baseline to compare against). */
export function cleanGuardPack(packDir = REPO): PackUnderTest {
    return {
        name: packDir === REPO ? "clean-guard" : `clean-guard at ${path.basename(packDir)}`,
        packDir,
        start: { packDir, stackConfig: { ...STACK_CONFIG }, env: NO_AWS },
        scope: everything,
        dispose: () => undefined,
    };
}

export function awsguardPack(): PackUnderTest {
    return temporaryPack({
        name: "awsguard",
        description: "awsguard, every policy mandatory",
        index: 'const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "mandatory" });\n',
        policyConfig: { all: "mandatory" },
        scope: awsPart,
    });
}

/**
 * The protocol floor: a pack of one policy that does nothing. What the policy SDK and gRPC cost per request,
 * so that every other pack's figure reads as a multiple of what no pack can go below.
 */
export function floorPack(): PackUnderTest {
    return temporaryPack({
        name: "floor",
        description: "no-op: one policy that does nothing",
        index: [
            'const { PolicyPack } = require("@pulumi/policy");',
            'new PolicyPack("floor", {',
            '    policies: [{ name: "nothing", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }],',
            "});",
            "",
        ].join("\n"),
        scope: everything,
    });
}

function temporaryPack(pack: {
    name: string;
    description: string;
    /** The pack's index.js. */
    index: string;
    policyConfig?: StartOptions["policyConfig"];
    scope: PackUnderTest["scope"];
}): PackUnderTest {
    const packDir = mkdtempSync(path.join(tmpdir(), `clean-guard-bench-${pack.name}-`));
    writeFileSync(path.join(packDir, "PulumiPolicy.yaml"), `runtime: nodejs\ndescription: ${pack.description}\n`);
    writeFileSync(
        path.join(packDir, "package.json"),
        JSON.stringify({ name: `${pack.name}-bench`, version: "0.0.0", main: "index.js" }, null, 2),
    );
    writeFileSync(path.join(packDir, "index.js"), pack.index);
    symlinkSync(path.join(REPO, "node_modules"), path.join(packDir, "node_modules"), "dir");
    return {
        name: pack.name,
        packDir,
        start: { packDir, stackConfig: { ...STACK_CONFIG }, env: NO_AWS, policyConfig: pack.policyConfig },
        scope: pack.scope,
        dispose: () => rmSync(packDir, { recursive: true, force: true }),
    };
}
