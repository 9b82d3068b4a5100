// Classification values (`de`, `eu`, `clean-countries`, an organisation's own group) as countries.

import type { Catalog } from "../catalog/types";
import type { Profile } from "./types";

const resolved = new WeakMap<Profile, Map<string, ReadonlySet<string> | undefined>>();

/** ISO codes (upper case) of a classification value; undefined when nothing knows the name. */
export function countriesOf(name: string, profile: Profile, catalog: Catalog): ReadonlySet<string> | undefined {
    let byName = resolved.get(profile);
    if (byName === undefined) {
        byName = new Map();
        resolved.set(profile, byName);
    }
    const key = name.trim().toLowerCase();
    if (!byName.has(key)) {
        // An organisation's group shadows nothing: load-time checks reject names the catalog already has.
        const own = profile.jurisdictions[key];
        byName.set(key, own === undefined ? catalog.jurisdiction(key) : new Set(own));
    }
    return byName.get(key);
}

/** For messages: `eu (27 countries)`, `de (Germany)`, `xx (unknown jurisdiction)`. */
export function describeJurisdiction(name: string, profile: Profile, catalog: Catalog): string {
    const key = name.trim().toLowerCase();
    const countries = countriesOf(key, profile, catalog);
    if (countries === undefined) return `${key} (unknown jurisdiction)`;
    const isCountry = key.length === 2 && catalog.isCountry(key.toUpperCase());
    if (isCountry) return `${key} (${catalog.countryName(key.toUpperCase()) ?? key.toUpperCase()})`;
    if (countries.size === 1) return `${key} (1 country: ${[...countries][0]})`;
    return `${key} (${countries.size} countries)`;
}
