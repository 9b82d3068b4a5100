// Checks between entries and files that a JSON schema cannot express: every country, region, pair and group
// named must exist, and no id may be used twice. Each failure names the file, line and key.

import { CatalogError } from "./errors";
import {
    identifierKinds,
    type CloudFile,
    type JurisdictionsFile,
    type Loaded,
    type RegionEntry,
    type VendorsFile,
    type ZoneRuleEntry,
} from "./data-types";
import { showPath, type YamlPath } from "../yaml/lines";

export function checkJurisdictions(
    file: Loaded<JurisdictionsFile>,
    countries: ReadonlySet<string>,
): ReadonlySet<string> {
    const names = new Set<string>();
    file.data.groups.forEach((group, i) => {
        if (names.has(group.name)) fail(file, ["groups", i, "name"], group.name, "a group name not used before");
        if (countries.has(group.name.toUpperCase())) {
            fail(file, ["groups", i, "name"], group.name, "a group name that is not a country code");
        }
        names.add(group.name);
        group.countries.forEach((code, j) => checkCountry(file, ["groups", i, "countries", j], code, countries));
    });
    file.data.groups.forEach((group, i) =>
        group.include?.forEach((name, j) => {
            if (!names.has(name) || name === group.name) {
                fail(file, ["groups", i, "include", j], name, "the name of another group in this file");
            }
        }),
    );
    const includes = new Map(file.data.groups.map((group) => [group.name, group.include ?? []]));
    const reaches = (from: string, target: string, seen: Set<string>): boolean =>
        (includes.get(from) ?? []).some(
            (next) => next === target || (!seen.has(next) && reaches(next, target, seen.add(next))),
        );
    file.data.groups.forEach((group, i) =>
        group.include?.forEach((name, j) => {
            if (reaches(name, group.name, new Set())) {
                fail(file, ["groups", i, "include", j], name, "a group that does not include this one back (a cycle)");
            }
        }),
    );
    return names;
}

