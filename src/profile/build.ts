// Turns a checked profile file into the Profile policies read: `extends: default` adds the file's
// rules to the built-in ones, `extends: none` keeps only the file's; settings the file leaves out
// take the built-in values.

import type { Catalog } from "../catalog/types";
import type { ProfileOrigin } from "./errors";
import type { ProfileFile } from "./file";
import { compileProfile, type CompiledProfile } from "./compile";
import { canonicalRegion } from "./regions";
import type { Profile, RegionRef } from "./types";

/**
 * `rules`: the profile whose rules the file extends (undefined for `extends: none` and for the
 * built-in default itself). `settings`: where absent settings come from (undefined only for the
 * built-in default, which must set them all).
 */
export function buildProfile(
    file: ProfileFile,
    origin: ProfileOrigin,
    catalog: Catalog,
    rules: Profile | undefined,
    settings: Profile | undefined,
): CompiledProfile {
    const setting = <T>(value: T | undefined, fallback: T | undefined, key: string): T => {
        if (value !== undefined) return value;
        if (fallback !== undefined) return fallback;
        throw new Error(`the built-in default profile does not set ${key}`);
    };
    const { disallow = {}, classification = {}, lookups = {}, tagExemptions = {} } = file;
    const profile: Profile = {
        source: origin.name,
        disallowed: {
            // The catalog reads a vendor id in any case (`Alibaba`); the policies compare the catalog's own id.
            vendors: union(
                rules?.disallowed.vendors,
                disallow.vendors?.map((id) => catalog.vendor(id)?.id ?? id),
            ),
            countries: union(
                rules?.disallowed.countries,
                disallow.countries?.map((c) => c.toUpperCase()),
            ),
            regions: unionRegions(
                rules?.disallowed.regions ?? [],
                (disallow.regions ?? []).map((r) => canonicalRegion(r, catalog)),
            ),
            partitions: union(rules?.disallowed.partitions, disallow.partitions),
        },
        jurisdictions: { ...rules?.jurisdictions, ...expandGroups(file.jurisdictions ?? {}, catalog) },
        classification: {
            keys: setting(classification.keys, settings?.classification.keys, "classification.keys"),
            stackTag: setting(classification.stackTag, settings?.classification.stackTag, "classification.stackTag"),
            // The file's entries first: the first matching entry classifies a stack.
            stackDefaults: [...(classification.stacks ?? []), ...(rules?.classification.stackDefaults ?? [])],
            requiredFor: union(rules?.classification.requiredFor, classification.requiredFor),
            unknownPlaces: setting(
                classification.unknownPlaces,
                settings?.classification.unknownPlaces,
                "classification.unknownPlaces",
            ),
        },
        enforcement: { ...rules?.enforcement, ...file.enforcement },
        tagExemptions: {
            tag: setting(tagExemptions.tag, settings?.tagExemptions.tag, "tagExemptions.tag"),
            policies: union(rules?.tagExemptions.policies, tagExemptions.policies),
        },
        lookups: {
            ec2: setting(lookups.ec2, settings?.lookups.ec2, "lookups.ec2"),
            timeoutMs: setting(lookups.timeoutMs, settings?.lookups.timeoutMs, "lookups.timeoutMs"),
            budgetMs: setting(lookups.budgetMs, settings?.lookups.budgetMs, "lookups.budgetMs"),
            cacheDir: setting(lookups.cacheDir, settings?.lookups.cacheDir, "lookups.cacheDir"),
            cacheTtlSeconds: setting(
                lookups.cacheTtlSeconds,
                settings?.lookups.cacheTtlSeconds,
                "lookups.cacheTtlSeconds",
            ),
        },
        exemptions: [
            ...(rules?.exemptions ?? []),
            ...(file.exemptions ?? []).map((exemption, i) => {
                const line = origin.lineOf(["exemptions", i]);
                return { ...exemption, origin: line === undefined ? origin.name : `${origin.name}:${line}` };
            }),
        ],
    };
    return compileProfile(profile, catalog);
}

function union(base: readonly string[] | undefined, added: readonly string[] | undefined): string[] {
    return [...new Set([...(base ?? []), ...(added ?? [])])];
}

function unionRegions(base: readonly RegionRef[], added: readonly RegionRef[]): RegionRef[] {
    const byKey = new Map([...base, ...added].map((r) => [`${r.cloud}/${r.region}`, r]));
    return [...byKey.values()];
}

/** Members may be built-in groups (`eu`); policies want the countries. Semantics checked they resolve. */
function expandGroups(groups: Record<string, string[]>, catalog: Catalog): Record<string, string[]> {
    return Object.fromEntries(
        Object.entries(groups).map(([name, members]) => [
            name,
            [...new Set(members.flatMap((m) => [...(catalog.jurisdiction(m) ?? [])]))].sort(),
        ]),
    );
}
