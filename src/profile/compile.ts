// A profile as the policies use it: its globs, sets and jurisdiction names turned into matchers once, when the
// pack or the CLI takes the profile on, because they are consulted for every resource of every request.

import type { Catalog } from "../catalog/types";
import { endOfDay } from "./dates";
import { compileGlobs, type Matcher } from "./globs";
import type { Exemption, Profile } from "./types";

export interface CompiledExemption {
    exemption: Exemption;
    policies: ReadonlySet<string>;
    urn: Matcher;
    type: Matcher;
    stack: Matcher;
    project: Matcher;
    /** The end of the `expires` day (UTC), in ms. */
    endsAt: number;
}

export interface DisallowedSets {
    /** ISO codes, upper case. */
    countries: ReadonlySet<string>;
    /** `aws/cn-north-1`, or `*\/cn-north-1` for any cloud, as made by `regionKey`. */
    regions: ReadonlySet<string>;
    partitions: ReadonlySet<string>;
}

export interface ProfileRules {
    exemptions: readonly CompiledExemption[];
    disallowed: DisallowedSets;
    /** Whether a type token is one of `classification.requiredFor`; undefined when that list is empty. */
    requiresClassification?: Matcher;
    /** One matcher per `classification.stacks` entry, in order: does it apply to this project and stack? */
    stackDefaults: ReadonlyArray<(project: string, stack: string) => boolean>;
    /** ISO codes of a classification value (`de`, `eu`, an organisation's group); undefined when nothing knows it. */
    countriesOf(name: string): ReadonlySet<string> | undefined;
}

export interface CompiledProfile extends Profile {
    readonly rules: ProfileRules;
}

/** Lower case without spaces or underscores: Azure's `China North` and `chinanorth` are one region. */
export const regionKey = (cloud: string, region: string): string =>
    `${cloud}/${region.toLowerCase().replace(/[\s_]+/g, "")}`;

export function compileProfile(profile: Profile, catalog: Catalog): CompiledProfile {
    const { countries, regions, partitions } = profile.disallowed;
    const required = profile.classification.requiredFor;
    // An organisation's group shadows nothing: load-time checks reject names the catalog already has.
    const groups = new Map(Object.entries(profile.jurisdictions).map(([name, codes]) => [name, new Set(codes)]));
    const rules: ProfileRules = {
        exemptions: profile.exemptions.map((exemption) => ({
            exemption,
            policies: new Set(exemption.policies),
            urn: compileGlobs(exemption.urns),
            type: compileGlobs(exemption.types),
            stack: compileGlobs(exemption.stacks),
            project: compileGlobs(exemption.projects),
            endsAt: endOfDay(exemption.expires),
        })),
        disallowed: {
            countries: new Set(countries.map((c) => c.toUpperCase())),
            regions: new Set(regions.map((r) => regionKey(r.cloud, r.region))),
            partitions: new Set(partitions),
        },
        requiresClassification: required.length > 0 ? compileGlobs(required) : undefined,
        stackDefaults: profile.classification.stackDefaults.map((d) => {
            const project = compileGlobs(d.project === undefined ? undefined : [d.project]);
            const name = compileGlobs(d.stack === undefined ? undefined : [d.stack]);
            return (p: string, s: string) => project(p) && name(s);
        }),
        countriesOf(name) {
            const key = name.trim().toLowerCase();
            return groups.get(key) ?? catalog.jurisdiction(key);
        },
    };
    return { ...profile, rules };
}
