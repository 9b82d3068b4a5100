// Packages clean-guard has no locator for (a community provider, a SaaS data store, a new cloud): take the
// region, location or zone input of the resource, else of its provider, and find the cloud whose catalog
// knows the name. A service that says which cloud it runs on (Confluent's `cloud: AWS`, MongoDB Atlas's
// `providerName: GCP` with `WESTERN_EUROPE`, Databricks' `awsRegion`, Snowflake's `AZURE_WESTEUROPE`) is read in
// that cloud's catalog, in the service's spelling of the cloud's regions. A name several clouds share is
// each of their regions, judged as a set of possible places; a name no cloud knows is kept as written and
// reported "unrecognised", never passed. Packages with no such input (random, tls, command, components, the
// stack itself) have no location.

import { unreadable } from "./unreadable";
import type { Catalog, CloudId } from "../../catalog/types";
import type { LocationRole, Place, Placement } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import type { LocateContext, Locator } from "./context";
import { addLocation, addNamedRegion, normaliseLocationName } from "./places";
import { isRecord, type Props, type Value } from "../../model/values";
import { pathText, providerLabel, readFirstString, readString, type PathSegment, type Read } from "./read";

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
    const own = readFirstString(resource.props, LOCATION_KEYS) ?? cloudNamedRegion(resource, ctx.catalog);
    const fromProvider = own ?? (resource.provider && readFirstString(resource.provider.props, LOCATION_KEYS));
    if (fromProvider) {
        const via = own ? `input '${own.path}'` : providerLabel(resource)!;
        // A component placed by the provider its children are built with (an awsx VPC by the aws provider) is on
        // that provider's cloud.
        if (!own) p.cloud ??= ctx.catalog.cloudNamed(resource.provider!.type.split(":").pop()!);
        addGenericLocation(resource.props, p, ctx, fromProvider, { via, role: "primary" });
    }
    addNestedLocations(resource.props, p, ctx);
};

/** How deep settings that name a cloud and its region are looked for (`replicationSpecs[0].regionConfigs[1]`). */
const NESTED_DEPTH = 5;

/**
 * Settings nested in the resource that name a cloud and a region of it: Atlas's `replicationSpecs[].regionConfigs[]`
 * (every region holds the data: the first is taken as primary when the resource names none at its top, the others
 * as replicas), a backup schedule's `copySettings[]` (backup copies). A nested region with no cloud beside it is
 * not read: with nothing to say which cloud's it is, a name such as `US_EAST_1` would be a guess.
 */
function addNestedLocations(props: Props, p: Placement, ctx: LocateContext): void {
    const visit = (value: Value, path: PathSegment[]): void => {
        if (path.length > NESTED_DEPTH) return;
        if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
        if (!isRecord(value)) return;
        if (path.length > 0) addNested(value, path, p, ctx);
        for (const [key, v] of Object.entries(value)) visit(v, [...path, key]);
    };
    visit(props, []);
}

function addNested(settings: Props, path: PathSegment[], p: Placement, ctx: LocateContext): void {
    const found = readFirstString(settings, [...LOCATION_KEYS, "regionName"]);
    if (!found?.value || found.secret || !statedCloud(settings, found, ctx.catalog)) return;
    const where = pathText(path);
    const read = { ...found, path: `${where}.${found.path}` };
    const copy = /copy|backup|snapshot/i.test(where);
    const primary = !copy && !p.locations.some((l) => l.role === "primary");
    const role = copy ? "backup" : primary ? "primary" : "replica";
    addGenericLocation(settings, p, ctx, read, { via: `input '${read.path}'`, role });
}

/** An input that names its cloud in its own name (Databricks `awsRegion`), read when no plainer input is there. */
const CLOUD_NAMED_KEY = /^([a-z]+)(Region|Location)$/;

function cloudNamedRegion(resource: NormalisedResource, catalog: Catalog): Read<string> | undefined {
    const key = Object.keys(resource.props).find((k) => {
        const cloud = CLOUD_NAMED_KEY.exec(k)?.[1];
        return cloud !== undefined && catalog.cloudNamed(cloud) !== undefined;
    });
    return key === undefined ? undefined : readFirstString(resource.props, [key]);
}

