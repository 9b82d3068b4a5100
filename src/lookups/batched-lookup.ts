// The machinery every EC2 lookup shares: answer from the cache, coalesce the rest into one batch per
// region per short window, bound each call by a timeout and the run's budget, and turn failures into
// values. What to ask EC2 and how to read its answer is the caller's (see ec2-images.ts, ec2-zones.ts).
import type { EC2Client } from "@aws-sdk/client-ec2";
import { CallBudget } from "./budget";
import { CallDeadline, describeCallFailure, redact, type CallFailure } from "./call-errors";
import type { Answer, FactCache } from "./fact-cache";
import { failed, type LookupFailure, type LookupFailureReason, type LookupResult } from "./outcome";

/** Sends one EC2 request in the lookup's region, under its timeout and the run's budget. */
export type RegionCall = <Out>(
    send: (client: EC2Client, options: { abortSignal: AbortSignal }) => Promise<Out>,
) => Promise<Out>;

export interface LookupSpec<Request, Facts> {
    /** For messages: `EC2 DescribeImages`. */
    operation: string;
    maxBatch: number;
    regionOf(request: Request): string;
    /** Cache key; must include the region. */
    keyOf(request: Request): string;
    /** For messages: `AMI 'ami-0abc' in eu-west-1`. */
    subjectOf(request: Request): string;
    /** The request's value when it came from a secret, so that no message repeats it (EC2 errors echo ids). */
    secretOf?(request: Request): string | undefined;
    /** Answers a request without any call when it cannot name anything (a malformed id). */
    refuse?(request: Request): LookupFailure | undefined;
    /** Asks EC2 about a batch of one region; returns facts by cache key. Requested keys it leaves out are not found. */
    fetch(call: RegionCall, region: string, requests: Request[]): Promise<Map<string, Facts>>;
}

export interface LookupStats {
    /** EC2 requests sent (each SDK send, retries inside the SDK not counted). */
    calls: number;
    cacheHits: number;
    /** Requests answered by a call (found or not found). */
    answered: number;
    failures: Partial<Record<LookupFailureReason, number>>;
}

/** What every lookup of one run shares: clients, budget, settings and counters. */
export interface LookupRuntime {
    /** Undefined when lookups may run; otherwise why they are off. */
    offBecause?: string;
    clientFor(region: string): EC2Client;
    budget: CallBudget;
    timeoutMs: number;
    batchWindowMs: number;
    stats: LookupStats;
    log(line: string): void;
}

/** What one key's lookup came to; every request for that key reads it in its own words. */
type Outcome<Facts> = Answer<Facts> | { failure: CallFailure; attempted: boolean };

interface Waiting<Request, Facts> {
    request: Request;
    key: string;
    settle(outcome: Outcome<Facts>): void;
}

export class BatchedLookup<Request, Facts> {
    private readonly inFlight = new Map<string, Promise<Outcome<Facts>>>();
    private queue: Array<Waiting<Request, Facts>> = [];
    private flushTimer: NodeJS.Timeout | undefined;

    constructor(
        private readonly spec: LookupSpec<Request, Facts>,
        private readonly cache: FactCache<Facts>,
        private readonly runtime: LookupRuntime,
    ) {}

    /** One result per request, in order. Requests made in the same short window share EC2 calls. */
    lookup(requests: readonly Request[]): Promise<Array<LookupResult<Facts>>> {
        return Promise.all(requests.map((request) => this.lookupOne(request)));
    }

    private async lookupOne(request: Request): Promise<LookupResult<Facts>> {
        const offBecause = this.runtime.offBecause;
        if (offBecause !== undefined) {
            return this.fail("off", `${this.spec.subjectOf(request)} was not looked up: ${offBecause}`);
        }
        const refusal = this.spec.refuse?.(request);
        if (refusal) return this.fail(refusal.reason, refusal.detail);
        const key = this.spec.keyOf(request);
        let pending = this.inFlight.get(key);
        if (!pending) {
            pending = this.fromCacheOrQueue(request, key).finally(() => this.inFlight.delete(key));
            this.inFlight.set(key, pending);
        }
        return this.resultOf(request, await pending);
    }

