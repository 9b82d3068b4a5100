// Packages clean-guard has no locator for (a community provider, a SaaS data store, a new cloud): take the
// region, location or zone input of the resource, else of its provider, and find the cloud whose catalog
// knows the name. A service that says which cloud it runs on (Confluent's `cloud: AWS`, MongoDB Atlas's
// `providerName: AWS` with `EU_CENTRAL_1`) is read in that cloud's catalog. A name several clouds share is
// each of their regions, judged as a set of possible places; a name no cloud knows is kept as written and
// reported "unrecognised", never passed. Packages with no such input (random, tls, command, components, the
// stack itself) have no location.

import { unreadable } from "./unreadable";
import type { Catalog, CloudId } from "../../catalog/types";
import type { Place, Placement } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import type { LocateContext, Locator } from "./context";
import { addLocation, normaliseLocationName } from "./places";
import { providerLabel, readFirstString, type Read } from "./read";

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
    "providerRegionName",
];

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
    if (unreadable(p, read, "location", `the location (${via})`)) return;
    const name = read.value ?? "";
    if (!name) return;
    const stated = statedCloud(resource, ctx.catalog);
    // A cloud the service states, else the one its package is registered for, else any cloud that knows the name.
    const clouds = stated ? [stated.cloud] : p.cloud ? [p.cloud] : cloudsOf(ctx, name);
    const spec = { role: "primary" as const, via, path: read.path, secret: read.secret };
    if (clouds.length === 1) {
        const cloud = clouds[0];
        p.cloud ??= cloud;
        // Services that name the cloud write its regions in their own style (`EU_CENTRAL_1`).
        const written = ctx.catalog.region(cloud, name) || !stated ? name : name.replace(/_/g, "-");
        addLocation(p, ctx, { cloud, name: written, ...spec, via: stated ? `${via} on ${stated.via}` : via });
        return;
    }
    const shown = read.secret ? "a secret location" : `location '${name}'`;
    const base = { ...spec, scope: "region" as const, cloud: p.package, name: normaliseLocationName(name) };
    if (clouds.length > 1) {
        const candidates = clouds.flatMap((cloud) => placeOf(ctx, cloud, name) ?? []);
        p.locations.push({
            ...base,
            countries: [...new Set(candidates.map((c) => c.country))],
            possible: { why: read.secret ? "a name several clouds use" : `a name of ${clouds.join(", ")}`, candidates },
        });
        return;
    }
    p.locations.push({ ...base, countries: [] });
    p.undetermined.push({
        aspect: "location",
        reason: "unrecognised",
        path: read.path,
        detail: `${shown} (${via}) of ${resource.type} is not a location of any cloud clean-guard knows`,
    });
}

/** Inputs in which a multi-cloud service names the cloud it runs on. */
const CLOUD_KEYS = ["cloud", "cloudProvider", "providerName", "backingProviderName", "cloudName"];

/** The cloud a resource says it runs on, when it names one the catalog knows (by id or alias). */
function statedCloud(resource: NormalisedResource, catalog: Catalog): { cloud: CloudId; via: string } | undefined {
    const read = readFirstString(resource.props, CLOUD_KEYS);
    if (!read?.value || read.secret) return undefined;
    const cloud = catalog.cloudNamed(read.value);
    return cloud === undefined ? undefined : { cloud, via: `${cloud} (input '${read.path}')` };
}

function placeOf(ctx: LocateContext, cloud: CloudId, name: string): Place | undefined {
    return ctx.catalog.region(cloud, name) ?? ctx.catalog.zoneRegion(cloud, name);
}

/** Clouds whose catalog knows the name as a region or, failing that, as a zone. */
function cloudsOf(ctx: LocateContext, name: string): CloudId[] {
    const regions = ctx.catalog.cloudsWithRegion(name);
    if (regions.length > 0) return regions;
    return ctx.catalog.clouds().filter((cloud) => ctx.catalog.zoneRegion(cloud, name) !== undefined);
}
