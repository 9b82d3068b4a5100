// Packages clean-guard has no locator for (a community provider, a new cloud): take the region, location or
// zone input of the resource, else of its provider, and find the cloud whose catalog knows the name. A name
// no cloud knows, or several clouds share, is kept as written and reported "unrecognised", never passed.
// Packages with no such input (random, tls, command, components, the stack itself) have no location.

import type { Catalog, CloudId } from "../catalog/types";
import type { Placement } from "../model/placement";
import type { NormalisedResource } from "../model/resource";
import type { LocateContext, Locator } from "./context";
import { addLocation, normaliseLocationName } from "./places";
import { providerLabel, readFirstString, unknownDuringPreview, type Read } from "./read";

/** Input names that hold a location in the providers we know of, most specific first. */
const LOCATION_KEYS = [
    "region",
    "regionId",
    "location",
    "zone",
    "zoneId",
    "availabilityZone",
    "datacenter",
    "dataCenter",
];

const cloudLists = new WeakMap<Catalog, CloudId[]>();

/** Every cloud the catalog has regions for, computed once per catalog. */
function cloudsOfCatalog(catalog: Catalog): CloudId[] {
    let clouds = cloudLists.get(catalog);
    if (!clouds) {
        clouds = [...new Set(catalog.regions().map((place) => place.cloud as CloudId))];
        cloudLists.set(catalog, clouds);
    }
    return clouds;
}

export const locateGeneric: Locator = (resource, p, ctx) => {
    const own = readFirstString(resource.props, LOCATION_KEYS);
    const fromProvider = own ?? (resource.provider && readFirstString(resource.provider.props, LOCATION_KEYS));
    if (!fromProvider) return;
    const via = own ? `input '${own.path}'` : providerLabel(resource)!;
    addGenericLocation(resource, p, ctx, fromProvider, via);
};

function addGenericLocation(
    resource: NormalisedResource,
    p: Placement,
    ctx: LocateContext,
    read: Read<string>,
    via: string,
): void {
    if (read.unknown) return unknownDuringPreview(p, "location", read.path, `the location (${via})`);
    if (read.opaque) {
        p.undetermined.push({
            aspect: "location",
            reason: "secret-ciphertext",
            path: read.path,
            detail: `the location (${via}) is a secret whose value is not available to clean-guard`,
        });
        return;
    }
    const name = read.value ?? "";
    if (!name) return;
    const clouds = cloudsOf(ctx, name);
    if (clouds.length === 1) {
        p.cloud ??= clouds[0];
        addLocation(p, ctx, { cloud: clouds[0], name, role: "primary", via, path: read.path, secret: read.secret });
        return;
    }
    const shown = read.secret ? "a secret location" : `location '${name}'`;
    const pkg = p.package;
    p.locations.push({
        role: "primary",
        scope: "region",
        cloud: pkg,
        name: normaliseLocationName(name),
        countries: [],
        via,
        path: read.path,
        ...(read.secret ? { secret: true } : {}),
    });
    p.undetermined.push({
        aspect: "location",
        reason: "unrecognised",
        path: read.path,
        detail:
            clouds.length === 0
                ? `${shown} (${via}) of ${resource.type} is not a location of any cloud clean-guard knows`
                : `${shown} (${via}) of ${resource.type} names a region of several clouds (${clouds.join(", ")}), so its country is not certain`,
    });
}

/** Clouds whose catalog knows the name as a region or, failing that, as a zone. */
function cloudsOf(ctx: LocateContext, name: string): CloudId[] {
    const regions = ctx.catalog.cloudsWithRegion(name);
    if (regions.length > 0) return regions;
    return cloudsOfCatalog(ctx.catalog).filter((cloud) => ctx.catalog.zoneRegion(cloud, name) !== undefined);
}
