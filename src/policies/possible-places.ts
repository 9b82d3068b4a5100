// A location known only as a set of possible places (a region name several clouds share, the multi-region a
// service picks by default) is judged on the set, never on a guess: a rule every candidate breaks is broken
// wherever the data is; a rule only some break cannot be verified, at the policy's own level (the data may
// well be in the place that breaks it); a rule none breaks is kept.

import type { Catalog } from "../catalog/types";
import type { Verdict } from "../model/finding";
import type { Location, Place, PossiblePlaces } from "../model/placement";

/** How many of the places that break the rule a message names; the rest are counted. */
const MAX_NAMED = 3;

/** Why a location breaks the policy's rule, one sentence per reason; empty when it keeps the rule. */
export type LocationRule = (l: Location) => string[];

/**
 * The verdict on one location, as a list of none or one so callers can flatMap. `found` describes the location
 * for the message, and is asked for only when there is a verdict: most locations keep the rule.
 */
export function judgeLocation(l: Location, rule: LocationRule, found: () => string, catalog: Catalog): Verdict[] {
    if (!l.possible) {
        const reasons = rule(l);
        return reasons.length > 0 ? [{ kind: "violation", found: found(), rule: reasons.join("; "), location: l }] : [];
    }
    const candidates = candidatesOf(l, l.possible);
    const breaking = candidates
        .map((candidate) => ({ place: candidate.place!, reasons: rule(candidate) }))
        .filter((c) => c.reasons.length > 0);
    if (breaking.length === 0) return [];
    // Every breaking place says much the same: the first one's reasons speak for the rest, which are counted.
    const others = breaking.length - 1;
    const reasons = `${breaking[0].reasons.join("; ")}${others > 0 ? ` (and likewise ${others} other possible place${others === 1 ? "" : "s"})` : ""}`;
    if (breaking.length === candidates.length) {
        return [{ kind: "violation", found: found(), rule: `Wherever it is: ${reasons}`, location: l }];
    }
    // A secret location's candidates would spell out the secret's value: they are not listed.
    const named = breaking.slice(0, MAX_NAMED).map((c) => placeName(c.place, catalog));
    if (breaking.length > MAX_NAMED) named.push(`${breaking.length - MAX_NAMED} more`);
    const where = l.secret ? "" : `: it may be in ${named.join(", ")}`;
    return [
        {
            kind: "unverified",
            found: `${found()}${where}`,
            rule: `clean-guard cannot tell which of its possible places holds the data, and some of them break the rule: ${reasons}`,
            fix:
                l.possible.fix ??
                "name the place exactly (a single region, on the resource or its provider) so it can be checked, or record a time-boxed exemption",
            location: l,
        },
    ];
}

/**
 * The location as if it were each candidate (the rules read `place`, `countries` and `cloud`), made once per
 * location: every policy judges the same set, and a partition's set is dozens of regions.
 */
const candidateLocations = new WeakMap<Location, Location[]>();

function candidatesOf(l: Location, possible: PossiblePlaces): Location[] {
    let candidates = candidateLocations.get(l);
    if (!candidates) {
        const { possible: _possible, ...rest } = l;
        candidates = possible.candidates.map((place) => ({
            ...rest,
            scope: "region",
            cloud: place.cloud,
            name: place.region,
            place,
            countries: [place.country],
        }));
        candidateLocations.set(l, candidates);
    }
    return candidates;
}

function placeName(place: Place, catalog: Catalog): string {
    return `${place.cloud} ${place.region} (${catalog.countryName(place.country) ?? place.country} (${place.country}))`;
}
