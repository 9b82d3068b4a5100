// The user's view of speed: the wall time of the real `pulumi preview` (built by scripts/pulumi-cli.sh) on a
// generated Pulumi YAML program of S3 buckets and RDS instances through the aws stand-in provider, with no
// pack, with a pack that judges nothing (the engine's own cost of running any pack: the floor) and with
// clean-guard. The three take turns, run after run, so that a change in the machine's load falls on each of
// them alike; the median of each is kept.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { REPO_ROOT } from "../test/emulator/engine";
import { PULUMI, Workspace } from "../test/pulumi/cli";
import { tinyPack } from "./packs";
import { median, nowMs, progress } from "./stats";

export interface RealCliVariant {
    name: string;
    /** Wall time of each `pulumi preview`, in run order. */
    runsMs: number[];
    medianMs: number;
    /** The median over the no-op pack's: 1.0 is the cost of running any pack at all. */
    ofFloor: number;
}

export type RealCliResult = { resources: number; runs: number; variants: RealCliVariant[] } | { skipped: string };

const FLOOR = "no-op pack";

/** A Pulumi YAML program of `size` resources, half S3 buckets, half RDS instances, all in the stack's region. */
function program(size: number): string {
    const resources: Record<string, unknown> = {};
    const tags = { app: "bench" };
    for (let i = 0; i < size; i++) {
        if (i % 2 === 0) {
            resources[`bucket-${i}`] = { type: "aws:s3/bucket:Bucket", properties: { bucket: `bench-${i}`, tags } };
            continue;
        }
        resources[`db-${i}`] = {
            type: "aws:rds/instance:Instance",
            properties: {
                identifier: `bench-${i}`,
                engine: "postgres",
                instanceClass: "db.t4g.micro",
                allocatedStorage: 20,
                skipFinalSnapshot: true,
                tags,
            },
        };
    }
    return yaml.dump({ name: "bench", runtime: "yaml", resources }, { lineWidth: -1, noRefs: true });
}

export async function measureRealCli(size: number, runs: number): Promise<RealCliResult> {
    if (!existsSync(PULUMI)) {
        const skipped = `${path.relative(REPO_ROOT, PULUMI)} is absent: \`bash scripts/pulumi-cli.sh\` builds it (needs Go)`;
        progress(`real CLI: skipped, ${skipped}`);
        return { skipped };
    }
    const dir = mkdtempSync(path.join(tmpdir(), "clean-guard-bench-program-"));
    mkdirSync(path.join(dir, "program"));
    writeFileSync(path.join(dir, "program", "Pulumi.yaml"), program(size));
    const noop = tinyPack(
        "noop",
        "a pack that judges nothing",
        'const { PolicyPack } = require("@pulumi/policy");\n' +
            'new PolicyPack("noop", { policies: [{ name: "noop", description: "judges nothing", ' +
            'enforcementLevel: "advisory", validateResource: () => undefined }] });\n',
    );
    const variants: Array<[string, string[], string | undefined]> = [
        ["no pack", [], undefined],
        [FLOOR, ["--policy-pack", noop], "noop@"],
        ["clean-guard", ["--policy-pack", REPO_ROOT], "clean-guard@"],
    ];
    const ws = await Workspace.create({
        name: "bench",
        dir: path.join(dir, "program"),
        stack: "bench",
        config: { "aws:region": "eu-west-1" },
        secretKeys: [],
        expected: [],
        expectedAtUp: [],
    });
    try {
        const preview = async ([name, args, shows]: (typeof variants)[number]): Promise<number> => {
            const start = nowMs();
            const { code, output } = await ws.pulumi(["preview", "--non-interactive", "--color", "never", ...args]);
            const ms = nowMs() - start;
            // A preview that failed, or ran without its pack, would measure something else.
            if (code !== 0 || (shows && !output.includes(shows)))
                throw new Error(`real CLI, ${name}: pulumi preview exited ${code}:\n${output}`);
            return ms;
        };
        // Once untimed: the stand-in's schema cache and the file system's caches are warm for every variant.
        progress(`real CLI: warm-up preview of ${size} resources`);
        await preview(variants[2]);
        const times = new Map(variants.map(([name]) => [name, [] as number[]]));
        for (let run = 1; run <= runs; run++) {
            for (const variant of variants) {
                progress(`real CLI: run ${run}/${runs}, ${variant[0]}`);
                times.get(variant[0])!.push(await preview(variant));
            }
        }
        const floor = median(times.get(FLOOR)!);
        return {
            resources: size,
            runs,
            variants: variants.map(([name]) => {
                const runsMs = times.get(name)!;
                return { name, runsMs, medianMs: median(runsMs), ofFloor: median(runsMs) / floor };
            }),
        };
    } finally {
        ws.dispose();
        rmSync(noop, { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
    }
}
