// Which region an availability zone (by id `use1-az1` or name `us-east-1a`) belongs to, for zones the
// catalog does not know. One DescribeAvailabilityZones per region answers every zone of that region.
import type { LookupSpec } from "./batched-lookup";
import { ec2Sdk } from "./ec2-sdk";
import { withoutAbsent, type LookupResult } from "./outcome";

export interface ZoneRequest {
    /** Zone id (`use1-az1`) or zone name (`us-east-1a`, `us-west-2-lax-1a`). */
    zone: string;
    /** The region to ask: the region of the provider the resource is deployed with. */
    region: string;
}

export interface ZoneFacts {
    zoneId: string;
    zoneName: string;
    region: string;
    /** `availability-zone`, `local-zone` or `wavelength-zone`. */
    zoneType?: string;
    /** For local and Wavelength zones: the zone they hang off. */
    parentZoneName?: string;
}

export interface ZoneLookup {
    /** One result per request, in order; a zone that is not a zone of the region asked is "not-found". */
    lookup(requests: readonly ZoneRequest[]): Promise<Array<LookupResult<ZoneFacts>>>;
}

const ZONE = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

export const ZONE_FACTS_SCHEMA = {
    type: "object",
    required: ["zoneId", "zoneName", "region"],
    properties: Object.fromEntries(
        ["zoneId", "zoneName", "region", "zoneType", "parentZoneName"].map((field) => [field, { type: "string" }]),
    ),
};

const zoneKey = (region: string, zone: string): string => `${region}/${zone}`;

export const describeZones: LookupSpec<ZoneRequest, ZoneFacts> = {
    operation: "EC2 DescribeAvailabilityZones",
    maxBatch: Number.POSITIVE_INFINITY,
    regionOf: (request) => request.region,
    keyOf: (request) => zoneKey(request.region, request.zone.toLowerCase()),
    subjectOf: (request) => `zone '${request.zone}' in ${request.region}`,
    refuse: (request) =>
        ZONE.test(request.zone.toLowerCase())
            ? undefined
            : { reason: "not-found", detail: `'${request.zone}' is not an availability zone id or name` },
    async fetch(call, region) {
        const output = await call((client, options) =>
            client.send(new (ec2Sdk().DescribeAvailabilityZonesCommand)({ AllAvailabilityZones: true }), options),
        );
        const found = new Map<string, ZoneFacts>();
        for (const zone of output.AvailabilityZones ?? []) {
            if (!zone.ZoneId || !zone.ZoneName) continue;
            const facts = withoutAbsent({
                zoneId: zone.ZoneId,
                zoneName: zone.ZoneName,
                region: zone.RegionName ?? region,
                zoneType: zone.ZoneType,
                parentZoneName: zone.ParentZoneName,
            });
            found.set(zoneKey(region, zone.ZoneId), facts);
            found.set(zoneKey(region, zone.ZoneName), facts);
        }
        return found;
    },
};
