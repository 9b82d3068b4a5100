// What aws and aws-native share: a resource's region comes from its own input (pulumi-aws v7 has a
// per-resource `region`), else its provider (explicit, or the default one carrying the stack's `aws:region`).
// Neither provider has a default region of its own: it falls back to AWS_REGION, which the engine path reads
// as the provider does (src/normalise/provider-environment.ts), or to a profile on the machine that runs the
// deployment, which a policy cannot see, so a region still missing is "missing".

import type { Catalog } from "../../../catalog/types";
import type { Placement } from "../../../model/placement";
import type { NormalisedResource } from "../../../model/resource";
import { globalKindOf, type GlobalKind } from "./aws-global";
import type { LocateContext } from "../../core/context";
import { applyRules, compileRules, rule, type CompiledRule, type LocationRuleTable } from "../../core/location-rules";
import { addLocation, addReadLocation } from "../../core/places";
import { inputLabel, providerLabel, readString, type Read } from "../../core/read";

export interface AwsFamily {
    /** The resource's own region input, when the package has one. */
    ownRegionKey?: string;
    /** Per type token: secondary locations, references to other resources, machine images. */
    types: LocationRuleTable;
    /** Zone inputs any type may carry. */
    zones: readonly CompiledRule[];
}

/** Zone inputs, whatever the type: EC2 instances, subnets, volumes, RDS, ElastiCache, Auto Scaling groups. */
export const AWS_ZONE_RULES = compileRules([
    rule("region", "availabilityZone", "primary", "availability zone"),
    rule("region", "availabilityZones[*]", "primary", "availability zone"),
    rule("region", "preferredCacheClusterAzs[*]", "primary", "availability zone"),
    rule("zone-id", "availabilityZoneId", "primary", "availability zone id"),
]);

interface RegionSource {
    read: Read<string>;
    via: string;
}

export function locateAwsFamily(
    family: AwsFamily,
    resource: NormalisedResource,
    p: Placement,
    ctx: LocateContext,
): void {
    p.cloud = "aws";
    const source = regionSource(resource, p.isProvider, family.ownRegionKey);
    // A component (no provider, not a provider) has no region of its own: its children are located.
    if (!source && !resource.provider && !p.isProvider) return;
    const region = source ? primaryRegion(resource, p, ctx, source) : missingRegion(p, resource);
    applyRules(family.zones, { cloud: "aws", region }, resource, p, ctx);
    applyRules(family.types.get(resource.type), { cloud: "aws", region }, resource, p, ctx);
}

function regionSource(
    resource: NormalisedResource,
    isProvider: boolean,
    ownKey: string | undefined,
): RegionSource | undefined {
    const key = isProvider ? "region" : ownKey;
    if (key) {
        const own = readString(resource.props, [key]);
        if (isPresent(own)) return { read: own, via: inputLabel(resource, key) };
    }
    if (isProvider || !resource.provider) return undefined;
    const fromProvider = readString(resource.provider.props, ["region"]);
    return isPresent(fromProvider) ? { read: fromProvider, via: providerLabel(resource)! } : undefined;
}

function isPresent(read: Read<string>): boolean {
    return read.unknown || read.opaque || (read.value !== undefined && read.value !== "");
}

function missingRegion(p: Placement, resource: NormalisedResource): undefined {
    const where = p.isProvider
        ? "the provider sets no 'region'"
        : `neither input 'region' nor ${providerLabel(resource) ?? "a provider"} sets one`;
    p.undetermined.push({
        aspect: "location",
        reason: "missing",
        path: "region",
        detail: `no region: ${where}, and the AWS provider has no default region clean-guard can see`,
    });
    return undefined;
}

/** Adds the primary location; returns the region name when known, for zone-id lookups. */
function primaryRegion(
    resource: NormalisedResource,
    p: Placement,
    ctx: LocateContext,
    source: RegionSource,
): string | undefined {
    const kind = p.isProvider ? undefined : globalKindOf(resource.type, resource.props);
    const { read, via } = source;
    if (read.value === undefined || read.unknown || read.opaque) {
        addReadLocation(p, ctx, read, { cloud: "aws", role: "primary", via }, `the region (${via})`);
        return undefined;
    }
    const place = ctx.catalog.region("aws", read.value);
    if (!kind || !place) {
        addLocation(p, ctx, {
            cloud: "aws",
            name: read.value,
            role: "primary",
            via,
            path: read.path,
            secret: read.secret,
        });
        return read.value;
    }
    p.locations.push({
        role: "primary",
        scope: "global",
        cloud: "aws",
        name: "global",
        partition: place.partition,
        countries: partitionCountries(ctx.catalog, place.partition),
        via: `${via}: ${GLOBAL_VIA[kind]}`,
        path: read.path,
        ...(read.secret ? { secret: true } : {}),
        ...(kind === "control-plane" ? { controlPlane: true } : {}),
    });
    return undefined;
}

const GLOBAL_VIA: Record<GlobalKind, string> = {
    edge: "a global service that serves data from edge locations across the partition",
    "control-plane": "a global service whose configuration is held by the partition's control plane",
};

const PARTITION_COUNTRIES = new WeakMap<Catalog, Map<string, string[]>>();

/** The one country every region of a partition is in (aws-cn: CN, aws-us-gov: US), else none. */
function partitionCountries(catalog: Catalog, partition: string): string[] {
    let byPartition = PARTITION_COUNTRIES.get(catalog);
    if (!byPartition) {
        const sets = new Map<string, Set<string>>();
        for (const place of catalog.regions("aws")) {
            const set = sets.get(place.partition) ?? new Set<string>();
            set.add(place.country);
            sets.set(place.partition, set);
        }
        byPartition = new Map([...sets].map(([id, set]) => [id, set.size === 1 ? [...set] : []]));
        PARTITION_COUNTRIES.set(catalog, byPartition);
    }
    return [...(byPartition.get(partition) ?? [])];
}