    private async fromCacheOrQueue(request: Request, key: string): Promise<Outcome<Facts>> {
        const cached = await this.cache.get(key);
        if (cached) {
            this.runtime.stats.cacheHits++;
            return cached;
        }
        return new Promise((settle) => {
            this.queue.push({ request, key, settle });
            this.flushTimer ??= setTimeout(() => this.flush(), this.runtime.batchWindowMs);
        });
    }

    private flush(): void {
        this.flushTimer = undefined;
        const byRegion = new Map<string, Array<Waiting<Request, Facts>>>();
        for (const waiting of this.queue) {
            const region = this.spec.regionOf(waiting.request);
            const group = byRegion.get(region);
            if (group) group.push(waiting);
            else byRegion.set(region, [waiting]);
        }
        this.queue = [];
        for (const [region, waiting] of byRegion) {
            for (let start = 0; start < waiting.length; start += this.spec.maxBatch) {
                void this.answerBatch(region, waiting.slice(start, start + this.spec.maxBatch));
            }
        }
    }

    private async answerBatch(region: string, batch: Array<Waiting<Request, Facts>>): Promise<void> {
        const where = `${this.spec.operation} in ${region}`;
        if (this.runtime.budget.remainingMs() <= 0) {
            const cause = `the EC2 lookup budget of ${this.runtime.budget.totalMs} ms for this run is spent`;
            for (const w of batch) w.settle({ failure: { reason: "budget-exhausted", cause }, attempted: false });
            return;
        }
        this.runtime.log(`clean-guard: ${where}: looking up ${batch.length}`);
        try {
            const found = await this.spec.fetch(
                this.regionCall(region),
                region,
                batch.map((w) => w.request),
            );
            const answers = new Map<string, Answer<Facts>>();
            for (const [key, facts] of found) answers.set(key, { found: facts });
            for (const w of batch) if (!answers.has(w.key)) answers.set(w.key, { notFound: true });
            await this.cache.putAll(answers);
            this.runtime.stats.answered += batch.length;
            for (const w of batch) w.settle(answers.get(w.key) ?? { notFound: true });
        } catch (error) {
            const secrets = batch.map((w) => this.spec.secretOf?.(w.request)).filter((secret) => secret !== undefined);
            const failure = describeCallFailure(error, where, secrets);
            this.runtime.log(`clean-guard: warning: ${failure.cause}`);
            for (const w of batch) w.settle({ failure, attempted: true });
        }
    }

    private regionCall(region: string): RegionCall {
        const { budget, timeoutMs, stats } = this.runtime;
        const client = this.runtime.clientFor(region);
        return (send) => {
            stats.calls++;
            const ms = Math.min(timeoutMs, budget.remainingMs());
            return budget.measure(() =>
                withDeadline(ms, ms < timeoutMs, (abortSignal) => send(client, { abortSignal })),
            );
        };
    }

    private resultOf(request: Request, outcome: Outcome<Facts>): LookupResult<Facts> {
        if ("found" in outcome) return { ok: true, facts: outcome.found };
        const subject = this.spec.subjectOf(request);
        if ("notFound" in outcome) return this.fail("not-found", `${subject} was not found`);
        const { failure, attempted } = outcome;
        // The failure may have been met by another request for the same key, one whose value is not secret.
        const secret = this.spec.secretOf?.(request);
        const cause = secret ? redact(failure.cause, [secret]) : failure.cause;
        return this.fail(failure.reason, `${subject} ${attempted ? "could not be" : "was not"} looked up: ${cause}`);
    }

    private fail(reason: LookupFailureReason, detail: string): LookupResult<Facts> {
        this.runtime.stats.failures[reason] = (this.runtime.stats.failures[reason] ?? 0) + 1;
        return failed(reason, detail);
    }
}

// The SDK honours the abort signal, but a call must end at the deadline even if something below it
// does not, so the deadline also settles the race itself.
async function withDeadline<T>(ms: number, budgetBound: boolean, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            const reason = new CallDeadline(ms, budgetBound);
            controller.abort(reason);
            reject(reason);
        }, ms);
    });
    try {
        return await Promise.race([run(controller.signal), deadline]);
    } finally {
        clearTimeout(timer);
    }
}
