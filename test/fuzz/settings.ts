// One seed for every property test, so a failure in CI reproduces on a laptop; the run count comes from the
// environment: small in `npm test`, 20,000 in `npm run fuzz`.
import type { Parameters } from "fast-check";

const DEFAULT_RUNS = 200;

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : DEFAULT_RUNS;

export function fuzzed<T>(extra: Parameters<T> = {}): Parameters<T> {
    return { seed: 20261128, numRuns: FUZZ_RUNS, ...extra };
}

/** The slowest call over a run: a guard against pathological blow-ups (backtracking, quadratic walks), not a benchmark. */
export const PATHOLOGICAL_MS = 50;

/**
 * The slowest call over a run. A call over the bound is timed twice more and keeps its fastest time, so a
 * garbage-collection pause or a busy neighbour on a shared machine is not mistaken for a slow input.
 */
export class SlowestCall {
    ms = 0;
    input = "";

    time<R>(describeInput: () => string, run: () => R): R {
        const [first, result] = timed(run);
        let ms = first;
        for (let retry = 0; retry < 2 && ms > PATHOLOGICAL_MS; retry++) ms = Math.min(ms, timed(run)[0]);
        if (ms > this.ms) {
            this.ms = ms;
            this.input = describeInput().slice(0, 200);
        }
        return result;
    }
}

function timed<R>(run: () => R): [number, R] {
    const start = process.hrtime.bigint();
    const result = run();
    return [Number(process.hrtime.bigint() - start) / 1e6, result];
}
