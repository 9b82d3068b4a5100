// What a lookup answers, and what its failure means for a verdict. Errors are values here: the
// policies decide how to show them, but the strength of a failed lookup is stated once, below.
import type { LookupMode } from "../profile/types";

export type LookupFailureReason =
    /** The thing looked up does not exist where it was looked for (or is not visible to the caller). */
    | "not-found"
    | "timeout"
    | "throttled"
    | "unavailable"
    | "no-credentials"
    | "budget-exhausted"
    /** Lookups are switched off, by `lookups.ec2: off` or by `auto` without credentials. */
    | "off"
    | "error";

export interface LookupFailure {
    reason: LookupFailureReason;
    /** One sentence naming what was looked up and why it failed. Holds no credential. */
    detail: string;
}

export type LookupResult<Facts> = { ok: true; facts: Facts } | { ok: false; failure: LookupFailure };

/**
 * How strongly a failed lookup counts: with `required` the organisation asked for proof, so a lookup
 * that cannot give it blocks the deployment; otherwise it is a warning that the check could not run.
 * A "not-found" answer is a fact, not a failure to decide: policies judge it on its own terms.
 */
export function failedLookupEnforcement(mode: LookupMode): "mandatory" | "advisory" {
    return mode === "required" ? "mandatory" : "advisory";
}

export function failed<Facts>(reason: LookupFailureReason, detail: string): LookupResult<Facts> {
    return { ok: false, failure: { reason, detail } };
}

/** Facts as they read from the cache: fields EC2 did not return are absent, not `undefined`. */
export function withoutAbsent<T extends object>(facts: T): T {
    return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as T;
}
