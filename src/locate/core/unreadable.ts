// One rule for an input that is there but cannot be read: not known during preview (advisory, `up`
// will know it) or a secret whose value is not available. Either way the locator records it and reads
// on no further, so neither becomes "no replica" or "not geo-redundant".

import type { Placement, Undetermined } from "../../model/placement";
import { unknownDuringPreview } from "./read";

export function unreadable(
    p: Placement,
    read: { unknown: boolean; opaque: boolean; path: string },
    aspect: Undetermined["aspect"],
    what: string,
): boolean {
    if (read.unknown) unknownDuringPreview(p, aspect, read.path, what);
    else if (read.opaque) unreadableSecret(p, aspect, read.path, what);
    return read.unknown || read.opaque;
}

/** A secret whose value the engine did not send: it names something, and nobody can tell what. */
export function unreadableSecret(p: Placement, aspect: Undetermined["aspect"], path: string, what: string): void {
    p.undetermined.push({
        aspect,
        reason: "secret-ciphertext",
        path,
        detail: `${what} is a secret whose value is not available to clean-guard`,
    });
}
