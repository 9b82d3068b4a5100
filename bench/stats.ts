// Small numeric helpers for the measurements: timings in milliseconds, percentiles by nearest rank.

import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

export function nowMs(): number {
    return Number(process.hrtime.bigint()) / 1e6;
}

/** The p-th percentile (0..100) of `values` by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Cost {
    wallMs: number;
    /** This process's CPU time: the cost on one core, whatever else the machine runs. */
    cpuMs: number;
}

/** Runs `work` `times` times and keeps the median wall and CPU time, so one disturbed run does not decide. */
export async function medianCost(times: number, work: () => Promise<unknown>): Promise<Cost> {
    const runs: Cost[] = [];
    for (let i = 0; i < times; i++) {
        const [wall, cpu] = [nowMs(), ownCpuMs()];
        await work();
        runs.push({ wallMs: nowMs() - wall, cpuMs: ownCpuMs() - cpu });
    }
    return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

export function progress(line: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** CPU time (user + system) this process has used, in ms: what "one core" costs, however busy the machine. */
export function ownCpuMs(): number {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
}

// /proc reports times in USER_HZ, which Linux fixes at 100 ticks a second for user space.
const TICK_MS = 10;

/** CPU time (user + system) another process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Wall and CPU time of another process (`pid`) while `work` runs, in ms. */
export async function timedIn(pid: number, work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
    const [start, cpu] = [nowMs(), cpuMsOf(pid)];
    await work();
    return { ms: nowMs() - start, cpuMs: cpuMsOf(pid) - cpu };
}

/** The 1-minute load average: a run on a busy machine says so beside its wall times. */
export function load(): number {
    return Math.round(loadavg()[0] * 10) / 10;
}
