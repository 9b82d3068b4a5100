// Turns whatever an EC2 call threw into a failure reason and a sentence a user can act on.
import type { LookupFailureReason } from "./outcome";

export interface CallFailure {
    reason: LookupFailureReason;
    /** Why the call failed, without the subject: `EC2 in eu-west-1 did not answer within 3000 ms`. */
    cause: string;
}

/** Ends a call at our own deadline: the per-call timeout, or the rest of the run's budget when that is shorter. */
export class CallDeadline extends Error {
    constructor(
        readonly ms: number,
        readonly budgetSpent: boolean,
    ) {
        super(`no answer within ${ms} ms`);
        this.name = "CallDeadline";
    }
}

// EC2 throttles with RequestLimitExceeded; the others are the throttling codes AWS SDKs treat alike.
const THROTTLING_CODES = new Set([
    "RequestLimitExceeded",
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "EC2ThrottledException",
]);
const NETWORK_CODES = new Set([
    "ENOTFOUND",
    "EAI_AGAIN",
    "ECONNREFUSED",
    "ECONNRESET",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ETIMEDOUT",
    "EPIPE",
]);
const CREDENTIAL_ERRORS = new Set(["CredentialsProviderError", "TokenProviderError"]);

interface SdkErrorShape {
    name?: string;
    message?: string;
    code?: string;
    hostname?: string;
    $metadata?: { httpStatusCode?: number; attempts?: number };
    $retryable?: { throttling?: boolean };
}

/** `secrets` are values of the request that must not reach the sentence (EC2 error messages echo ids). */
export function describeCallFailure(error: unknown, where: string, secrets: readonly string[] = []): CallFailure {
    const failure = classify(error, where);
    return { reason: failure.reason, cause: redact(failure.cause, secrets) };
}

export function redact(text: string, secrets: readonly string[]): string {
    return secrets.reduce((redacted, secret) => redacted.split(secret).join("[secret]"), text);
}

function classify(error: unknown, where: string): CallFailure {
    const e: SdkErrorShape = typeof error === "object" && error !== null ? error : { message: String(error) };
    const name = e.name ?? "Error";
    const status = e.$metadata?.httpStatusCode;
    const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : "";
    if (error instanceof CallDeadline) {
        return error.budgetSpent
            ? {
                  reason: "budget-exhausted",
                  cause: `the EC2 lookup budget of this run ran out while waiting for ${where}`,
              }
            : { reason: "timeout", cause: `${where} did not answer within ${error.ms} ms` };
    }
    if (name === "AbortError" || name === "TimeoutError") {
        return { reason: "timeout", cause: `${where} did not answer in time (${name})` };
    }
    if (THROTTLING_CODES.has(name) || status === 429 || e.$retryable?.throttling) {
        return { reason: "throttled", cause: `${where} throttled the request (${name})${attempts}` };
    }
    if (CREDENTIAL_ERRORS.has(name)) {
        return {
            reason: "no-credentials",
            cause: `no AWS credentials were found to call ${where} (${firstLine(e.message)})`,
        };
    }
    if (e.code && NETWORK_CODES.has(e.code)) {
        const host = e.hostname ? ` at ${e.hostname}` : "";
        return { reason: "unavailable", cause: `${where} could not be reached${host} (${e.code})${attempts}` };
    }
    if (status !== undefined && status >= 500) {
        return { reason: "unavailable", cause: `${where} answered HTTP ${status} (${name})${attempts}` };
    }
    return { reason: "error", cause: `${where} failed: ${name}: ${firstLine(e.message)}` };
}

// SDK messages can run over many lines (stack-like provider chains); one is enough for a finding.
function firstLine(message: string | undefined): string {
    return (message ?? "no message").split("\n")[0].trim();
}
