// Small numeric helpers for the measurements: timings in milliseconds, percentiles by nearest rank.

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

/** Runs `measure` `times` times and keeps the median, so one slow run (a colleague's tests) does not decide. */
export async function medianOf(times: number, measure: () => Promise<number>): Promise<number> {
    const runs: number[] = [];
    for (let i = 0; i < times; i++) runs.push(await measure());
    return median(runs);
}

export function progress(line: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
