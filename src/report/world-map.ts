// A world map as an inline SVG string, drawn in Node so the HTML report needs no script and no network.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import type { Topology } from "topojson-specification";
import { escapeMarkup as esc } from "./xml";

export type Verdict = "violation" | "unverified" | "ok";

export interface MapMarker {
    /** ISO 3166-1 alpha-2 codes of the countries the location spans. */
    countries: string[];
    verdict: Verdict;
    /** Tooltip. */
    label: string;
    /** Identifies the marker for links (the caller's key). */
    key: string;
}

export interface MapLink {
    from: string;
    to: string;
    verdict: Verdict;
}

const WIDTH = 960;
const HEIGHT = 500;

type D3Geo = typeof import("d3-geo");

interface Atlas {
    geo: D3Geo;
    /** The 110m countries, drawn. */
    outlines: FeatureCollection;
    /** Alpha-2 -> a point inside the country, from the 50m atlas, which also holds small states (SG, HK, BH). */
    points: Map<string, [number, number]>;
}

let atlas: Promise<Atlas> | undefined;

/** Loaded once per process: the atlases are parsed only when an HTML report is asked for. */
function loadAtlas(): Promise<Atlas> {
    atlas ??= (async () => {
        const geo = await import("d3-geo");
        const readTopology = (file: string) =>
            JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), "utf8")) as Topology;
        const countries = (t: Topology) => feature(t, t.objects.countries) as FeatureCollection;
        const numericByAlpha2 = load(readFileSync(path.join(__dirname, "iso-numeric.yaml"), "utf8")) as Record<
            string,
            string
        >;
        return {
            geo,
            outlines: countries(readTopology("countries-110m.json")),
            points: countryPoints(geo, countries(readTopology("countries-50m.json")), numericByAlpha2),
        };
    })();
    return atlas;
}

/** The centroid of each country's largest polygon: France's marker sits in France, not between it and Guiana. */
function countryPoints(geo: D3Geo, countries: FeatureCollection, numericByAlpha2: Record<string, string>) {
    const largest = new Map<string, { area: number; polygon: Polygon }>();
    for (const f of countries.features) {
        if (f.id === undefined) continue;
        for (const polygon of polygonsOf(f.geometry)) {
            const area = geo.geoArea(polygon);
            const best = largest.get(String(f.id));
            if (!best || area > best.area) largest.set(String(f.id), { area, polygon });
        }
    }
    const points = new Map<string, [number, number]>();
    for (const [alpha2, numeric] of Object.entries(numericByAlpha2)) {
        const best = largest.get(numeric);
        if (best) points.set(alpha2, geo.geoCentroid(best.polygon));
    }
    return points;
}

function polygonsOf(g: Geometry | null): Polygon[] {
    if (g?.type === "Polygon") return [g];
    if (g?.type === "MultiPolygon")
        return (g as MultiPolygon).coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
    return [];
}

const DRAW_ORDER: Record<Verdict, number> = { ok: 0, unverified: 1, violation: 2 };

/** Markers whose countries the atlas does not know are left off the map (the table still lists them). */
export async function renderWorldMap(markers: readonly MapMarker[], links: readonly MapLink[]): Promise<string> {
    const { geo, outlines, points } = await loadAtlas();
    const projection = geo.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
    const draw = geo.geoPath(projection).digits(1);
    const xy = new Map<string, [number, number]>();
    const crowds = new Map<string, string[]>();
    for (const m of markers) {
        const known = m.countries.map((c) => points.get(c.toUpperCase())).filter((p): p is [number, number] => !!p);
        if (known.length === 0) continue;
        const centre = projection(
            known.length === 1 ? known[0] : geo.geoCentroid({ type: "MultiPoint", coordinates: known }),
        );
        if (!centre) continue;
        xy.set(m.key, centre);
        const spot = `${Math.round(centre[0])},${Math.round(centre[1])}`;
        crowds.set(spot, [...(crowds.get(spot) ?? []), m.key]);
    }
    // Locations in one country share its point: spread them on a small ring so that each one shows.
    for (const keys of crowds.values()) {
        if (keys.length < 2) continue;
        const radius = Math.min(4 + keys.length, 14);
        keys.forEach((key, i) => {
            const [x, y] = xy.get(key)!;
            const angle = (2 * Math.PI * i) / keys.length;
            xy.set(key, [x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
        });
    }
    const countryPaths = outlines.features
        .map(
            (f: Feature) =>
                `<path class="country" d="${draw(f) ?? ""}"><title>${esc(String(f.properties?.name ?? ""))}</title></path>`,
        )
        .join("");
    const linkPaths = links
        .filter((l) => xy.has(l.from) && xy.has(l.to))
        .map((l) => `<path class="link verdict-${l.verdict}" d="${curve(xy.get(l.from)!, xy.get(l.to)!)}"/>`)
        .join("");
    // Violations are drawn last, on top of the markers they share a country with.
    const circles = markers
        .filter((m) => xy.has(m.key))
        .sort((a, b) => DRAW_ORDER[a.verdict] - DRAW_ORDER[b.verdict])
        .map((m) => {
            const [x, y] = xy.get(m.key)!;
            return `<circle class="marker verdict-${m.verdict}" data-verdict="${m.verdict}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5"><title>${esc(m.label)}</title></circle>`;
        })
        .join("");
    return (
        `<svg class="world" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Where the data lives">` +
        `<path class="sphere" d="${draw({ type: "Sphere" }) ?? ""}"/>${countryPaths}${linkPaths}${circles}</svg>`
    );
}

/** A gentle arc between two points, bowed to one side so that a link and its return stay apart. */
function curve([x1, y1]: [number, number], [x2, y2]: [number, number]): string {
    const bow = 0.2;
    const cx = (x1 + x2) / 2 - (y2 - y1) * bow;
    const cy = (y1 + y2) / 2 + (x2 - x1) * bow;
    return `M${x1.toFixed(1)},${y1.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}
