// Turning a location name as written into a Location the policies can judge. One place for the rule
// that a name the catalog does not know is "unrecognised", never "allowed".

import { unreadable } from "./unreadable";
import type { CloudId } from "../../catalog/types";
import type { Location, LocationRole, Placement } from "../../model/placement";
import type { LocateContext } from "./context";
import type { Read } from "./read";

export interface LocationSpec {
    cloud: CloudId;
    /** The name as written: a region, zone, multi-region, dual-region or `global`. */
    name: string;
    role: LocationRole;
    /** Where it came from, for messages: `input 'region'`, `provider 'china'`. */
    via: string;
    path: string;
    secret?: boolean;
    fromStack?: boolean;
}

/** Lower case, no spaces: Azure's `West Europe` and `westeurope` are one place. */
export function normaliseLocationName(name: string): string {
    return name
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "");
}

export function addLocation(p: Placement, ctx: LocateContext, spec: LocationSpec): Location {
    const { catalog } = ctx;
    const base = {
        role: spec.role,
        cloud: spec.cloud,
        via: spec.via,
        path: spec.path,
        ...(spec.secret ? { secret: true } : {}),
        ...(spec.fromStack ? { fromStack: true } : {}),
    };
    const name = normaliseLocationName(spec.name);
    let location: Location;
    const region = catalog.region(spec.cloud, spec.name);
    const zone = region ? undefined : catalog.zoneRegion(spec.cloud, spec.name);
    const multi = region || zone ? undefined : catalog.multiRegion(spec.cloud, spec.name);
    if (region) {
        location = { ...base, scope: "region", name: region.region, place: region, countries: [region.country] };
    } else if (zone) {
        location = { ...base, scope: "zone", name, place: zone, countries: [zone.country] };
    } else if (multi) {
        location = { ...base, scope: "multi-region", name: multi.name, countries: [...multi.countries] };
    } else if (name === "global") {
        location = { ...base, scope: "global", name, countries: [] };
    } else {
        // A name newer than the catalog still has the partition its spelling belongs to (`cn-north-9`: aws-cn).
        const partition = catalog.partitionOfName(spec.cloud, spec.name);
        location = { ...base, scope: "region", name, countries: [], ...(partition ? { partition } : {}) };
        p.undetermined.push({
            aspect: spec.role === "primary" ? "location" : "secondary-location",
            reason: "unrecognised",
            path: spec.path,
            detail: `${spec.secret ? "a secret location" : `location '${spec.name}'`} (${spec.via}) is not a location clean-guard knows on ${spec.cloud}`,
        });
    }
    p.locations.push(location);
    return location;
}

/**
 * Adds the location a read found, or records why there is none: unknown during preview (advisory),
 * an unreadable secret, or missing (only when the caller says the location is required).
 */
export function addReadLocation(
    p: Placement,
    ctx: LocateContext,
    read: Read<string> | undefined,
    spec: Omit<LocationSpec, "name" | "path" | "secret">,
    what: string,
): Location | undefined {
    const aspect = spec.role === "primary" ? "location" : "secondary-location";
    if (!read || unreadable(p, read, aspect, what)) return undefined;
    if (read.value === undefined || read.value === "") return undefined;
    return addLocation(p, ctx, { ...spec, name: read.value, path: read.path, secret: read.secret });
}
