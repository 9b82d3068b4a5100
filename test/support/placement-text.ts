// Placements as the short lines a reviewer writes in a test table: `primary cn-north-1 CN`,
// `replica eu-west-1 IE (input 'replicas[0].regionName')`, `unknown-during-preview location region`.

import type { Location, Placement, Undetermined } from "../../src/model/placement";

/** `primary cn-north-1 CN`; a location without countries ends in `?`. */
export function locationText(l: Location): string {
    const extra = [
        l.scope === "region" ? "" : l.scope,
        l.partition ? `partition=${l.partition}` : "",
        l.controlPlane ? "control-plane" : "",
        l.possible
            ? `one of ${[...new Set(l.possible.candidates.map((c) => `${c.cloud}:${c.region}`))].join(",")}`
            : "",
    ]
        .filter(Boolean)
        .join(" ");
    return `${l.role} ${l.name} ${l.countries.join(",") || "?"}${extra ? ` [${extra}]` : ""}`;
}

export const locationsText = (p: Placement): string[] => p.locations.map(locationText);

export const undeterminedText = (u: Undetermined): string => `${u.reason} ${u.aspect} ${u.path}`;

export const undeterminedsText = (p: Placement): string[] => p.undetermined.map(undeterminedText);
