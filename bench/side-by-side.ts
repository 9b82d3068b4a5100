// The no-op floor, awsguard and clean-guard over the same stack in one run, taking turns, so that each
// figure is a ratio to the others measured under the same load: on a shared machine absolute rates measure
// the neighbours, ratios from interleaved runs do not.

import { EngineEmulator, type EmulatedResource } from "../test/emulator/engine";
import { measurePreview, packPid, peakMemoryMiB, type PreviewResult } from "./grpc";
import type { PackUnderTest } from "./packs";
import { load, median, progress } from "./stats";

export interface SideBySideRow {
    pack: string;
    /** Median over the rounds, 8 requests in flight (Remediate and Analyze per resource, as the engine sends). */
    analyzePerSecond: number;
    analyzeStackMs: number;
    /** CPU time of the pack process serving AnalyzeStack. */
    analyzeStackCpuMs: number;
    /** CPU time of the pack process per resource through Remediate and Analyze: its cost whatever else runs. */
    cpuMsPerResource: number;
    /** VmHWM of the pack process after every round. */
    peakMemoryMiB: number;
    runs: PreviewResult[];
}

export interface SideBySideResult {
    resources: number;
    rounds: number;
    /** 1-minute load average before and after: the figures' ratios hold under load, their values do not. */
    load: { before: number; after: number };
    rows: SideBySideRow[];
}

/** Every pack gets every resource: the same mix for all, whatever each pack judges of it. */
export async function measureSideBySide(
    packs: readonly PackUnderTest[],
    stack: readonly EmulatedResource[],
    rounds: number,
): Promise<SideBySideResult> {
    const before = load();
    const engines = await Promise.all(packs.map((p) => EngineEmulator.start(p.start)));
    try {
        const pids = packs.map((p) => packPid(p.packDir));
        const runs: PreviewResult[][] = packs.map(() => []);
        for (let round = 0; round < rounds; round++) {
            // Each round starts with a different pack, so that no pack always follows the same neighbour.
            for (let k = 0; k < packs.length; k++) {
                const i = (round + k) % packs.length;
                progress(`side by side, round ${round + 1}/${rounds}: ${packs[i].name}, ${stack.length} resources`);
                runs[i].push(await measurePreview(engines[i], pids[i], stack));
            }
        }
        const rows = packs.map((p, i) => ({
            pack: p.name,
            analyzePerSecond: median(runs[i].map((r) => r.analyzePerSecond)),
            analyzeStackMs: median(runs[i].map((r) => r.analyzeStackMs)),
            analyzeStackCpuMs: median(runs[i].map((r) => r.analyzeStackCpuMs)),
            cpuMsPerResource: median(runs[i].map((r) => r.cpuMsPerResource)),
            peakMemoryMiB: peakMemoryMiB(pids[i]),
            runs: runs[i],
        }));
        return { resources: stack.length, rounds, load: { before, after: load() }, rows };
    } finally {
        await Promise.all(engines.map((e) => e.stop()));
    }
}

export function rowOf(result: SideBySideResult, pack: string): SideBySideRow {
    const row = result.rows.find((r) => r.pack === pack);
    if (!row) throw new Error(`no side-by-side figures for ${pack}`);
    return row;
}
