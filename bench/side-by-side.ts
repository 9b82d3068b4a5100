// The no-op floor, awsguard and clean-guard over the same stack in one run, taking turns, so that each
// figure is a ratio to the others measured under the same load: on a shared machine absolute rates measure
// the neighbours, ratios from interleaved runs do not. The turns are short (a slice of the stack's Analyze
// calls, or one AnalyzeStack) so that a burst of load from elsewhere falls on every pack alike.

import type { EmulatedResource } from "../test/emulator/engine";
import { analyzeInFlight, peakMemoryMiB, withPacks } from "./grpc";
import type { PackUnderTest } from "./packs";
import { load, median, progress, timedIn } from "./stats";

export interface SideBySideRow {
    pack: string;
    /** Over every round, 8 requests in flight (Remediate and Analyze per resource, as the engine sends). */
    analyzePerSecond: number;
    /** Median over the rounds. */
    analyzeStackMs: number;
    /** CPU time of the pack process serving AnalyzeStack, median over the rounds. */
    analyzeStackCpuMs: number;
    /** CPU time of the pack process per resource through Remediate and Analyze: its cost whatever else runs. */
    cpuMsPerResource: number;
    /** VmHWM of the pack process after every round. */
    peakMemoryMiB: number;
}

export interface SideBySideResult {
    resources: number;
    rounds: number;
    /** 1-minute load average before and after: the figures' ratios hold under load, their values do not. */
    load: { before: number; after: number };
    rows: SideBySideRow[];
}

/** Resources per turn of Analyze calls: a second or so, short enough to share the load's ups and downs. */
const SLICE = 250;

/** Every pack gets every resource: the same mix for all, whatever each pack judges of it. */
export async function measureSideBySide(
    packs: readonly PackUnderTest[],
    stack: readonly EmulatedResource[],
    rounds: number,
): Promise<SideBySideResult> {
    const before = load();
    return withPacks(packs, async (engines, pids) => {
        const analyze = packs.map(() => ({ ms: 0, cpuMs: 0, resources: 0 }));
        const stackRuns = packs.map(() => [] as { ms: number; cpuMs: number }[]);
        // Each turn starts with the next pack, so that no pack always follows the same neighbour.
        let turn = 0;
        const inTurn = async (work: (i: number) => Promise<void>): Promise<void> => {
            for (let k = 0; k < packs.length; k++) await work((turn + k) % packs.length);
            turn++;
        };
        for (let round = 0; round < rounds; round++) {
            progress(`side by side, round ${round + 1}/${rounds}: ${stack.length} resources through each pack`);
            for (let from = 0; from < stack.length; from += SLICE) {
                const slice = stack.slice(from, from + SLICE);
                await inTurn(async (i) => {
                    const { ms, cpuMs } = await timedIn(pids[i], () => analyzeInFlight(engines[i], slice));
                    analyze[i].ms += ms;
                    analyze[i].cpuMs += cpuMs;
                    analyze[i].resources += slice.length;
                });
            }
            await inTurn(async (i) => {
                stackRuns[i].push(await timedIn(pids[i], () => engines[i].analyzeStack([...stack])));
            });
        }
        const rows = packs.map((p, i) => ({
            pack: p.name,
            analyzePerSecond: (analyze[i].resources / analyze[i].ms) * 1000,
            analyzeStackMs: median(stackRuns[i].map((r) => r.ms)),
            analyzeStackCpuMs: median(stackRuns[i].map((r) => r.cpuMs)),
            cpuMsPerResource: analyze[i].cpuMs / analyze[i].resources,
            peakMemoryMiB: peakMemoryMiB(pids[i]),
        }));
        return { resources: stack.length, rounds, load: { before, after: load() }, rows };
    });
}

export function rowOf(result: SideBySideResult, pack: string): SideBySideRow {
    const row = result.rows.find((r) => r.pack === pack);
    if (!row) throw new Error(`no side-by-side figures for ${pack}`);
    return row;
}
