// AnalyzeStack as a stack grows (10,000 and 100,000 resources by default): the wall time the engine waits,
// the pack's CPU time, the cost per resource at each size against the smallest (1.0 is linear growth), and
// the pack process's peak resident memory. The no-op floor takes its turn beside clean-guard at every size,
// so that a size's figures read against what the policy SDK alone costs under the same load.

import type { EmulatedResource } from "../test/emulator/engine";
import { peakMemoryMiB, withPacks } from "./grpc";
import type { PackUnderTest } from "./packs";
import { load, median, progress, timedIn } from "./stats";

export interface ScaleRun {
    resources: number;
    /** AnalyzeStack round trip, median over the rounds; the request is encoded before the clock starts. */
    wallMs: number;
    /** CPU time of the pack process serving it, median over the rounds. */
    cpuMs: number;
    /** Pack CPU per resource at this size over that at the smallest: 1.0 is linear growth. */
    growth: number;
}

export interface ScaleRow {
    pack: string;
    runs: ScaleRun[];
    /** VmHWM of the pack process after the largest stack: the peak over the whole run. */
    peakMemoryMiB: number;
}

export interface ScaleResult {
    rounds: number;
    load: { before: number; after: number };
    rows: ScaleRow[];
}

const WARM_UP = 1_000;

/**
 * One pack process per pack for every size, smallest first, so the peak memory read at the end is the
 * largest stack's. Each stack's request is encoded once and sent to each pack `rounds` times.
 */
export async function measureScale(
    packs: readonly PackUnderTest[],
    stacks: readonly (readonly EmulatedResource[])[],
    rounds: number,
): Promise<ScaleResult> {
    const before = load();
    return withPacks(packs, async (engines, pids) => {
        const measured = packs.map(() => [] as Omit<ScaleRun, "growth">[]);
        // An untimed stack first, so that the smallest size does not measure the JIT compiling the pack.
        const warmUp = engines[0].encodeStack(stacks[0].slice(0, WARM_UP));
        for (const e of engines) await e.analyzeStack(warmUp);
        for (const stack of stacks) {
            progress(`scale: encoding AnalyzeStack of ${stack.length} resources`);
            // One request for every pack (they share the project and stack): three copies of 100,000 encoded
            // resources would not fit the bench's own heap.
            const request = engines[0].encodeStack([...stack]);
            const runs = packs.map(() => [] as { ms: number; cpuMs: number }[]);
            for (let round = 0; round < rounds; round++) {
                for (let i = 0; i < packs.length; i++) {
                    // Each round starts with the next pack, so that no pack always follows the same neighbour.
                    const k = (i + round) % packs.length;
                    progress(`scale: AnalyzeStack of ${stack.length} resources, ${packs[k].name}, round ${round + 1}`);
                    runs[k].push(await timedIn(pids[k], () => engines[k].analyzeStack(request)));
                }
            }
            runs.forEach((r, k) =>
                measured[k].push({
                    resources: stack.length,
                    wallMs: median(r.map((x) => x.ms)),
                    cpuMs: median(r.map((x) => x.cpuMs)),
                }),
            );
        }
        const rows = packs.map((p, k) => {
            const smallest = measured[k][0];
            const perResource = (r: Omit<ScaleRun, "growth">) => r.cpuMs / r.resources;
            return {
                pack: p.name,
                runs: measured[k].map((r) => ({ ...r, growth: perResource(r) / perResource(smallest) })),
                peakMemoryMiB: peakMemoryMiB(pids[k]),
            };
        });
        return { rounds, load: { before, after: load() }, rows };
    });
}
