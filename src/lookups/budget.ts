// The time all EC2 calls of one run may take together. Only time with a call in flight counts, so a
// long preview that looks up a few images now and then is not cut off by wall-clock time alone.
export class CallBudget {
    private spentMs = 0;
    private inFlight = 0;
    private busySince = 0;

    constructor(
        readonly totalMs: number,
        private readonly now: () => number,
    ) {}

    remainingMs(): number {
        const running = this.inFlight > 0 ? this.now() - this.busySince : 0;
        return Math.max(0, this.totalMs - this.spentMs - running);
    }

    spent(): number {
        return this.totalMs - this.remainingMs();
    }

    /** Runs `call` while counting its time against the budget. */
    async measure<T>(call: () => Promise<T>): Promise<T> {
        if (this.inFlight++ === 0) this.busySince = this.now();
        try {
            return await call();
        } finally {
            if (--this.inFlight === 0) this.spentMs += this.now() - this.busySince;
        }
    }
}
