// `npm run bench [-- --quick] [-- --real-cli-only]`: clean-guard's cost on every path a preview takes, side
// by side with @pulumi/awsguard on the AWS part of the same stacks, and the real Pulumi CLI's preview with
// and without a pack (bench/real-cli.ts; BENCH_REAL_CLI_RESOURCES and BENCH_REAL_CLI_RUNS set its size and
// runs; --real-cli-only measures that alone and writes no results). Progress on stderr, tables on stdout,
// results as JSON under bench/results/.

import * as path from "node:path";
import { EngineEmulator, REPO_ROOT } from "../test/emulator/engine";
import { measureEc2 } from "./ec2";
import { generateStack } from "./generate";
import { measurePreview, measureStartup, packPid, peakMemoryMiB } from "./grpc";
import { measureInProcess } from "./in-process";
import { awsguardPack, cleanGuardPack, type PackUnderTest } from "./packs";
import { measureRealCli } from "./real-cli";
import {
    judgeTargets,
    machine,
    printTables,
    realCliTable,
    writeResults,
    type BenchResult,
    type PackResult,
} from "./report";
import { load, progress } from "./stats";

interface Plan {
    quick: boolean;
    sizes: number[];
    /** In-process repetitions per size (the median is kept). */
    repetitions: (size: number) => number;
    startups: number;
    ec2: { instances: number; distinctAmis: number };
    realCli: { resources: number; runs: number };
}

function planFor(argv: readonly string[]): Plan {
    const quick = argv.includes("--quick");
    return {
        quick,
        sizes: quick ? [1_000] : [1_000, 10_000, 100_000],
        repetitions: (size) => (quick ? 1 : size >= 100_000 ? 1 : 3),
        startups: quick ? 1 : 3,
        ec2: { instances: 1_000, distinctAmis: 250 },
        realCli: {
            resources: Number(process.env.BENCH_REAL_CLI_RESOURCES ?? 2_000),
            runs: Number(process.env.BENCH_REAL_CLI_RUNS ?? (quick ? 3 : 5)),
        },
    };
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

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const plan = planFor(argv);
    const loadBefore = load();
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
