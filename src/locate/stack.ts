// The stack pass: locate every resource, then follow references between them so that a replication
// destination, a source database or a resource group lends its location to the resource that names it.
// Linear in the number of resources and references.

import type { Catalog } from "../catalog/types";
import type { Location, Placement, Reference } from "../model/placement";
import type { NormalisedResource } from "../model/resource";
import type { LocateContext } from "./core/context";
import { locate } from "./index";
import { knownName, ownPartition } from "./core/place-table";
import { addLocation } from "./core/places";
import { placeDataZone } from "./core/processing";
import { unknownDuringPreview } from "./core/read";
import { StackIndex } from "./core/stack-index";
import { registrationOf } from "./families/index";

export function locateStack(
    resources: readonly NormalisedResource[],
    ctx: Omit<LocateContext, "stack">,
): Map<string, Placement> {
    const stack = new StackIndex(resources);
    const withStack = { ...ctx, stack };
    const placements = new Map<string, Placement>();
    for (const r of resources) placements.set(r.urn, locate(r, withStack));
    const parents = new Map(resources.map((r) => [r.urn, parentOf(r, placements.get(r.urn)!, stack, placements)]));
    // Each resource is settled after what it borrows from (its parent, the targets of its references), whatever
    // the order of registration: a function app filed in an event hub's group borrows the hub's place only once
    // the hub has taken its own from its namespace. A cycle settles with what its members have so far.
    const lenders = (r: NormalisedResource): NormalisedResource[] => [
        ...[parents.get(r.urn)?.resource ?? []].flat(),
        ...placements.get(r.urn)!.references.flatMap((ref) => targetOf(r, ref, stack) ?? []),
    ];
    for (const r of lendersFirst(resources, lenders)) {
        const p = placements.get(r.urn)!;
        const parent = parents.get(r.urn);
        const placedByParent = parent ? adopt(p, parent, placements.get(parent.resource.urn)!) : false;
        if (placedByParent) placeDataZone(p, ctx.catalog);
        for (const ref of p.references) {
            // A child is where its parent is, whatever group it is filed in.
            if (ref.relation === "child-of" || (placedByParent && ref.relation === "located-by")) continue;
            resolveReference(r, p, ref, { stack, placements, catalog: ctx.catalog });
        }
        registrationOf(p.package)?.settle?.(p, withStack);
    }
    return placements;
}

/**
 * Every resource after the ones it borrows from, depth first without recursion: a chain of thousands of copies (each
 * bucket replicating to the next) would overflow the call stack. A lender already on the path (a cycle) is not
 * waited for.
 */
function lendersFirst(
    resources: readonly NormalisedResource[],
    lenders: (r: NormalisedResource) => NormalisedResource[],
): NormalisedResource[] {
    const order: NormalisedResource[] = [];
    const seen = new Set<string>();
    for (const root of resources) {
        if (seen.has(root.urn)) continue;
        seen.add(root.urn);
        const path = [{ resource: root, next: lenders(root) }];
        while (path.length > 0) {
            const top = path[path.length - 1];
            const lender = top.next.pop();
            if (lender === undefined) {
                order.push(top.resource);
                path.pop();
            } else if (!seen.has(lender.urn)) {
                seen.add(lender.urn);
                path.push({ resource: lender, next: lenders(lender) });
            }
        }
    }
    return order;
}

