// Property values as clean-guard sees them: plain JSON, with Pulumi's unknowns and secrets made
// explicit, so that no locator can mistake "not known yet" for "absent" or print a secret by accident.

/** A value the engine does not know yet (a computed input during preview). */
export class Unknown {
    constructor(readonly kind: string) {}
}

/**
 * A secret value. `value` is undefined when only ciphertext is available (a `pulumi stack export`
 * without --show-secrets, or a preview's "[secret]"): such a value can be neither judged nor shown.
 */
export class Secret {
    constructor(readonly value: Value | undefined) {}
}

export type Value = null | boolean | number | string | Unknown | Secret | Value[] | { [key: string]: Value };

export type Props = Record<string, Value>;

export function isUnknown(v: unknown): v is Unknown {
    return v instanceof Unknown;
}

export function isSecret(v: unknown): v is Secret {
    return v instanceof Secret;
}

export function isRecord(v: unknown): v is Record<string, Value> {
    return (
        typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Secret)
    );
}

/** What a message prints for a value that came from a secret. */
export const SECRET_MASK = "[secret]";

/** The plain value of `v` with secrets opened; `secret` tells whether any secret was opened on the way. */
export function reveal(v: Value | undefined): { value: Value | undefined; secret: boolean } {
    if (v instanceof Secret) {
        const inner = reveal(v.value);
        return { value: inner.value, secret: true };
    }
    return { value: v, secret: false };
}

/**
 * Follows a path of keys (and array indices) through a value, opening secrets on the way.
 * Returns the value found, whether a secret was crossed, and the first Unknown met, if any.
 */
export function lookup(
    root: Value | undefined,
    path: ReadonlyArray<string | number>,
): { value: Value | undefined; secret: boolean; unknown?: Unknown } {
    let cur: Value | undefined = root;
    let secret = false;
    for (const key of path) {
        const opened = reveal(cur);
        secret ||= opened.secret;
        cur = opened.value;
        if (cur instanceof Unknown) return { value: undefined, secret, unknown: cur };
        if (typeof key === "number") {
            cur = Array.isArray(cur) ? cur[key] : undefined;
        } else {
            cur = isRecord(cur) && Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
        }
    }
    const opened = reveal(cur);
    secret ||= opened.secret;
    if (opened.value instanceof Unknown) return { value: undefined, secret, unknown: opened.value };
    return { value: opened.value, secret };
}
