// Turning a location name as written into a Location the policies can judge. One place for the rule
// that a name the catalog does not know is "unrecognised", never "allowed".

import { unreadable } from "./unreadable";
import type { Catalog, CloudId } from "../../catalog/types";
import { NameMemo } from "../../model/name-memo";
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
    const named = placeNamed(ctx.catalog, spec.cloud, spec.name);
    // A location of its own for every resource, so that no resource's placement can change another's. One object
    // literal: spreading an intermediate object into it cost 30 times as much.
    const location: Location = {
        role: spec.role,
        cloud: spec.cloud,
        via: spec.via,
        path: spec.path,
        ...(spec.secret ? { secret: true } : {}),
        ...(spec.fromStack ? { fromStack: true } : {}),
        ...named,
        countries: [...named.countries],
    };
    if (named.scope === "region" && !named.place && !named.namedFor) {
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

type NamedPlace = Pick<Location, "scope" | "name" | "place" | "countries" | "partition" | "namedFor">;

/**
 * The same few location names recur on every resource of a stack: each is looked up in the catalog once per
 * catalog and cloud (several lookups, each normalising the spelling).
 */
const memos = new WeakMap<Catalog, NameMemo<Readonly<NamedPlace>>>();

function placeNamed(catalog: Catalog, cloud: CloudId, written: string): Readonly<NamedPlace> {
    let memo = memos.get(catalog);
    if (!memo) memos.set(catalog, (memo = new NameMemo()));
    return memo.get(`${cloud}\u0000${written}`, () => Object.freeze(lookUpPlace(catalog, cloud, written)));
}

/** A name the catalog does not know is a region of no known country: "unrecognised", never "allowed". */
function lookUpPlace(catalog: Catalog, cloud: CloudId, written: string): NamedPlace {
    const name = normaliseLocationName(written);
    const region = catalog.region(cloud, written);
    if (region) return { scope: "region", name: region.region, place: region, countries: [region.country] };
    const zone = catalog.zoneRegion(cloud, written);
    if (zone) return { scope: "zone", name, place: zone, countries: [zone.country] };
    const multi = catalog.multiRegion(cloud, written);
    if (multi) return { scope: "multi-region", name: multi.name, countries: [...multi.countries] };
    if (name === "global") return { scope: "global", name, countries: [] };
    // A name newer than the catalog still has the partition its spelling belongs to (`cn-north-9`: aws-cn).
    const partition = catalog.partitionOfName(cloud, written);
    if (partition) return { scope: "region", name, countries: [], partition };
    return { scope: "region", name, ...byWordOfName(catalog, written) };
}

/** A region name no catalog lists is in the country a word of it names (`cn-beijing-6`), else in none known. */
function byWordOfName(catalog: Catalog, written: string): Pick<Location, "countries" | "namedFor"> {
    const named = catalog.namedPlace(written);
    return named ? { countries: [named.country], namedFor: named.word } : { countries: [] };
}

/**
 * The region of a cloud whose regions the catalog does not list at all (a vendor's cloud such as volcengine, a
 * community provider), when a word of its name says where it is; false when none does, and the caller reports the
 * name as unrecognised.
 */
export function addNamedRegion(
    p: Placement,
    ctx: LocateContext,
    spec: Omit<LocationSpec, "cloud"> & { cloud: string },
): boolean {
    const named = byWordOfName(ctx.catalog, spec.name);
    if (!named.namedFor) return false;
    p.locations.push({
        role: spec.role,
        scope: "region",
        cloud: spec.cloud,
        name: spec.name.trim().toLowerCase(),
        via: spec.via,
        path: spec.path,
        ...(spec.secret ? { secret: true } : {}),
        ...named,
    });
    return true;
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
    // Field by field: a spread of the callers' specs, each of its own shape, was the costliest line of locating.
    return addLocation(p, ctx, {
        cloud: spec.cloud,
        role: spec.role,
        via: spec.via,
        fromStack: spec.fromStack,
        name: read.value,
        path: read.path,
        secret: read.secret,
    });
}