export function checkCloud(file: Loaded<CloudFile>, countries: ReadonlySet<string>, groups: ReadonlySet<string>): void {
    const regions = new Map<string, RegionEntry>();
    const names = new Map<string, string>();
    const partitions = new Set<string>();
    file.data.partitions.forEach((partition, p) => {
        if (partitions.has(partition.id))
            fail(file, ["partitions", p, "id"], partition.id, "a partition id not used before");
        partitions.add(partition.id);
        partition.regions.forEach((region, r) => {
            const at = ["partitions", p, "regions", r];
            if (names.has(region.id)) fail(file, [...at, "id"], region.id, "a region id not used before");
            names.set(region.id, region.id);
            const spelled = region.name?.toLowerCase();
            if (spelled !== undefined) {
                const other = names.get(spelled);
                if (other !== undefined && other !== region.id) {
                    fail(file, [...at, "name"], region.name, `a region name not already used by region '${other}'`);
                }
                names.set(spelled, region.id);
            }
            if (region.country !== undefined) checkCountry(file, [...at, "country"], region.country, countries);
            else if (region.aliasOf === undefined)
                fail(file, [...at, "country"], undefined, "a country (or aliasOf, for a pseudo-region)");
            regions.set(region.id, region);
        });
    });
    const knownRegion = (at: YamlPath, name: string, what: string) => {
        if (!regions.has(name)) fail(file, at, name, `${what} naming a region of ${file.data.cloud} in this file`);
    };
    file.data.partitions.forEach((partition, p) =>
        partition.regions.forEach((region, r) => {
            const at = ["partitions", p, "regions", r];
            if (region.pair !== undefined) knownRegion([...at, "pair"], region.pair, "a pair");
            if (region.aliasOf !== undefined) {
                knownRegion([...at, "aliasOf"], region.aliasOf, "an alias");
                if (regions.get(region.aliasOf)?.aliasOf !== undefined) {
                    fail(file, [...at, "aliasOf"], region.aliasOf, "a real region, not another pseudo-region");
                }
            }
        }),
    );
    file.data.logicalLocations?.names.forEach((name, i) => {
        if (regions.has(name))
            fail(file, ["logicalLocations", "names", i], name, "a logical location that is not also a region");
    });
    file.data.partitions.forEach((partition, i) => {
        if (partition.regionPattern === undefined) return;
        const at = ["partitions", i, "regionPattern"];
        let pattern: RegExp;
        try {
            pattern = new RegExp(partition.regionPattern);
        } catch (e) {
            return fail(file, at, partition.regionPattern, `a valid regular expression (${(e as Error).message})`);
        }
        const unmatched = partition.regions.find((r) => r.aliasOf === undefined && !pattern.test(r.id));
        if (unmatched)
            fail(
                file,
                at,
                partition.regionPattern,
                `a pattern every region of the partition matches (not '${unmatched.id}')`,
            );
    });
    const checkExamples = (key: "zoneRules" | "processingEndpoints", i: number, rule: ZoneRuleEntry) => {
        let pattern: RegExp;
        try {
            pattern = new RegExp(rule.pattern);
        } catch (e) {
            return fail(
                file,
                [key, i, "pattern"],
                rule.pattern,
                `a valid regular expression (${(e as Error).message})`,
            );
        }
        for (const [written, region] of Object.entries(rule.examples)) {
            knownRegion([key, i, "examples", written], region, "an example");
            const found = pattern.exec(written)?.groups?.region;
            if (found !== region)
                fail(
                    file,
                    [key, i, "examples", written],
                    region,
                    `the region the pattern finds in '${written}' (it finds ${found ?? "nothing"})`,
                );
        }
        if (rule.locations && !rule.pattern.includes("(?<location>"))
            fail(file, [key, i, "pattern"], rule.pattern, "a pattern with a (?<location>...) group for its locations");
        for (const [code, country] of Object.entries(rule.locations ?? {}))
            if (!countries.has(country))
                fail(file, [key, i, "locations", code], country, "an ISO 3166-1 alpha-2 code of countries.yaml");
    };
    file.data.zoneRules?.forEach((rule, i) => checkExamples("zoneRules", i, rule));
    file.data.serviceNames?.forEach((entry, e) =>
        Object.entries(entry.names).forEach(([written, region]) =>
            knownRegion(["serviceNames", e, "names", written], region, `${entry.service}'s name`),
        ),
    );
    file.data.processingEndpoints?.forEach((rule, i) => checkExamples("processingEndpoints", i, rule));
    const partitionIds = new Set(file.data.partitions.map((p) => p.id));
    file.data.processing?.forEach((entry, e) => {
        const at = ["processing", e];
        entry.regions?.forEach((name, i) => knownRegion([...at, "regions", i], name, "a destination"));
        if (entry.scope === "regions" && !entry.regions?.length)
            fail(file, [...at, "regions"], undefined, "the regions a request may be processed in");
        if (entry.scope === "partition" && (entry.partition === undefined || !partitionIds.has(entry.partition)))
            fail(file, [...at, "partition"], entry.partition, `a partition of ${file.data.cloud} in this file`);
    });
    file.data.dataZones?.forEach((zone, z) => {
        if (!groups.has(zone.jurisdiction) && !countries.has(zone.jurisdiction.toUpperCase()))
            fail(file, ["dataZones", z, "jurisdiction"], zone.jurisdiction, "a group or an ISO country code");
    });
    const multi = new Set<string>();
    file.data.multiRegions?.forEach((entry, m) => {
        const at = ["multiRegions", m];
        if (multi.has(entry.name) || regions.has(entry.name))
            fail(file, [...at, "name"], entry.name, "a name not used by another region or multi-region");
        multi.add(entry.name);
        entry.regions?.forEach((name, i) => knownRegion([...at, "regions", i], name, "a member"));
        entry.metadataRegions?.forEach((name, i) =>
            knownRegion([...at, "metadataRegions", i], name, "a metadata location"),
        );
        entry.countries?.forEach((code, i) => checkCountry(file, [...at, "countries", i], code, countries));
        if (entry.jurisdiction !== undefined && !groups.has(entry.jurisdiction)) {
            fail(file, [...at, "jurisdiction"], entry.jurisdiction, "the name of a group in the jurisdictions file");
        }
        if (!entry.regions?.length && !entry.countries?.length && entry.jurisdiction === undefined) {
            fail(file, [...at, "countries"], undefined, "member regions, countries or a jurisdiction");
        }
    });
}

export function checkVendors(file: Loaded<VendorsFile>, clouds: ReadonlySet<string>): void {
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    file.data.vendors.forEach((vendor, v) => {
        if (ids.has(vendor.id)) fail(file, ["vendors", v, "id"], vendor.id, "a vendor id not used before");
        ids.add(vendor.id);
        if (vendor.cloud !== undefined && !clouds.has(vendor.cloud)) {
            fail(file, ["vendors", v, "cloud"], vendor.cloud, "a cloud id with a region file in the catalog");
        }
        for (const kind of identifierKinds) {
            vendor.identifiers[kind]?.forEach((group, g) =>
                group.values.forEach((value, i) => {
                    const key = `${kind === "asns" ? "asns" : "names"}:${String(value).toLowerCase()}`;
                    const owner = owners.get(key);
                    if (owner !== undefined && (owner !== vendor.id || kind === "asns")) {
                        fail(
                            file,
                            ["vendors", v, "identifiers", kind, g, "values", i],
                            value,
                            `an identifier not already given to vendor '${owner}'`,
                        );
                    }
                    owners.set(key, vendor.id);
                }),
            );
        }
    });
    file.data.aiServices?.forEach((service, i) => {
        if (!ids.has(service.vendor))
            fail(file, ["aiServices", i, "vendor"], service.vendor, "the id of a vendor of this file");
    });
}

function checkCountry(file: Loaded, at: YamlPath, code: string, countries: ReadonlySet<string>): void {
    if (!countries.has(code)) fail(file, at, code, "an ISO 3166-1 alpha-2 code listed in the countries file");
}

export function fail(file: Loaded, at: YamlPath, value: unknown, expected: string): never {
    throw new CatalogError(file.file, file.doc.lineOf(at), showPath(at), value, expected);
}
