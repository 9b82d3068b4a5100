// Outside facts a placement needs before the policies judge it: who published each machine image (EC2
// DescribeImages), and which zone an availability-zone id is (EC2 DescribeAvailabilityZones). The only stage that
// does I/O, so that policies stay pure rules over placements. Lookups are batched by the lookup layer: placements
// enriched at the same time share calls (one per region per 100 images, one per region for every zone).

import type { Catalog } from "../catalog/types";
import { addLocation } from "../locate/core/places";
import { failedLookupEnforcement, type Ec2Lookups, type LookupFailure } from "../lookups/index";
import type { Image, Placement } from "../model/placement";
import type { LookupMode } from "../profile/types";

export interface EnrichOptions {
    lookups: Ec2Lookups | undefined;
    /** The profile's `lookups.ec2`: whether a failed lookup blocks or warns. */
    mode: LookupMode;
    catalog: Catalog;
}

/** Undefined when the placement has nothing to look up, as most have: no promises are made for those. */
export function enrichPlacement(p: Placement, options: EnrichOptions): Promise<void> | undefined {
    if (!p.images.some(awaitingFacts) && !(p.zoneLookups?.length && options.lookups)) return undefined;
    return Promise.all([enrichImages(p, options), enrichZones(p, options)]).then(() => undefined);
}

const awaitingFacts = (i: Image): boolean => i.kind === "machine-image" && !!i.region && !i.facts && !i.lookupFailure;

/**
 * Records on every machine image of the placement that has a region either what EC2 says of it (`facts`) or why
 * that could not be found out (`lookupFailure`). Without a lookup layer, the failure says lookups are off.
 */
async function enrichImages(p: Placement, { lookups, mode }: EnrichOptions): Promise<void> {
    const images = p.images.filter(awaitingFacts);
    if (images.length === 0) return;
    const advisory = failedLookupEnforcement(mode) === "advisory";
    const failure = (f: LookupFailure) => ({ reason: f.reason, detail: f.detail, advisory });
    if (!lookups) {
        for (const image of images)
            image.lookupFailure = failure({ reason: "off", detail: "EC2 lookups are not set up in this run" });
        return;
    }
    const results = await lookups.images.lookup(
        images.map((i) => ({ imageId: i.ref, region: i.region!, ...(i.secret ? { secret: true } : {}) })),
    );
    images.forEach((image, k) => {
        const result = results[k];
        if (result.ok) image.facts = result.facts;
        else image.lookupFailure = failure(result.failure);
    });
}

/**
 * An availability-zone id (`euw1-az1`) becomes the zone EC2 names (`eu-west-1a`), placed as that name would be
 * if the program had written it. A failed lookup adds nothing: the resource stays placed by the region EC2 was
 * asked about, which holds every availability zone of that region.
 */
async function enrichZones(p: Placement, { lookups, catalog }: EnrichOptions): Promise<void> {
    const zones = p.zoneLookups ?? [];
    if (zones.length === 0 || !lookups) return;
    p.zoneLookups = undefined;
    const results = await lookups.zones.lookup(zones.map(({ zone, region }) => ({ zone, region })));
    zones.forEach((zone, k) => {
        const result = results[k];
        if (!result.ok) return;
        const { zone: _written, region: _asked, ...spec } = zone;
        addLocation(p, { catalog }, { ...spec, cloud: "aws", name: result.facts.zoneName });
    });
}