function addGenericLocation(
    props: Props,
    p: Placement,
    ctx: LocateContext,
    read: Read<string>,
    { via, role }: { via: string; role: LocationRole },
): void {
    const aspect = role === "primary" ? "location" : "secondary-location";
    if (unreadable(p, read, aspect, `the location (${via})`)) return;
    const name = read.value ?? "";
    if (!name) return;
    const stated = statedCloud(props, read, ctx.catalog);
    // A cloud the service states, else the one its package is registered for, else any cloud that knows the name.
    const clouds = stated ? [stated.cloud] : p.cloud ? [p.cloud] : cloudsOf(ctx, name);
    const spec = { role, via, path: read.path, secret: read.secret };
    if (clouds.length === 1) {
        const cloud = clouds[0];
        p.cloud ??= cloud;
        // Services that name the cloud write its regions in their own style (`EU_CENTRAL_1`, `WESTERN_EUROPE`).
        const written = stated ? stated.region : name;
        const region = stated ? ctx.catalog.serviceRegion(cloud, written)?.region : undefined;
        addLocation(p, ctx, {
            cloud,
            name: region ?? written,
            ...spec,
            via: stated ? `${via} on ${stated.via}` : via,
        });
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
    if (addNamedRegion(p, ctx, { ...spec, cloud: p.package, name })) return;
    p.locations.push({ ...base, countries: [] });
    p.undetermined.push({
        aspect,
        reason: "unrecognised",
        path: read.path,
        detail: `${shown} (${via}) of ${p.resource.type} is not a location of any cloud clean-guard knows`,
    });
}

/** Inputs in which a multi-cloud service names the cloud it runs on. */
const CLOUD_KEYS = ["cloud", "cloudProvider", "providerName", "backingProviderName", "cloudName"];

/**
 * A region name that starts with its cloud (Snowflake's `AWS_EU_CENTRAL_1`, `AZURE_WESTEUROPE`, `GCP_EUROPE_WEST4`,
 * after an optional region group: `PUBLIC.AWS_US_WEST_2`).
 */
const CLOUD_PREFIXED = /^(?:[a-z0-9_]+\.)?([a-z]+)_(.+)$/i;

interface StatedCloud {
    cloud: CloudId;
    /** The region as the service writes it, without the cloud it may start with. */
    region: string;
    via: string;
}

/**
 * The cloud a resource says it runs on, when it names one the catalog knows (by id or alias): in an input of its
 * own (`providerName: AWS`), in the name of the location's input (`awsRegion`), or at the start of the region name.
 */
function statedCloud(props: Props, location: Read<string>, catalog: Catalog): StatedCloud | undefined {
    const name = location.value ?? "";
    // The first input that names a cloud: Atlas's `providerName` is `TENANT` on a shared cluster, and its
    // `backingProviderName` says the cloud.
    for (const key of CLOUD_KEYS) {
        const read = readString(props, [key]);
        const named = read.value && !read.secret ? catalog.cloudNamed(read.value) : undefined;
        if (named !== undefined) return { cloud: named, region: name, via: `${named} (input '${read.path}')` };
    }
    const keyed = CLOUD_NAMED_KEY.exec(location.path.split(".").pop()!)?.[1];
    const byKey = keyed === undefined ? undefined : catalog.cloudNamed(keyed);
    if (byKey !== undefined) return { cloud: byKey, region: name, via: `${byKey} (the input's name)` };
    const prefixed = location.secret ? undefined : CLOUD_PREFIXED.exec(name);
    const byPrefix = prefixed ? catalog.cloudNamed(prefixed[1]) : undefined;
    if (byPrefix === undefined || catalog.cloudsWithRegion(name).length > 0) return undefined;
    return { cloud: byPrefix, region: prefixed![2], via: `${byPrefix} (the start of the region's name)` };
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
