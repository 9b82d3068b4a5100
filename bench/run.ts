// `npm run bench [-- --quick] [-- --real-cli-only]`: clean-guard's cost on every path a preview takes, side
// by side with @pulumi/awsguard on the AWS part of the same stacks, and the real Pulumi CLI's preview with
// and without a pack (bench/real-cli.ts; BENCH_REAL_CLI_RESOURCES and BENCH_REAL_CLI_RUNS set its size and
// runs; --real-cli-only measures that alone and writes no results). Progress on stderr, tables on stdout,
// results as JSON under bench/results/. The no-op pack of the protocol floor runs beside awsguard and
// clean-guard on one stack (bench/side-by-side.ts): `--side-by-side` measures that alone (`--baseline <dir>`
// adds a built checkout of an earlier commit to it), and `--profile` runs clean-guard under V8's CPU profiler
// through the same Analyze load and prints its top frames (`--profile-stack`: AnalyzeStack alone, of the first
// `--scale-sizes` size, `--rounds` times). `--scale` measures AnalyzeStack alone at 10,000 and
// 100,000 resources beside the floor (bench/scale.ts): wall time, growth per resource and the pack's peak
// memory; `--scale-sizes 2000,20000`, `--rounds 3` and `--baseline <dir>` change what it runs.

import * as path from "node:path";
import { EngineEmulator, REPO_ROOT } from "../test/emulator/engine";
import { measureEc2 } from "./ec2";
import { generateStack } from "./generate";
import { measurePreview, measureStartup, packPid, peakMemoryMiB } from "./grpc";
import { measureInProcess } from "./in-process";
import { awsguardPack, cleanGuardPack, floorPack, type PackUnderTest } from "./packs";
import { printProfile, profilePack } from "./profile";
import { measureRealCli } from "./real-cli";
import {
    judgeTargets,
    machine,
    printTables,
    printTargets,
    realCliTable,
    scaleTable,
    scaleTargets,
    sideBySideTable,
    sideBySideTargets,
    writeResults,
    type BenchResult,
    type PackResult,
} from "./report";
import { measureScale } from "./scale";
import { measureSideBySide, type SideBySideResult } from "./side-by-side";
import { load, progress } from "./stats";

interface Plan {
    quick: boolean;
    sizes: number[];
    /** In-process repetitions per size (the median is kept). */
    repetitions: (size: number) => number;
    startups: number;
    /** The floor / awsguard / clean-guard comparison: one stack of the realistic mix, packs taking turns. */
    sideBySide: { resources: number; rounds: number };
    ec2: { instances: number; distinctAmis: number };
    realCli: { resources: number; runs: number };
    /** `--scale`: AnalyzeStack at each size (`--scale-sizes 10000,100000`), `--rounds` times each. */
    scale: { sizes: number[]; rounds: number };
}

function planFor(argv: readonly string[]): Plan {
    const quick = argv.includes("--quick");
    return {
        quick,
        sizes: quick ? [1_000] : [1_000, 10_000, 100_000],
        repetitions: (size) => (quick ? 1 : size >= 100_000 ? 1 : 3),
        startups: quick ? 1 : 3,
        sideBySide: { resources: 3_000, rounds: 3 },
        ec2: { instances: 1_000, distinctAmis: 250 },
        realCli: {
            resources: Number(process.env.BENCH_REAL_CLI_RESOURCES ?? 2_000),
            runs: Number(process.env.BENCH_REAL_CLI_RUNS ?? (quick ? 3 : 5)),
        },
        scale: {
            sizes: (optionOf(argv, "--scale-sizes") ?? "10000,100000").split(",").map(Number),
            rounds: Number(optionOf(argv, "--rounds") ?? 1),
        },
    };
}

/** The value after `--flag` on the command line, if given. */
function optionOf(argv: readonly string[], flag: string): string | undefined {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
}

async function measurePack(
    pack: PackUnderTest,
    stacks: ReturnType<typeof generateStack>[],
    plan: Plan,
): Promise<PackResult> {
    progress(`${pack.name}: start-up x${plan.startups}`);
    const startup = await measureStartup(pack, plan.startups);
    const engine = await EngineEmulator.start(pack.start);
    try {
        const pid = packPid(pack.packDir);
        const previews = [];
        for (const stack of stacks) {
            const resources = pack.scope(stack.resources);
            progress(`${pack.name}: preview of ${resources.length} resources`);
            previews.push(await measurePreview(engine, pid, resources));
        }
        return { startup, previews, peakMemoryMiB: peakMemoryMiB(pid) };
    } finally {
        await engine.stop();
    }
}

