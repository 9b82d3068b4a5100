// What a run found, as a table on stdout and as JSON under bench/results/, with each target met or missed.

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import * as path from "node:path";
import Table from "cli-table3";
import type { Ec2Result } from "./ec2";
import type { PreviewResult, StartupResult } from "./grpc";
import type { InProcessResult } from "./in-process";
import type { RealCliResult } from "./real-cli";
import type { ScaleResult } from "./scale";
import { rowOf, type SideBySideResult } from "./side-by-side";
import { load } from "./stats";

export interface PackResult {
    startup: StartupResult;
    previews: PreviewResult[];
    /** VmHWM of the pack process after the largest stack. */
    peakMemoryMiB: number;
}

export interface BenchResult {
    date: string;
    quick: boolean;
    machine: { cpus: number; node: string; loadBefore: number; loadAfter: number };
    inProcess: InProcessResult[];
    cleanGuard: PackResult;
    awsguard: PackResult;
    sideBySide: SideBySideResult;
    ec2: Ec2Result;
    realCli: RealCliResult;
    targets: TargetResult[];
}

export interface TargetResult {
    target: string;
    measured: string;
    /** "met", "missed by 12%", or "not measured" (a --quick run). */
    verdict: string;
}

const fmt = (n: number, digits = 0): string =>
    n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `value` against an upper (`atMost`) or lower bound; how far off, in percent of the bound. */
function verdict(value: number, bound: number, kind: "atMost" | "atLeast"): string {
    const ok = kind === "atMost" ? value <= bound : value >= bound;
    if (ok) return "met";
    const off = kind === "atMost" ? value / bound - 1 : 1 - value / bound;
    return `missed by ${fmt(off * 100)}%`;
}

/**
 * CPU cost per resource of the clean-guard pack process over awsguard's, per stack size, on the gRPC path.
 * CPU time, not wall time: on a shared machine wall time measures the neighbours.
 */
export function costRatios(result: Pick<BenchResult, "cleanGuard" | "awsguard">): number[] {
    return result.cleanGuard.previews.map((p, i) => p.cpuMsPerResource / result.awsguard.previews[i].cpuMsPerResource);
}

/** clean-guard's Analyze throughput and AnalyzeStack time as ratios to the floor's and awsguard's, from one run. */
export function sideBySideRatios(r: SideBySideResult): {
    analyzeVsFloor: number;
    analyzeVsAwsguard: number;
    analyzeStackVsFloor: number;
} {
    const [cg, floor, ag] = ["clean-guard", "floor", "awsguard"].map((p) => rowOf(r, p));
    return {
        analyzeVsFloor: cg.analyzePerSecond / floor.analyzePerSecond,
        analyzeVsAwsguard: cg.analyzePerSecond / ag.analyzePerSecond,
        analyzeStackVsFloor: cg.analyzeStackMs / floor.analyzeStackMs,
    };
}

export function sideBySideTargets(r: SideBySideResult): TargetResult[] {
    const ratios = sideBySideRatios(r);
    const on = `${fmt(r.resources)} resources, load ${r.load.before}/${r.load.after}`;
    return [
        {
            target: "Analyze/s >= awsguard's (same mix, same run)",
            measured: `${ratios.analyzeVsAwsguard.toFixed(2)}x awsguard (${on})`,
            verdict: verdict(ratios.analyzeVsAwsguard, 1, "atLeast"),
        },
        {
            target: "Analyze/s >= 0.9x the no-op floor",
            measured: `${ratios.analyzeVsFloor.toFixed(2)}x floor (${on})`,
            verdict: verdict(ratios.analyzeVsFloor, 0.9, "atLeast"),
        },
        {
            target: "AnalyzeStack <= 1.5x the no-op floor's time",
            measured: `${ratios.analyzeStackVsFloor.toFixed(2)}x floor (${on})`,
            verdict: verdict(ratios.analyzeStackVsFloor, 1.5, "atMost"),
        },
    ];
}

