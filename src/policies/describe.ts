// How policies name what they found, the same way everywhere: the place, its country and operator,
// and where the fact came from. Secret values are never named.

import type { Catalog } from "../catalog/types";
import type { Location } from "../model/placement";
import { SECRET_MASK } from "../model/values";

/** `region cn-north-1 (China, operated by Beijing Sinnet Technology, partition aws-cn) from provider 'china'`. */
export function describeLocation(l: Location, catalog: Catalog): string {
    const name = l.secret ? SECRET_MASK : l.name;
    const what =
        l.role === "processing"
            ? "processing location"
            : l.scope === "multi-region"
              ? "multi-region"
              : l.scope === "global"
                ? "location"
                : l.scope;
    return `${l.cloud} ${what} ${name}${l.secret ? "" : placeDetails(l, catalog)} from ${l.via}`;
}

function placeDetails(l: Location, catalog: Catalog): string {
    if (l.scope === "global") return " (global: data may be served or cached anywhere)";
    if (l.countries.length === 0)
        return l.partition
            ? ` (not a location clean-guard knows; partition ${l.partition} by the shape of its name)`
            : " (not a location clean-guard knows)";
    const countries = l.countries.map((c) => `${catalog.countryName(c) ?? c} (${c})`);
    const listed = l.countries.length > 3 ? `${l.countries.length} countries` : countries.join(", ");
    if (l.possible) return ` (${l.possible.why}: ${l.countries.length > 1 ? `one of ${listed}` : listed})`;
    if (l.namedFor)
        return ` (${listed} by the word '${l.namedFor}' in its name; clean-guard does not list this region)`;
    const parts = [listed];
    if (l.place?.operator) parts.push(`operated by ${l.place.operator}`);
    if (l.place && l.place.partition !== l.cloud) parts.push(`partition ${l.place.partition}`);
    return ` (${parts.join(", ")})`;
}