async function sideBySide(plan: Plan, argv: readonly string[]): Promise<SideBySideResult> {
    const packs = [floorPack(), awsguardPack(), cleanGuardPack(), ...baselines(argv).map((dir) => cleanGuardPack(dir))];
    try {
        return await measureSideBySide(
            packs,
            generateStack(plan.sideBySide.resources).resources,
            plan.sideBySide.rounds,
        );
    } finally {
        for (const p of packs) p.dispose();
    }
}

/** `--baseline <dir>`: a built checkout of clean-guard (an earlier commit) measured in the same run. */
function baselines(argv: readonly string[]): string[] {
    return argv.flatMap((arg, i) => (arg === "--baseline" && argv[i + 1] ? [path.resolve(argv[i + 1])] : []));
}

/** The modes that run one part of the bench alone, to iterate on it; false when the full bench should run. */
async function singleMode(argv: readonly string[], plan: Plan): Promise<boolean> {
    if (argv.includes("--profile")) {
        printProfile(await profilePack(cleanGuardPack(), generateStack(plan.sideBySide.resources).resources, 3));
        return true;
    }
    if (argv.includes("--profile-stack")) {
        const size = plan.scale.sizes[0];
        printProfile(await profilePack(cleanGuardPack(), generateStack(size).resources, plan.scale.rounds, true));
        return true;
    }
    if (argv.includes("--scale")) {
        const packs = [floorPack(), cleanGuardPack(), ...baselines(argv).map((dir) => cleanGuardPack(dir))];
        try {
            const stacks = plan.scale.sizes.map((size) => {
                progress(`generating ${size} resources`);
                return generateStack(size).resources;
            });
            const result = await measureScale(packs, stacks, plan.scale.rounds);
            process.stdout.write(`${scaleTable(result).toString()}\n`);
            printTargets(scaleTargets(result));
        } finally {
            for (const p of packs) p.dispose();
        }
        return true;
    }
    if (argv.includes("--side-by-side")) {
        const result = await sideBySide(plan, argv);
        process.stdout.write(`${sideBySideTable(result).toString()}\n`);
        printTargets(sideBySideTargets(result));
        return true;
    }
    return false;
}

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const plan = planFor(argv);
    const loadBefore = load();
    if (await singleMode(argv, plan)) return;
    if (argv.includes("--real-cli-only")) {
        const realCli = await measureRealCli(plan.realCli.resources, plan.realCli.runs);
        process.stdout.write(`load ${loadBefore} before / ${load()} after\n${realCliTable(realCli)}`);
        return;
    }
    const stacks = plan.sizes.map((size) => {
        progress(`generating ${size} resources`);
        return generateStack(size);
    });
    const inProcess = [];
    for (const stack of stacks) {
        progress(`in-process: ${stack.resources.length} resources`);
        inProcess.push(await measureInProcess(stack.resources, plan.repetitions(stack.resources.length)));
    }
    const cleanGuard = await measurePack(cleanGuardPack(), stacks, plan);
    const peer = awsguardPack();
    let awsguard: PackResult;
    try {
        awsguard = await measurePack(peer, stacks, plan);
    } finally {
        peer.dispose();
    }
    const sideBySideResult = await sideBySide(plan, argv);
    progress(`EC2 lookups: ${plan.ec2.instances} instances against moto_server`);
    const ec2 = await measureEc2(plan.ec2.instances, plan.ec2.distinctAmis);
    const realCli = await measureRealCli(plan.realCli.resources, plan.realCli.runs);
    const partial = {
        date: new Date().toISOString(),
        quick: plan.quick,
        machine: machine(loadBefore),
        inProcess,
        cleanGuard,
        awsguard,
        sideBySide: sideBySideResult,
        ec2,
        realCli,
    };
    const result: BenchResult = { ...partial, targets: judgeTargets(partial) };
    printTables(result);
    for (const file of writeResults(result, path.join(REPO_ROOT, "bench", "results")))
        progress(`wrote ${path.relative(REPO_ROOT, file)}`);
}

main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
});
