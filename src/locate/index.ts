// locate: where does one resource keep, copy and send its data? The locator its family registered for the
// resource's package (src/locate/families) adds what it knows to a Placement; hosts, tags and the vendor are
// found the same way for every family, by the shared core (src/locate/core).

import { emptyPlacement, type Placement } from "../model/placement";
import { isProviderType, packageOf, type NormalisedResource } from "../model/resource";
import type { LocateContext } from "./core/context";
import { locateGeneric } from "./core/generic";
import { readPeers } from "./core/peers";
import { readTableRoles } from "./core/place-table";
import { placeDataZone } from "./core/processing";
import { scanInputs } from "./core/scan";
import { readTags, type HiddenTags } from "./core/tags";
import { registrationOf } from "./families/index";
import { locateUntrustedCloud } from "./families/untrusted/untrusted-cloud";

export function locate(resource: NormalisedResource, ctx: LocateContext): Placement {
    const pkg = packageOf(resource.type);
    const p = emptyPlacement({ urn: resource.urn, type: resource.type, name: resource.name }, pkg);
    p.isProvider = isProviderType(resource.type);
    if (resource.provider && !resource.provider.name.startsWith("default")) p.providerName = resource.provider.name;
    const vendor = ctx.catalog.vendorOfPackage(pkg) ?? vendorOfProvider(resource, ctx);
    if (vendor) p.vendor = vendor.vendor.id;
    const hidden: HiddenTags = { secrets: {}, pendingKeys: [], pendingMaps: [] };
    p.tags = readTags(resource, hidden);
    if (Object.keys(hidden.secrets).length > 0) p.secretTags = hidden.secrets;
    if (hidden.pendingKeys.length > 0 || hidden.pendingMaps.length > 0)
        p.pendingTags = { keys: hidden.pendingKeys, maps: hidden.pendingMaps };
    const registered = registrationOf(pkg);
    if (registered) p.tagging = registered.tagging;
    if (registered?.cloud) p.cloud = registered.cloud;
    // A package no family declares: an untrusted vendor's (by the catalog's identifiers) is read like the
    // registered untrusted clouds; any other by the inputs every provider names alike.
    const locator = registered?.locate ?? (p.vendor ? locateUntrustedCloud : locateGeneric);
    locator(resource, p, ctx);
    readTableRoles(resource, p, ctx, registered);
    scanInputs(resource, p, ctx);
    readPeers(resource, p);
    placeDataZone(p, ctx.catalog);
    p.undetermined = onePerQuestion(p.undetermined);
    return p;
}

/** A component or resource of another package run through an untrusted cloud's provider instance. */
function vendorOfProvider(resource: NormalisedResource, ctx: LocateContext) {
    return resource.provider ? ctx.catalog.vendorOfPackage(packageOf(resource.provider.type)) : undefined;
}

/** A family's locator and the generic scan may both notice the same unreadable input: say it once. */
function onePerQuestion(entries: Placement["undetermined"]): Placement["undetermined"] {
    const seen = new Set<string>();
    return entries.filter((u) => {
        const key = `${u.aspect}\u0000${u.reason}\u0000${u.path}`;
        return !seen.has(key) && seen.add(key);
    });
}
