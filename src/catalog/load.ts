// Reads the catalog's YAML files, validates each against schema.json and checks the references between them
// (countries, regions, pairs, groups, duplicate ids). Any problem throws one CatalogError naming the file, line,
// key, value and what was expected: a pack must not start on a catalog it cannot trust.

import fs from "fs";
import path from "path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { YAMLException } from "js-yaml";
import { CatalogError } from "./errors";
import { parseYaml, type ParsedYaml, type YamlPath } from "./yaml-lines";
import type { CloudId } from "./types";
import schema from "./schema.json";

export interface Sourced {
    source?: string;
    verified?: boolean;
    note?: string;
}

export interface RegionEntry extends Sourced {
    id: string;
    name?: string;
    country?: string;
    /** A pseudo-region (`aws-global`) that stands for another region of the same cloud. */
    aliasOf?: string;
    operator?: string;
    pair?: string;
}

export interface PartitionEntry extends Sourced {
    id: string;
    name: string;
    regions: RegionEntry[];
}

export interface ZoneRuleEntry extends Sourced {
    pattern: string;
    /** zone -> region: checked at load, so a rule that stops matching its own examples cannot ship. */
    examples: Record<string, string>;
}

export interface MultiRegionEntry extends Sourced {
    name: string;
    kind: "multi-region" | "dual-region";
    regions?: string[];
    metadataRegions?: string[];
    countries?: string[];
    jurisdiction?: string;
}

export interface CloudFile {
    kind: "cloud";
    cloud: CloudId;
    name: string;
    /** The cloud's APIs accept a region's display name as its location (Azure): index it for lookups. */
    displayNamesAreLocations?: boolean;
    zoneRules?: ZoneRuleEntry[];
    logicalLocations?: Sourced & { names: string[] };
    partitions: PartitionEntry[];
    multiRegions?: MultiRegionEntry[];
}

export interface CountriesFile {
    kind: "countries";
    source: string;
    countries: Record<string, string>;
}

export interface GroupEntry extends Sourced {
    name: string;
    description?: string;
    asOf?: string;
    include?: string[];
    countries: string[];
}

export interface JurisdictionsFile {
    kind: "jurisdictions";
    groups: GroupEntry[];
}

export interface IdentifierGroup<T = string> extends Sourced {
    values: T[];
}

export const identifierKinds = [
    "packages",
    "domains",
    "cdnDomains",
    "registries",
    "asns",
    "imageMarkers",
    "carrierNames",
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export interface VendorEntry extends Sourced {
    id: string;
    name: string;
    pillars: string[];
    cloud?: CloudId;
    defaultDisallowed?: boolean;
    identifiers: { [K in IdentifierKind]?: IdentifierGroup<K extends "asns" ? number : string>[] };
}

export interface FalseFriendEntry extends Sourced {
    values: string[];
    owner: string;
}

export interface VendorsFile {
    kind: "vendors";
    vendors: VendorEntry[];
    falseFriends?: FalseFriendEntry[];
}

/** Where an entry was written, for errors raised after loading. */
export interface Origin {
    file: string;
    line: number | undefined;
    key: string;
}

export interface CatalogData {
    clouds: CloudFile[];
    countries: CountriesFile;
    jurisdictions: JurisdictionsFile;
    vendors: VendorsFile;
    /** Where each false-friend value was written, keyed by the value as written. */
    falseFriendOrigins: Map<string, Origin>;
}

type CatalogFile = CloudFile | CountriesFile | JurisdictionsFile | VendorsFile;

// verbose: errors carry their schema, whose `description` says what was expected in words.
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true });
ajv.addSchema(schema);
const validators: Record<CatalogFile["kind"], ValidateFunction> = {
    cloud: ajv.compile({ $ref: "clean-guard-catalog#/$defs/cloudFile" }),
    countries: ajv.compile({ $ref: "clean-guard-catalog#/$defs/countriesFile" }),
    jurisdictions: ajv.compile({ $ref: "clean-guard-catalog#/$defs/jurisdictionsFile" }),
    vendors: ajv.compile({ $ref: "clean-guard-catalog#/$defs/vendorsFile" }),
};

interface Loaded<T extends CatalogFile = CatalogFile> {
    file: string;
    doc: ParsedYaml;
    data: T;
}

