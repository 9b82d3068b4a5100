// Whether a location is in a place the organisation disallows: a country, a {cloud, region}, or a whole
// partition (aws-cn, azure-china). Shared by the primary-location and the secondary-location policies so
// both apply the same rule.

import type { Catalog } from "../catalog/types";
import type { Location } from "../model/placement";
import type { Profile } from "../profile/types";

interface DisallowedSets {
    countries: ReadonlySet<string>;
    /** `aws/cn-north-1`, or `*\/cn-north-1` for any cloud. */
    regions: ReadonlySet<string>;
    partitions: ReadonlySet<string>;
}

const compiled = new WeakMap<Profile, DisallowedSets>();

/** Lower case without spaces or underscores: Azure's `China North` and `chinanorth` are one region. */
const regionKey = (cloud: string, region: string): string => `${cloud}/${region.toLowerCase().replace(/[\s_]+/g, "")}`;

function setsOf(profile: Profile): DisallowedSets {
    let sets = compiled.get(profile);
    if (!sets) {
        const { countries, regions, partitions } = profile.disallowed;
        sets = {
            countries: new Set(countries.map((c) => c.toUpperCase())),
            regions: new Set(regions.map((r) => regionKey(r.cloud, r.region))),
            partitions: new Set(partitions),
        };
        compiled.set(profile, sets);
    }
    return sets;
}

/**
 * Why the location is in a disallowed place (`partition aws-cn`, `China (CN)`), or undefined when it is not.
 * A location the catalog does not know is not judged here: its undetermined entry says so.
 */
export function disallowedPlace(l: Location, profile: Profile, catalog: Catalog): string | undefined {
    const sets = setsOf(profile);
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
