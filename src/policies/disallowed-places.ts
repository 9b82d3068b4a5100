// Whether a location is in a place the organisation disallows: a country, a {cloud, region}, or a whole
// partition (aws-cn, azure-china). Shared by the primary-location and the secondary-location policies so
// both apply the same rule.

import type { Catalog } from "../catalog/types";
import type { Location } from "../model/placement";
import { regionKey, type CompiledProfile } from "../profile/compile";
import type { Profile } from "../profile/types";

/**
 * Why the location is in a disallowed place (`partition aws-cn`, `China (CN)`), or undefined when it is not.
 * A location the catalog does not know is not judged here: its undetermined entry says so.
 */
export function disallowedPlace(l: Location, profile: CompiledProfile, catalog: Catalog): string | undefined {
    const sets = profile.rules.disallowed;
    const partition = l.place?.partition ?? l.partition;
    if (partition && sets.partitions.has(partition)) return `partition ${partition}`;
    if (
        l.place &&
        (sets.regions.has(regionKey(l.cloud, l.place.region)) || sets.regions.has(regionKey("*", l.place.region)))
    ) {
        return l.secret ? "a disallowed region" : `region ${l.place.region}`;
    }
    const country = l.countries.find((c) => sets.countries.has(c));
    if (country) return `${catalog.countryName(country) ?? country} (${country})`;
    return undefined;
}

/** `Placement in China (CN) is disallowed by built-in default`. */
export function disallowedRule(place: string, profile: Profile): string {
    return `Placement in ${place} is disallowed by ${profile.source}`;
}
