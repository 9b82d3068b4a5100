// What a run found, as a table on stdout and as JSON under bench/results/, with each target met or missed.

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import * as path from "node:path";
import Table from "cli-table3";
import type { Ec2Result } from "./ec2";
import type { PreviewResult, StartupResult } from "./grpc";
import type { InProcessResult } from "./in-process";

export interface PackResult {
    startup: StartupResult;
    previews: PreviewResult[];
    /** VmHWM of the pack process after the largest stack. */
    peakMemoryMiB: number;
}

export interface BenchResult {
    date: string;
    quick: boolean;
    machine: { cpus: number; node: string };
    inProcess: InProcessResult[];
    cleanGuard: PackResult;
    awsguard: PackResult;
    ec2: Ec2Result;
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

/** Cost per resource of clean-guard over awsguard's, per stack size, on the gRPC path. */
export function costRatios(result: Pick<BenchResult, "cleanGuard" | "awsguard">): number[] {
    return result.cleanGuard.previews.map((p, i) => p.msPerResource / result.awsguard.previews[i].msPerResource);
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
                  measured: `${fmt(tenK.analyzeStackMs)} ms`,
                  verdict: verdict(tenK.analyzeStackMs, 2000, "atMost"),
              }
            : notMeasured("AnalyzeStack on 10,000 < 2 s"),
    ];
    if (tenK && hundredK) {
        // Linear: 10x the resources costs at most 10x the time (with 20% slack for noise).
        const growth = hundredK.analyzeStackMs / tenK.analyzeStackMs;
        targets.push({
            target: "AnalyzeStack grows linearly (100k/10k <= 12x)",
            measured: `${growth.toFixed(1)}x`,
            verdict: verdict(growth, 12, "atMost"),
        });
    } else targets.push(notMeasured("AnalyzeStack grows linearly (100k/10k <= 12x)"));
    targets.push({
        target: "start-up (spawn to GetAnalyzerInfo) < 2 s",
        measured: `${fmt(r.cleanGuard.startup.infoMs)} ms`,
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
    targets.push({
        target: "warm cache: 0 EC2 calls",
        measured: `${r.ec2.warm.calls} calls`,
        verdict: verdict(r.ec2.warm.calls, 0, "atMost"),
    });
    targets.push({
        target: "cold: <= 1 DescribeImages per region per 100 AMIs",
        measured: `${r.ec2.cold.calls} calls (bound ${r.ec2.callBound})`,
        verdict: verdict(r.ec2.cold.calls, r.ec2.callBound, "atMost"),
    });
    return targets;
}

export function printTables(r: BenchResult): void {
    const inProcess = new Table({
        head: ["in-process (1 core)", "resources/s", "µs/resource", "evaluateStack ms", "findings"],
    });
    for (const x of r.inProcess) {
        inProcess.push([
            fmt(x.resources),
            fmt(x.resourcesPerSecond),
            fmt(x.usPerResource, 1),
            fmt(x.evaluateStackMs),
            fmt(x.findings),
        ]);
    }
    const grpc = new Table({
        head: [
            "gRPC (8 in flight)",
            "pack",
            "resources",
            "Analyze/s",
            "ms/resource",
            "p50 ms",
            "p99 ms",
            "AnalyzeStack ms",
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
                fmt(p.resources),
                fmt(p.analyzePerSecond),
                fmt(p.msPerResource, 3),
                fmt(p.p50Ms, 2),
                fmt(p.p99Ms, 2),
                fmt(p.analyzeStackMs),
            ]);
        }
        grpc.push([fmt(cg.resources), "ratio", "", "", ratios[i].toFixed(2), "", "", ""]);
    });
    const packs = new Table({ head: ["pack", "spawn to port ms", "to GetAnalyzerInfo ms", "peak RSS MiB"] });
    for (const [name, p] of [
        ["clean-guard", r.cleanGuard],
        ["awsguard", r.awsguard],
    ] as const) {
        packs.push([name, fmt(p.startup.portMs), fmt(p.startup.infoMs), fmt(p.peakMemoryMiB)]);
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
        ["cold", r.ec2.cold],
        ["warm cache", r.ec2.warm],
    ] as const) {
        ec2.push([name, fmt(run.calls), fmt(run.cacheHits), fmt(run.ms), fmt(run.failures)]);
    }
    const targets = new Table({ head: ["target", "measured", "verdict"] });
    for (const t of r.targets) targets.push([t.target, t.measured, t.verdict]);
    for (const table of [inProcess, grpc, packs, ec2, targets]) process.stdout.write(`${table.toString()}\n`);
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

export function machine(): BenchResult["machine"] {
    return { cpus: cpus().length, node: process.version };
}
