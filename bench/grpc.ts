// The gRPC path as the engine drives it: start-up, Analyze with 8 requests in flight (per-request
// latency), AnalyzeStack, and the pack process's peak resident memory.

import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineEmulator, type EmulatedResource } from "../test/emulator/engine";
import type { PackUnderTest } from "./packs";
import { cpuMsOf, median, nowMs, percentile } from "./stats";

export interface StartupResult {
    /** Spawn to the port on the pack's first stdout line. */
    portMs: number;
    /** Spawn to GetAnalyzerInfo answered. */
    infoMs: number;
    /** CPU time the pack process used until it answered GetAnalyzerInfo. */
    cpuMs: number;
}

export interface PreviewResult {
    resources: number;
    /** Resources sent through Analyze: all of them, or an even sample of a very large stack. */
    analyzed: number;
    analyzePerSecond: number;
    /** Wall time of all Analyze calls divided by their number, at 8 in flight. */
    msPerResource: number;
    /** CPU time of the pack process per resource (Remediate + Analyze): its cost whatever else runs. */
    cpuMsPerResource: number;
    p50Ms: number;
    p99Ms: number;
    /** Round trip of AnalyzeStack, the emulator's encoding of the request included. */
    analyzeStackMs: number;
    /** CPU time of the pack process serving AnalyzeStack. */
    analyzeStackCpuMs: number;
    diagnostics: number;
}

const IN_FLIGHT = 8;
/**
 * Analyze judges one resource without knowing the others, so its cost per resource does not depend on the
 * stack's size: above this many resources an even sample goes through Analyze (AnalyzeStack still gets all).
 */
const ANALYZE_SAMPLE = 10_000;

/** Start-up as the engine sees it, median of `times` fresh processes. */
export async function measureStartup(pack: PackUnderTest, times: number): Promise<StartupResult> {
    const runs: StartupResult[] = [];
    for (let i = 0; i < times; i++) runs.push(await startOnce(pack));
    return {
        portMs: median(runs.map((r) => r.portMs)),
        infoMs: median(runs.map((r) => r.infoMs)),
        cpuMs: median(runs.map((r) => r.cpuMs)),
    };
}

async function startOnce(pack: PackUnderTest): Promise<StartupResult> {
    const runner = path.join(pack.packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    const start = nowMs();
    const child = spawn(process.execPath, [runner, "127.0.0.1:1", pack.packDir], {
        cwd: pack.packDir,
        env: { ...process.env, ...pack.start.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    try {
        const port = await new Promise<string>((resolve, reject) => {
            readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve(line.trim()));
            child.once("exit", (code) => reject(new Error(`${pack.name} exited with code ${code} before its port`)));
        });
        const portMs = nowMs() - start;
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        await new Promise((resolve, reject) =>
            client.getAnalyzerInfo(new Empty(), (err, res) => (err ? reject(err) : resolve(res))),
        );
        const infoMs = nowMs() - start;
        const cpuMs = cpuMsOf(child.pid!);
        client.close();
        return { portMs, infoMs, cpuMs };
    } finally {
        child.kill("SIGTERM");
    }
}

/** What `pulumi preview` does to a pack: every resource through Analyze, 8 in flight, then AnalyzeStack. */
export async function measurePreview(
    engine: EngineEmulator,
    pid: number,
    stack: readonly EmulatedResource[],
): Promise<PreviewResult> {
    const every = Math.ceil(stack.length / ANALYZE_SAMPLE);
    const resources = stack.filter((_, i) => i % every === 0);
    const [start, cpuStart] = [nowMs(), cpuMsOf(pid)];
    const { latencies, diagnostics: analyzed } = await analyzeInFlight(engine, resources);
    const [analyzeMs, analyzeCpuMs] = [nowMs() - start, cpuMsOf(pid) - cpuStart];
    const [stackStart, stackCpuStart] = [nowMs(), cpuMsOf(pid)];
    const diagnostics = analyzed + (await engine.analyzeStack([...stack])).length;
    return {
        resources: stack.length,
        analyzed: resources.length,
        analyzePerSecond: (resources.length / analyzeMs) * 1000,
        msPerResource: analyzeMs / resources.length,
        cpuMsPerResource: analyzeCpuMs / resources.length,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        analyzeStackMs: nowMs() - stackStart,
        analyzeStackCpuMs: cpuMsOf(pid) - stackCpuStart,
        diagnostics,
    };
}

/** Remediate and Analyze for every resource, `IN_FLIGHT` at a time, as the engine sends them. */
export async function analyzeInFlight(
    engine: EngineEmulator,
    resources: readonly EmulatedResource[],
): Promise<{ latencies: number[]; diagnostics: number }> {
    const latencies: number[] = new Array(resources.length);
    let diagnostics = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < resources.length) {
            const i = next++;
            const start = nowMs();
            diagnostics += (await engine.analyze(resources[i])).length;
            latencies[i] = nowMs() - start;
        }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, resources.length) }, worker));
    return { latencies, diagnostics };
}

/**
 * Runs `work` with an engine per pack and the pack processes' ids, then stops them all. The packs start one
 * after the other: packs starting together on a busy machine can miss the emulator's start-up timeout.
 */
export async function withPacks<T>(
    packs: readonly PackUnderTest[],
    work: (engines: EngineEmulator[], pids: number[]) => Promise<T>,
): Promise<T> {
    const engines: EngineEmulator[] = [];
    try {
        for (const p of packs) engines.push(await EngineEmulator.start(p.start));
        return await work(
            engines,
            packs.map((p) => packPid(p.packDir)),
        );
    } finally {
        await Promise.all(engines.map((e) => e.stop()));
    }
}

/**
 * The pack process the emulator started: this process's child running run-policy-pack for `packDir`.
 * Read from /proc because the emulator keeps its child to itself.
 */
export function packPid(packDir: string): number {
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            if (ppid !== process.pid) continue;
            const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
            if (args.some((a) => a.endsWith("run-policy-pack")) && args.includes(packDir)) return Number(entry);
        } catch {
            // The process ended while we looked: not ours.
        }
    }
    throw new Error(`no run-policy-pack child for ${packDir}`);
}

/** Peak resident memory (VmHWM) of a live process, in MiB. */
export function peakMemoryMiB(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
    return Number(kb[1]) / 1024;
}
