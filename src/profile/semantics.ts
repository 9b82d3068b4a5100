// What the schema cannot know: whether the names in a profile exist in the catalog and the policy
// list, whether dates are real dates, and whether two exemptions cover the same thing.

import type { Catalog } from "../catalog/types";
import { ProfileError, type KeyPath, type ProfileOrigin } from "./errors";
import type { ExemptionEntry, ProfileFile } from "./file";
import { isCalendarDate } from "./dates";
import { isKnownRegion } from "./regions";

export interface SemanticContext {
    catalog: Catalog;
    knownPolicies: readonly string[];
    origin: ProfileOrigin;
    /** Organisation groups the profile inherits (from its base), usable as classification values. */
    inheritedGroups: readonly string[];
}

export function checkSemantics(file: ProfileFile, ctx: SemanticContext): void {
    const { catalog, origin } = ctx;
    const fail = (path: KeyPath, problem: string): never => {
        throw ProfileError.at(origin, path, problem);
    };
    const vendorIds = catalog
        .vendors()
        .map((v) => v.id)
        .sort();
    const places = catalog.regions();
    const clouds = new Set(places.map((p) => p.cloud));
    const partitions = new Set(places.map((p) => p.partition));
    const builtInGroups = [...catalog.jurisdictionGroups()].sort();

    file.disallow?.vendors?.forEach((id, i) => {
        if (catalog.vendor(id) === undefined) {
            fail(
                ["disallow", "vendors", i],
                `"${id}" is not a known vendor (expected one of: ${vendorIds.join(", ")})`,
            );
        }
    });
    file.disallow?.countries?.forEach((code, i) => {
        if (!catalog.isCountry(code.toUpperCase())) {
            fail(
                ["disallow", "countries", i],
                `"${code}" is not an ISO 3166-1 alpha-2 country code (expected e.g. "cn")`,
            );
        }
    });
    file.disallow?.regions?.forEach(({ cloud, region }, i) => {
        if (cloud !== "*" && !clouds.has(cloud)) {
            fail(
                ["disallow", "regions", i, "cloud"],
                `"${cloud}" is not a known cloud (expected "*" or one of: ${[...clouds].sort().join(", ")})`,
            );
        }
        const known = isKnownRegion({ cloud, region }, catalog);
        if (!known) {
            const on = cloud === "*" ? "any cloud" : cloud;
            fail(
                ["disallow", "regions", i, "region"],
                `"${region}" is not a known region of ${on} (expected a region the catalog lists for ${on})`,
            );
        }
    });
    file.disallow?.partitions?.forEach((id, i) => {
        if (!partitions.has(id)) {
            fail(
                ["disallow", "partitions", i],
                `"${id}" is not a known partition (expected a catalog partition id, e.g. "aws-cn" or "azure-china")`,
            );
        }
    });

    for (const [group, members] of Object.entries(file.jurisdictions ?? {})) {
        if (builtInGroups.includes(group)) {
            fail(
                ["jurisdictions", group],
                `"${group}" is already a built-in group (expected a new name, e.g. "${group}-plus-ch")`,
            );
        }
        members.forEach((member, i) => {
            if (catalog.jurisdiction(member) === undefined) {
                fail(
                    ["jurisdictions", group, i],
                    `"${member}" is not a country code or built-in group (expected e.g. "de" or one of: ${builtInGroups.join(", ")})`,
                );
            }
        });
    }

    const orgGroups = new Set([...ctx.inheritedGroups, ...Object.keys(file.jurisdictions ?? {})]);
    file.classification?.stacks?.forEach(({ residency }, i) => {
        if (!orgGroups.has(residency.toLowerCase()) && catalog.jurisdiction(residency) === undefined) {
            const own = orgGroups.size === 0 ? "" : `, or one of this profile's groups: ${[...orgGroups].join(", ")}`;
            fail(
                ["classification", "stacks", i, "residency"],
                `"${residency}" is not a country code or jurisdiction group (expected e.g. "de", a built-in group: ${builtInGroups.join(", ")}${own})`,
            );
        }
    });

    const checkPolicy = (name: string, path: KeyPath, allowAll: boolean) => {
        if ((allowAll && name === "*") || ctx.knownPolicies.includes(name)) return;
        fail(
            path,
            `"${name}" is not a clean-guard policy (expected ${allowAll ? '"*" or ' : ""}one of: ${ctx.knownPolicies.join(", ")})`,
        );
    };
    for (const name of Object.keys(file.enforcement ?? {})) checkPolicy(name, ["enforcement", name], false);
    file.tagExemptions?.policies?.forEach((name, i) => checkPolicy(name, ["tagExemptions", "policies", i], true));

    const exemptions = file.exemptions ?? [];
    exemptions.forEach((exemption, i) => {
        exemption.policies.forEach((name, j) => checkPolicy(name, ["exemptions", i, "policies", j], true));
        if (!isCalendarDate(exemption.expires)) {
            fail(
                ["exemptions", i, "expires"],
                `"${exemption.expires}" is not a calendar date (expected a date YYYY-MM-DD, e.g. "2026-06-30")`,
            );
        }
    });
    checkOverlaps(exemptions, origin, fail);
}

/** Two exemptions with the same selectors that share a policy: the later one is dead weight or a typo. */
function checkOverlaps(
    exemptions: readonly ExemptionEntry[],
    origin: ProfileOrigin,
    fail: (path: KeyPath, problem: string) => never,
): void {
    const seen = new Map<string, Array<{ index: number; policies: string[] }>>();
    exemptions.forEach((exemption, index) => {
        const key = selectorKey(exemption);
        const earlier = seen.get(key) ?? [];
        for (const other of earlier) {
            const shared = sharedPolicy(exemption.policies, other.policies);
            if (shared !== undefined) {
                const line = origin.lineOf(["exemptions", other.index]);
                const there = line === undefined ? "" : ` at line ${line}`;
                fail(
                    ["exemptions", index],
                    `covers policy "${shared}" for the same urns, types, stacks and projects as exemptions[${other.index}]${there} (expected one exemption per policy and resources: merge them or narrow one)`,
                );
            }
        }
        seen.set(key, [...earlier, { index, policies: exemption.policies }]);
    });
}

/** A policy both lists cover, `*` covering every policy; undefined when they share none. */
function sharedPolicy(a: readonly string[], b: readonly string[]): string | undefined {
    if (a.includes("*")) return b[0];
    if (b.includes("*")) return a[0];
    return a.find((p) => b.includes(p));
}

function selectorKey(e: ExemptionEntry): string {
    const set = (globs: string[] | undefined) => (globs === undefined ? ["*"] : [...new Set(globs)].sort());
    return JSON.stringify([set(e.urns), set(e.types), set(e.stacks), set(e.projects)]);
}
