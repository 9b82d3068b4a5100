// Outside facts a placement needs before the policies judge it: who published each machine image (EC2
// DescribeImages). The only stage that does I/O, so that policies stay pure rules over placements. Lookups are
// batched by the lookup layer: placements enriched at the same time share calls (one per region per 100 images).

import { failedLookupEnforcement, type Ec2Lookups, type LookupFailure } from "../lookups/index";
import type { Placement } from "../model/placement";
import type { LookupMode } from "../profile/types";

/**
 * Records on every machine image of the placement that has a region either what EC2 says of it (`facts`) or why
 * that could not be found out (`lookupFailure`). Without a lookup layer, the failure says lookups are off.
 */
export async function enrichPlacement(p: Placement, lookups: Ec2Lookups | undefined, mode: LookupMode): Promise<void> {
    const images = p.images.filter((i) => i.kind === "machine-image" && i.region && !i.facts && !i.lookupFailure);
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
