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

/** JSON objects and arrays only: a bare number or quoted string is just text. */
export function decodeJsonString(text: string): DecodedJson {
    if (!LOOKS_LIKE_JSON.test(text)) return { kind: "text" };
    if (text.length > MAX_JSON_STRING) return { kind: "too-large" };
    try {
        return { kind: "json", value: JSON.parse(text) as Value };
    } catch {
        return { kind: "text" };
    }
}
