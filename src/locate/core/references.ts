// Recording a reference from one resource to another (a resource group, a replication partner, a
// source database) for the stack pass to resolve: every locator records its references through here.

import { unreadableSecret } from "./unreadable";
import type { LocationRole, OutsideTarget, Placement, Reference } from "../../model/placement";
import type { Read } from "./read";

/**
 * Adds a reference read from an input. A value not known during preview becomes an `unknown` reference
 * (the stack pass may still resolve it from property dependencies); a secret whose value is not
 * available cannot name anything and is recorded as such; an absent input adds nothing. `outside` is the partition
 * the target is in whatever it is, for when it names no resource of the stack.
 */
export function addReference(
    p: Placement,
    read: Read<string>,
    relation: Reference["relation"],
    role: LocationRole,
    what: string,
    outside?: OutsideTarget,
): void {
    if (read.opaque)
        return unreadableSecret(p, relation === "located-by" ? "location" : "secondary-location", read.path, what);
    if (!read.unknown && !read.value) return;
    p.references.push({
        relation,
        role,
        target: read.value ?? "",
        path: read.path,
        ...(read.unknown ? { unknown: true } : {}),
        ...(read.secret ? { secret: true } : {}),
        ...(outside ? { outside } : {}),
    });
}