/** Loads and checks every `*.yaml` file of a catalog directory. */
export function loadCatalogData(dir: string): CatalogData {
    let names: string[];
    try {
        names = fs
            .readdirSync(dir)
            .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
            .sort();
    } catch {
        throw new CatalogError(dir, undefined, "", dir, "a readable catalog directory");
    }
    const loaded = names.map((name) => loadFile(path.join(dir, name), name));
    const single = <K extends CatalogFile["kind"]>(kind: K) => {
        const files = loaded.filter((l): l is Loaded<Extract<CatalogFile, { kind: K }>> => l.data.kind === kind);
        if (files.length !== 1) {
            const extra = files[1];
            throw new CatalogError(
                extra?.file ?? dir,
                extra ? 1 : undefined,
                "kind",
                kind,
                `exactly one catalog file of kind '${kind}' (found ${files.length})`,
            );
        }
        return files[0];
    };
    const countries = single("countries");
    const jurisdictions = single("jurisdictions");
    const vendors = single("vendors");
    const clouds = loaded.filter((l): l is Loaded<CloudFile> => l.data.kind === "cloud");

    const countryCodes = new Set(Object.keys(countries.data.countries));
    const groups = checkJurisdictions(jurisdictions, countryCodes);
    const seenClouds = new Map<string, string>();
    for (const cloud of clouds) {
        const earlier = seenClouds.get(cloud.data.cloud);
        if (earlier) fail(cloud, ["cloud"], cloud.data.cloud, `a cloud id not already catalogued in ${earlier}`);
        seenClouds.set(cloud.data.cloud, cloud.file);
        checkCloud(cloud, countryCodes, groups);
    }
    checkVendors(vendors, new Set(seenClouds.keys()));

    const falseFriendOrigins = new Map<string, Origin>();
    vendors.data.falseFriends?.forEach((friend, i) =>
        friend.values.forEach((value, j) => {
            const at: YamlPath = ["falseFriends", i, "values", j];
            falseFriendOrigins.set(value, { file: vendors.file, line: vendors.doc.lineOf(at), key: showPath(at) });
        }),
    );
    return {
        clouds: clouds.map((c) => c.data),
        countries: countries.data,
        jurisdictions: jurisdictions.data,
        vendors: vendors.data,
        falseFriendOrigins,
    };
}

function loadFile(fullPath: string, file: string): Loaded {
    const text = fs.readFileSync(fullPath, "utf8");
    let doc: ParsedYaml;
    try {
        doc = parseYaml(text, file);
    } catch (e) {
        if (!(e instanceof YAMLException)) throw e;
        const line = e.mark ? e.mark.line + 1 : undefined;
        const written = line === undefined ? undefined : text.split(/\r?\n/)[line - 1];
        throw new CatalogError(file, line, "", written, `valid YAML (${e.reason})`);
    }
    const data = doc.data as { kind?: unknown } | null;
    const kind = typeof data === "object" && data !== null ? data.kind : undefined;
    if (typeof kind !== "string" || !(kind in validators)) {
        throw new CatalogError(
            file,
            doc.lineOf(["kind"]),
            "kind",
            kind,
            `one of ${Object.keys(validators).join(", ")}`,
        );
    }
    const validate = validators[kind as CatalogFile["kind"]];
    if (!validate(data)) throw schemaError(file, doc, validate.errors?.[0]);
    return { file, doc, data: data as unknown as CatalogFile };
}

function schemaError(file: string, doc: ParsedYaml, error: ErrorObject | undefined | null): CatalogError {
    if (!error) return new CatalogError(file, 1, "", undefined, "a document matching the catalog schema");
    const at: (string | number)[] = error.instancePath
        .split("/")
        .slice(1)
        .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"))
        .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    const described = (error.parentSchema as { description?: string } | undefined)?.description;
    let expected = described ?? error.message ?? "a value matching the schema";
    if (error.keyword === "required") {
        at.push(String(error.params.missingProperty));
        expected = "a value (this key is required)";
    } else if (error.keyword === "additionalProperties") {
        at.push(String(error.params.additionalProperty));
        expected = "no such key (not in the catalog schema)";
    } else if (error.keyword === "enum") {
        expected = `one of ${(error.params.allowedValues as unknown[]).join(", ")}`;
    } else if (error.keyword === "const") {
        expected = `'${String(error.params.allowedValue)}'`;
    }
    const value = error.keyword === "required" ? undefined : valueAt(doc.data, at);
    return new CatalogError(file, doc.lineOf(at), showPath(at), value, expected);
}

function checkJurisdictions(file: Loaded<JurisdictionsFile>, countries: ReadonlySet<string>): ReadonlySet<string> {
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

function checkCloud(file: Loaded<CloudFile>, countries: ReadonlySet<string>, groups: ReadonlySet<string>): void {
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
    file.data.zoneRules?.forEach((rule, i) => {
        let pattern: RegExp;
        try {
            pattern = new RegExp(rule.pattern);
        } catch (e) {
            return fail(
                file,
                ["zoneRules", i, "pattern"],
                rule.pattern,
                `a valid regular expression (${(e as Error).message})`,
            );
        }
        for (const [zone, region] of Object.entries(rule.examples)) {
            knownRegion(["zoneRules", i, "examples", zone], region, "an example");
            const found = pattern.exec(zone)?.groups?.region;
            if (found !== region)
                fail(
                    file,
                    ["zoneRules", i, "examples", zone],
                    region,
                    `the region the pattern finds in '${zone}' (it finds ${found ?? "nothing"})`,
                );
        }
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

function checkVendors(file: Loaded<VendorsFile>, clouds: ReadonlySet<string>): void {
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
}

function checkCountry(file: Loaded, at: YamlPath, code: string, countries: ReadonlySet<string>): void {
    if (!countries.has(code)) fail(file, at, code, "an ISO 3166-1 alpha-2 code listed in the countries file");
}

function fail(file: Loaded, at: YamlPath, value: unknown, expected: string): never {
    throw new CatalogError(file.file, file.doc.lineOf(at), showPath(at), value, expected);
}

export function showPath(at: YamlPath): string {
    return at.map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`)).join("");
}

function valueAt(data: unknown, at: YamlPath): unknown {
    let value = data;
    for (const step of at) {
        if (typeof value !== "object" || value === null) return undefined;
        value = (value as Record<string | number, unknown>)[step];
    }
    return value;
}
