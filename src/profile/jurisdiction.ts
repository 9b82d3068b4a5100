// Classification values (`de`, `eu`, `clean-countries`, an organisation's own group) as countries.

import type { Catalog } from "../catalog/types";
import type { CompiledProfile } from "./compile";

/** For messages: `eu (27 countries)`, `de (Germany)`, `xx (unknown jurisdiction)`. */
export function describeJurisdiction(name: string, profile: CompiledProfile, catalog: Catalog): string {
    const key = name.trim().toLowerCase();
    const countries = profile.rules.countriesOf(key);
    if (countries === undefined) return `${key} (unknown jurisdiction)`;
    const isCountry = key.length === 2 && catalog.isCountry(key.toUpperCase());
    if (isCountry) return `${key} (${catalog.countryName(key.toUpperCase()) ?? key.toUpperCase()})`;
    if (countries.size === 1) return `${key} (1 country: ${[...countries][0]})`;
    return `${key} (${countries.size} countries)`;
}