export function judgeTargets(r: Omit<BenchResult, "targets">): TargetResult[] {
    const ratios = costRatios(r);
    const worstRatio = Math.max(...ratios);
    const slowest = Math.min(...r.inProcess.map((x) => x.resourcesPerSecond));
    const at = (n: number) => r.cleanGuard.previews.find((p) => p.resources === n);
    const tenK = at(10_000);
    const hundredK = at(100_000);
    const largest = r.cleanGuard.previews[r.cleanGuard.previews.length - 1];
    const notMeasured = (target: string): TargetResult => ({
        target,
        measured: "-",
        verdict: "not measured (--quick)",
    });
    const targets: TargetResult[] = [
        {
            target: "cost per resource vs awsguard <= 1.0",
            measured: ratios.map((x) => x.toFixed(2)).join(" / "),
            verdict: verdict(worstRatio, 1, "atMost"),
        },
        {
            target: "in-process >= 20,000 resources/s",
            measured: `${fmt(slowest)} /s (slowest size)`,
            verdict: verdict(slowest, 20_000, "atLeast"),
        },
        tenK
            ? {
                  target: "AnalyzeStack on 10,000 < 2 s",
                  measured: `${fmt(tenK.analyzeStackMs)} ms (pack CPU ${fmt(tenK.analyzeStackCpuMs)} ms)`,
                  verdict: verdict(tenK.analyzeStackMs, 2000, "atMost"),
              }
            : notMeasured("AnalyzeStack on 10,000 < 2 s"),
        ...sideBySideTargets(r.sideBySide),
    ];
    if (tenK && hundredK) {
        // Linear: 10x the resources costs at most 10x the time (with 20% slack for noise).
        const growth = hundredK.analyzeStackCpuMs / tenK.analyzeStackCpuMs;
        targets.push({
            target: "AnalyzeStack grows linearly (100k/10k <= 12x)",
            measured: `${growth.toFixed(1)}x pack CPU`,
            verdict: verdict(growth, 12, "atMost"),
        });
    } else targets.push(notMeasured("AnalyzeStack grows linearly (100k/10k <= 12x)"));
    targets.push({
        target: "start-up (spawn to GetAnalyzerInfo) < 2 s",
        measured: `${fmt(r.cleanGuard.startup.infoMs)} ms (pack CPU ${fmt(r.cleanGuard.startup.cpuMs)} ms)`,
        verdict: verdict(r.cleanGuard.startup.infoMs, 2000, "atMost"),
    });
    targets.push(
        hundredK
            ? {
                  target: "peak memory at 100,000 < 1 GiB",
                  measured: `${fmt(r.cleanGuard.peakMemoryMiB)} MiB`,
                  verdict: verdict(r.cleanGuard.peakMemoryMiB, 1024, "atMost"),
              }
            : {
                  target: "peak memory at 100,000 < 1 GiB",
                  measured: `${fmt(r.cleanGuard.peakMemoryMiB)} MiB at ${fmt(largest.resources)}`,
                  verdict: "not measured (--quick)",
              },
    );
    for (const [flow, runs] of [
        ["Analyze", r.ec2.analyze],
        ["stack pass", r.ec2.stackPass],
    ] as const) {
        targets.push({
            target: `EC2 warm cache: 0 calls (${flow})`,
            measured: `${runs.warm.calls} calls`,
            verdict: runs.warm.calls === 0 ? "met" : `missed by ${runs.warm.calls} calls`,
        });
        targets.push({
            target: `EC2 cold: <= 1 DescribeImages per region per 100 AMIs (${flow})`,
            measured: `${runs.cold.calls} calls (bound ${r.ec2.callBound})`,
            verdict: verdict(runs.cold.calls, r.ec2.callBound, "atMost"),
        });
    }
    targets.push(realCliTarget(r.realCli));
    return targets;
}

const REAL_CLI_TARGET = "real CLI preview: clean-guard <= 1.05x the no-op pack";

function realCliTarget(r: RealCliResult): TargetResult {
    if ("skipped" in r) return { target: REAL_CLI_TARGET, measured: "-", verdict: `not measured: ${r.skipped}` };
    const ofFloor = r.variants.find((v) => v.name === "clean-guard")!.ofFloor;
    return {
        target: REAL_CLI_TARGET,
        measured: `${ofFloor.toFixed(2)}x at ${fmt(r.resources)} resources`,
        verdict: verdict(ofFloor, 1.05, "atMost"),
    };
}

/** The real CLI's table, or why it was not measured. */
export function realCliTable(r: RealCliResult): string {
    if ("skipped" in r) return `real CLI: not measured, ${r.skipped}\n`;
    const table = new Table({
        head: [`real CLI: pulumi preview of ${fmt(r.resources)} resources`, "median s", "runs s", "x no-op pack"],
    });
    for (const v of r.variants) {
        const runs = v.runsMs.map((ms) => fmt(ms / 1000, 1)).join(" ");
        table.push([v.name, fmt(v.medianMs / 1000, 2), runs, v.ofFloor.toFixed(2)]);
    }
    return `${table.toString()}\n`;
}