/** The resource of the stack a reference names, by its value or by the dependency its input came from. */
function targetOf(resource: NormalisedResource, ref: Reference, stack: StackIndex): NormalisedResource | undefined {
    const target = stack.resolve(ref.target) ?? stack.dependencyOf(resource, ref.path.split(/[.[]/)[0]);
    return target && target.urn !== resource.urn ? target : undefined;
}

/**
 * Whether the stack pass left this placement as locating its resource alone makes it. The pass reads other
 * resources and changes placements only through references (a parent, a resource group, a destination, a source):
 * this one has none, and no other resource's reference reached it (a target is marked a copy of what names it).
 */
export function placedAsAlone(p: Placement): boolean {
    return p.references.length === 0 && p.copyOf.length === 0;
}

interface Parent {
    resource: NormalisedResource;
    via: string;
    path: string;
    /** The child states no place of its own, so it takes the parent's (when the parent has one). */
    placesChild: boolean;
}

/** The parent a child names, when it is a resource of the stack of the kind the name says (`serverName`: a server). */
function parentOf(
    resource: NormalisedResource,
    p: Placement,
    stack: StackIndex,
    placements: Map<string, Placement>,
): Parent | undefined {
    for (const ref of p.references) {
        if (ref.relation !== "child-of") continue;
        const ofKind = (r: NormalisedResource) =>
            r.urn !== resource.urn &&
            r.type
                .slice(r.type.lastIndexOf(":") + 1)
                .toLowerCase()
                .endsWith(ref.kind ?? "");
        const dependency = stack.dependencyOf(resource, ref.path);
        const target =
            stack.resolveWhere(ref.target, ofKind) ?? (dependency && ofKind(dependency) ? dependency : undefined);
        if (!target || !placements.has(target.urn)) continue;
        const placesChild = !p.locations.some((l) => l.role === "primary");
        return {
            resource: target,
            via: `${ref.path} -> ${target.type.split(":").pop()} '${target.name}'`,
            path: ref.path,
            placesChild,
        };
    }
    return undefined;
}

/**
 * The child holds its parent's data, and the parent the child's: a classification on either reaches both. A child
 * that states no place takes its parent's; true when it did (its resource group then places nothing).
 */
function adopt(p: Placement, parent: Parent, parentPlacement: Placement): boolean {
    p.copyOf.push(parent.resource.urn);
    parentPlacement.copyOf.push(p.resource.urn);
    const primaries = parentPlacement.locations.filter((l) => l.role === "primary");
    if (!parent.placesChild || primaries.length === 0) return false;
    for (const l of primaries) p.locations.push(borrowed(l, "primary", parent.via, parent.path));
    return true;
}

interface StackPass {
    stack: StackIndex;
    placements: Map<string, Placement>;
    catalog: Catalog;
}

function resolveReference(resource: NormalisedResource, p: Placement, ref: Reference, pass: StackPass): void {
    const target = targetOf(resource, ref, pass.stack);
    const targetPlacement = target ? pass.placements.get(target.urn) : undefined;
    if (!targetPlacement && ref.unknown) {
        unknownDuringPreview(
            p,
            ref.relation === "located-by" ? "location" : "secondary-location",
            ref.path,
            `the resource named by ${ref.path}`,
        );
        return;
    }
    if (!targetPlacement && placeOutside(p, ref, pass.catalog)) return;
    if (!targetPlacement) {
        p.undetermined.push({
            aspect: ref.relation === "located-by" ? "location" : "secondary-location",
            reason: "unresolved-reference",
            path: ref.path,
            detail: `${ref.secret ? "a secret reference" : `'${ref.target}'`} (${ref.path}) names no resource of this stack, so its location cannot be checked`,
        });
        return;
    }
    const primaries = targetPlacement.locations.filter((l) => l.role === "primary");
    const via = `${ref.path} -> ${target!.type.split(":").pop()} '${target!.name}'`;
    if (primaries.length === 0 && (ref.relation === "copies-to" || ref.relation === "located-by")) {
        lentNothing(p, ref, targetPlacement, via);
        return;
    }
    switch (ref.relation) {
        case "copies-to":
            for (const l of primaries) p.locations.push(borrowed(l, ref.role, via, ref.path));
            targetPlacement.copyOf.push(p.resource.urn);
            break;
        case "copy-of":
            p.copyOf.push(target!.urn);
            break;
        case "carries":
            p.carries.push(target!.urn);
            break;
        case "located-by":
            for (const l of primaries) p.locations.push(borrowed(l, "primary", via, ref.path));
            break;
    }
}

/**
 * The resource named has no location of its own (unknown during preview, missing, unrecognised): the
 * location this one borrows from it is undetermined too, never silently absent.
 */
function lentNothing(p: Placement, ref: Reference, target: Placement, via: string): void {
    const aspect = ref.relation === "located-by" ? "location" : "secondary-location";
    const pending = target.undetermined.some((u) => u.aspect === "location" && u.advisory);
    if (pending) {
        unknownDuringPreview(p, aspect, ref.path, `the location of the resource named by ${via}`);
        return;
    }
    p.undetermined.push({
        aspect,
        reason: "unresolved-reference",
        path: ref.path,
        detail: `the location of the resource named by ${via} is not known, so this one's cannot be checked`,
    });
}

/**
 * A target that is no resource of this stack but is known to be in one partition (a resource group made elsewhere,
 * under an Azure provider whose environment names the cloud; a destination named by ARN): its region when the value
 * names one the catalog knows, else any region of that partition, judged as possible places. A partition the
 * catalog has no regions for leaves the reference unresolved. A source outside the stack lends nothing: the copy
 * is placed by its own location, and what the source's data carries cannot be known. True when placed.
 */
function placeOutside(p: Placement, ref: Reference, catalog: Catalog): boolean {
    const outside = ref.outside;
    if (!outside) return false;
    if (ref.relation === "copy-of") return true;
    if (ref.relation !== "located-by" && ref.relation !== "copies-to") return false;
    const role = ref.relation === "located-by" ? "primary" : ref.role;
    if (outside.region !== undefined && knownName(catalog, outside.cloud, outside.region)) {
        const via = `input '${ref.path}'`;
        const spec = { cloud: outside.cloud, name: outside.region, role, via, path: ref.path, secret: ref.secret };
        addLocation(p, { catalog }, spec);
        return true;
    }
    const own = outside.partition ?? ownPartition(p, outside.cloud);
    const { partition, because } =
        own !== undefined ? { partition: own, because: outside.because } : (outside.provider ?? { because: "" });
    const candidates = catalog.regions(outside.cloud).filter((place) => place.partition === partition);
    if (partition === undefined || candidates.length === 0) return false;
    const named = ref.secret ? `the ${outside.what}` : `${outside.what} '${ref.target}'`;
    const instead =
        ref.relation === "located-by" && outside.ownLocation
            ? `set the resource's own '${outside.ownLocation}' to one region, or `
            : "";
    p.locations.push({
        role,
        scope: "region",
        cloud: outside.cloud,
        name: "unknown",
        countries: [...new Set(candidates.map((c) => c.country))],
        partition,
        via: `input '${ref.path}'`,
        path: ref.path,
        ...(ref.secret ? { secret: true } : {}),
        possible: {
            why: `${named} is not in this stack, so any region of partition ${partition} (${because})`,
            candidates,
            fix: `${instead}create ${named} in this stack so that its place is known, or record a time-boxed exemption`,
        },
    });
    return true;
}

function borrowed(l: Location, role: Location["role"], via: string, path: string): Location {
    return { ...l, role, via, path, fromStack: true };
}
