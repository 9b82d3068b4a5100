// Regions a profile names, looked up in the catalog in any spelling the cloud accepts.

import type { Catalog } from "../catalog/types";
import type { Place } from "../model/placement";
import type { RegionRef } from "./types";

/** The catalog's entry for a region of one cloud; undefined for `*` (any cloud) and unknown names. */
export function placeOf({ cloud, region }: RegionRef, catalog: Catalog): Place | undefined {
    if (!catalog.regions().some((p) => p.cloud === cloud)) return undefined;
    // A cloud the catalog has regions for is one of its CloudIds.
    return catalog.region(cloud, region);
}

export function isKnownRegion(ref: RegionRef, catalog: Catalog): boolean {
    return ref.cloud === "*" ? catalog.cloudsWithRegion(ref.region).length > 0 : placeOf(ref, catalog) !== undefined;
}

/** `West Europe` -> `westeurope`: policies compare the catalog's canonical ids. */
export function canonicalRegion(ref: RegionRef, catalog: Catalog): RegionRef {
    return { cloud: ref.cloud, region: placeOf(ref, catalog)?.region ?? ref.region.toLowerCase() };
}