export function printTables(r: BenchResult): void {
    const inProcess = new Table({
        head: [
            "in-process",
            "resources/CPU s",
            "resources/wall s",
            "CPU µs/resource",
            "of which host scan",
            "evaluateStack CPU ms",
            "wall ms",
            "findings",
        ],
    });
    for (const x of r.inProcess) {
        inProcess.push([
            fmt(x.resources),
            fmt(x.resourcesPerSecond),
            fmt(x.resourcesPerWallSecond),
            fmt(x.usPerResource, 1),
            fmt(x.hostScanUsPerResource, 1),
            fmt(x.evaluateStack.cpuMs),
            fmt(x.evaluateStack.wallMs),
            fmt(x.findings),
        ]);
    }
    const grpc = new Table({
        head: [
            "gRPC (8 in flight)",
            "pack",
            "resources",
            "Analyze/s",
            "wall ms/resource",
            "pack CPU ms/resource",
            "p50 ms",
            "p99 ms",
            "AnalyzeStack ms",
            "AnalyzeStack pack CPU ms",
        ],
    });
    const ratios = costRatios(r);
    r.cleanGuard.previews.forEach((cg, i) => {
        const ag = r.awsguard.previews[i];
        for (const [name, p] of [
            ["clean-guard", cg],
            ["awsguard", ag],
        ] as const) {
            grpc.push([
                fmt(cg.resources),
                name,
                p.analyzed === p.resources ? fmt(p.resources) : `${fmt(p.analyzed)} of ${fmt(p.resources)}`,
                fmt(p.analyzePerSecond),
                fmt(p.msPerResource, 3),
                fmt(p.cpuMsPerResource, 3),
                fmt(p.p50Ms, 2),
                fmt(p.p99Ms, 2),
                fmt(p.analyzeStackMs),
                fmt(p.analyzeStackCpuMs),
            ]);
        }
        grpc.push([fmt(cg.resources), "ratio", "", "", "", ratios[i].toFixed(2), "", "", "", ""]);
    });
    const packs = new Table({
        head: ["pack", "spawn to port ms", "to GetAnalyzerInfo ms", "start-up CPU ms", "peak RSS MiB"],
    });
    for (const [name, p] of [
        ["clean-guard", r.cleanGuard],
        ["awsguard", r.awsguard],
    ] as const) {
        packs.push([name, fmt(p.startup.portMs), fmt(p.startup.infoMs), fmt(p.startup.cpuMs), fmt(p.peakMemoryMiB)]);
    }
    const ec2 = new Table({
        head: [
            `EC2 lookups (${r.ec2.instances} instances, ${r.ec2.distinctAmis} AMIs, ${r.ec2.regions} regions)`,
            "calls",
            "cache hits",
            "ms",
            "failures",
        ],
    });
    for (const [name, run] of [
        ["Analyze, 8 in flight: cold", r.ec2.analyze.cold],
        ["Analyze, 8 in flight: warm cache", r.ec2.analyze.warm],
        ["stack pass: cold", r.ec2.stackPass.cold],
        ["stack pass: warm cache", r.ec2.stackPass.warm],
    ] as const) {
        ec2.push([name, fmt(run.calls), fmt(run.cacheHits), fmt(run.ms), fmt(run.failures)]);
    }
    const targets = new Table({ head: ["target", "measured", "verdict"] });
    for (const t of r.targets) targets.push([t.target, t.measured, t.verdict]);
    process.stdout.write(
        `${r.quick ? "quick run, " : ""}${r.machine.cpus} cores, Node ${r.machine.node}, load ${r.machine.loadBefore} before / ${r.machine.loadAfter} after\n`,
    );
    for (const table of [inProcess, grpc, sideBySideTable(r.sideBySide), packs, ec2])
        process.stdout.write(`${table.toString()}\n`);
    process.stdout.write(realCliTable(r.realCli));
    process.stdout.write(`${targets.toString()}\n`);
}

export function sideBySideTable(r: SideBySideResult): Table.Table {
    const table = new Table({
        head: [
            `side by side: ${fmt(r.resources)} resources x ${r.rounds} rounds, packs taking turns, load ${r.load.before} / ${r.load.after}`,
            "Analyze/s (8 in flight)",
            "of floor",
            "AnalyzeStack ms",
            "of floor",
            "AnalyzeStack pack CPU ms",
            "pack CPU ms/resource",
            "peak RSS MiB",
        ],
    });
    const floor = rowOf(r, "floor");
    for (const row of r.rows) {
        table.push([
            row.pack,
            fmt(row.analyzePerSecond),
            `${(row.analyzePerSecond / floor.analyzePerSecond).toFixed(2)}x`,
            fmt(row.analyzeStackMs),
            `${(row.analyzeStackMs / floor.analyzeStackMs).toFixed(2)}x`,
            fmt(row.analyzeStackCpuMs),
            fmt(row.cpuMsPerResource, 3),
            fmt(row.peakMemoryMiB),
        ]);
    }
    return table;
}

