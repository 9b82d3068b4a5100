// Cloudflare's data stores name no region. A jurisdiction (`eu`, `fedramp`, `us`) binds where data is stored and
// processed, so it is the place. A location hint is best effort ("not a guarantee", in Cloudflare's words), and
// with neither the store sits nearest whoever created it: then the place is any location Cloudflare stores such
// data in, a set of possible places the policies judge whole. Everything else Cloudflare runs (DNS, Workers, the
// CDN) serves from its global edge and keeps no data in a place a program names.

import type { Place } from "../../../model/placement";
import type { Locator } from "../../core/context";
import { addLocation } from "../../core/places";
import { readString } from "../../core/read";
import { unreadable } from "../../core/unreadable";

const CLOUD = "cloudflare";

/** Data stores and the input holding their best-effort hint. */
const STORES: ReadonlyMap<string, { hint: string; what: string }> = new Map([
    ["cloudflare:index/r2Bucket:R2Bucket", { hint: "location", what: "R2" }],
    ["cloudflare:index/d1Database:D1Database", { hint: "primaryLocationHint", what: "D1" }],
]);

export const locateCloudflare: Locator = (resource, p, ctx) => {
    const store = STORES.get(resource.type);
    if (!store) return;
    p.cloud = CLOUD;
    const jurisdiction = readString(resource.props, ["jurisdiction"]);
    if (unreadable(p, jurisdiction, "location", "input 'jurisdiction'")) return;
    if (jurisdiction.value && jurisdiction.value !== "default") {
        addLocation(p, ctx, {
            cloud: CLOUD,
            name: jurisdiction.value,
            role: "primary",
            via: "input 'jurisdiction'",
            path: jurisdiction.path,
            secret: jurisdiction.secret,
        });
        return;
    }
    const hint = readString(resource.props, [store.hint]);
    const candidates: Place[] = ctx.catalog
        .multiRegions(CLOUD)
        .flatMap((area) =>
            area.countries.map((country) => ({ cloud: CLOUD, region: area.name, partition: CLOUD, country })),
        );
    const hinted = hint.value && !hint.secret ? `location hint '${hint.value}' is best effort, not a guarantee` : "";
    p.locations.push({
        role: "primary",
        scope: "multi-region",
        cloud: CLOUD,
        name: hint.value && !hint.secret ? hint.value : "automatic",
        countries: [...new Set(candidates.map((c) => c.country))],
        via: hint.value ? `input '${hint.path}'` : "no input 'jurisdiction'",
        path: hint.value ? hint.path : "jurisdiction",
        possible: {
            why: `${hinted || "no jurisdiction"}: any ${store.what} location (only a jurisdiction binds)`,
            candidates,
        },
    });
};
