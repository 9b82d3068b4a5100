// Inputs that hold JSON as a string (ECS `containerDefinitions`, IAM policy documents, Step Functions
// definitions, provider blocks the engine sends encoded) are read like any other input, up to a bound.

import type { Value } from "../../model/values";

/**
 * The largest JSON string decoded: 1 MiB, the largest such input AWS accepts (a Step Functions state machine
 * definition, https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html). Beyond it the input
 * is reported "too-large" rather than parsed on every resource of a preview.
 */
export const MAX_JSON_STRING = 1024 * 1024;

export type DecodedJson = { kind: "json"; value: Value } | { kind: "too-large" } | { kind: "text" };

const LOOKS_LIKE_JSON = /^\s*[[{]/;
const [OPEN_BRACKET, OPEN_BRACE, SPACE, DELETE] = [0x5b, 0x7b, 0x20, 0x7f];

/**
 * Whether a string opens like a JSON object or array. Asked of every string of every resource: the first
 * character decides for nearly all of them, the pattern for those that start with white space.
 */
export function looksLikeJson(text: string): boolean {
    const first = text.charCodeAt(0);
    if (first === OPEN_BRACKET || first === OPEN_BRACE) return true;
    if (first > SPACE && first < DELETE) return false;
    return LOOKS_LIKE_JSON.test(text);
}

// Most strings of a stack are not JSON: one shared answer each, not an object per string scanned.
const TEXT: DecodedJson = Object.freeze({ kind: "text" });
const TOO_LARGE: DecodedJson = Object.freeze({ kind: "too-large" });

/** JSON objects and arrays only: a bare number or quoted string is just text. */
export function decodeJsonString(text: string): DecodedJson {
    if (!looksLikeJson(text)) return TEXT;
    if (text.length > MAX_JSON_STRING) return TOO_LARGE;
    try {
        return { kind: "json", value: JSON.parse(text) as Value };
    } catch {
        return TEXT;
    }
}