export function scaleTable(r: ScaleResult): Table.Table {
    const table = new Table({
        head: [
            `AnalyzeStack as the stack grows, median of ${r.rounds}, load ${r.load.before} / ${r.load.after}`,
            "resources",
            "wall ms",
            "of floor",
            "pack CPU ms",
            "CPU µs/resource",
            "growth per resource",
            "peak RSS MiB",
        ],
    });
    const floor = r.rows.find((row) => row.pack === "floor");
    for (const row of r.rows) {
        row.runs.forEach((run, i) => {
            table.push([
                row.pack,
                fmt(run.resources),
                fmt(run.wallMs),
                floor ? `${(run.wallMs / floor.runs[i].wallMs).toFixed(2)}x` : "",
                fmt(run.cpuMs),
                fmt((run.cpuMs * 1000) / run.resources, 1),
                `${run.growth.toFixed(2)}x`,
                i === row.runs.length - 1 ? fmt(row.peakMemoryMiB) : "",
            ]);
        });
    }
    return table;
}

/** The scale targets, judged on clean-guard's row; a size the run left out is "not measured". */
export function scaleTargets(r: ScaleResult): TargetResult[] {
    const cg = r.rows.find((row) => row.pack === "clean-guard");
    const at = (n: number) => cg?.runs.find((run) => run.resources === n);
    const [tenK, hundredK] = [at(10_000), at(100_000)];
    const notMeasured = (target: string): TargetResult => ({ target, measured: "-", verdict: "not measured" });
    const loadNote = `load ${r.load.before}/${r.load.after}`;
    return [
        tenK
            ? {
                  target: "AnalyzeStack on 10,000 < 2 s wall",
                  measured: `${fmt(tenK.wallMs)} ms (pack CPU ${fmt(tenK.cpuMs)} ms, ${loadNote})`,
                  verdict: verdict(tenK.wallMs, 2000, "atMost"),
              }
            : notMeasured("AnalyzeStack on 10,000 < 2 s wall"),
        tenK && hundredK
            ? {
                  // Linear: the pack's CPU per resource at 100k at most 1.2x that at 10k (20% for noise).
                  target: "AnalyzeStack grows linearly (CPU per resource 100k/10k <= 1.2x)",
                  measured: `${(hundredK.cpuMs / 100_000 / (tenK.cpuMs / 10_000)).toFixed(2)}x`,
                  verdict: verdict(hundredK.cpuMs / 100_000 / (tenK.cpuMs / 10_000), 1.2, "atMost"),
              }
            : notMeasured("AnalyzeStack grows linearly (CPU per resource 100k/10k <= 1.2x)"),
        hundredK && cg
            ? {
                  target: "peak memory of the pack on 100,000 < 1 GiB",
                  measured: `${fmt(cg.peakMemoryMiB)} MiB`,
                  verdict: verdict(cg.peakMemoryMiB, 1024, "atMost"),
              }
            : notMeasured("peak memory of the pack on 100,000 < 1 GiB"),
    ];
}

export function printTargets(targets: readonly TargetResult[]): void {
    const table = new Table({ head: ["target", "measured", "verdict"] });
    for (const t of targets) table.push([t.target, t.measured, t.verdict]);
    process.stdout.write(`${table.toString()}\n`);
}

/** `bench/results/<date>.json` and `latest.json`; a --quick run writes `<date>-quick.json` only. */
export function writeResults(r: BenchResult, dir: string): string[] {
    mkdirSync(dir, { recursive: true });
    const text = `${JSON.stringify(r, null, 2)}\n`;
    const day = r.date.slice(0, 10);
    const files = r.quick ? [`${day}-quick.json`] : [`${day}.json`, "latest.json"];
    for (const f of files) writeFileSync(path.join(dir, f), text);
    return files.map((f) => path.join(dir, f));
}

export function machine(loadBefore: number): BenchResult["machine"] {
    return { cpus: cpus().length, node: process.version, loadBefore, loadAfter: load() };
}
