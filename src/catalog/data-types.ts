// The shapes of the catalog's YAML files once schema.json has accepted them.

import type { ParsedYaml } from "../yaml/lines";
import type { CloudId } from "./types";

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
    /** How the partition names its regions, so a region newer than the catalog still has a partition. */
    regionPattern?: string;
    regions: RegionEntry[];
}

export interface ZoneRuleEntry extends Sourced {
    pattern: string;
    /** zone -> region: checked at load, so a rule that stops matching its own examples cannot ship. */
    examples: Record<string, string>;
    /**
     * For zones that stand somewhere else than their parent region (AWS Local and Wavelength Zones): the country
     * of each location code the pattern's `(?<location>...)` group finds. A code not listed is a zone the catalog
     * cannot place, never its parent region's country.
     */
    locations?: Record<string, string>;
}

export interface MultiRegionEntry extends Sourced {
    name: string;
    kind: "multi-region" | "dual-region";
    regions?: string[];
    metadataRegions?: string[];
    countries?: string[];
    jurisdiction?: string;
}

export interface ProcessingEntry extends Sourced {
    name: string;
    kind: "inference-profile" | "deployment-type" | "location" | "service-domain";
    scope: "regions" | "partition" | "data-zone" | "resource-region";
    description: string;
    regions?: string[];
    partition?: string;
    hosts?: string[];
    domains?: string[];
}

export interface DataZoneEntry extends Sourced {
    name: string;
    /** A group or ISO code: the zone holds the cloud's regions in its countries. */
    jurisdiction: string;
}

export interface RegionalEndpointEntry extends Sourced {
    pattern: string;
    /** host -> region: checked at load, like a zone rule's examples. */
    examples: Record<string, string>;
}

/** How a multi-cloud service names a cloud's regions, where its name is not the id in its upper-case style. */
export interface ServiceNamesEntry extends Sourced {
    service: string;
    /** The service's name (`WESTERN_EUROPE`) -> the cloud's region id (`europe-west1`). */
    names: Record<string, string>;
}

export interface CloudFile {
    kind: "cloud";
    cloud: CloudId;
    name: string;
    /** Other names multi-cloud services give this cloud in their inputs (`amazon`, `google cloud`). */
    aliases?: string[];
    /** The cloud's APIs accept a region's display name as its location (Azure): index it for lookups. */
    displayNamesAreLocations?: boolean;
    zoneRules?: ZoneRuleEntry[];
    logicalLocations?: Sourced & { names: string[] };
    partitions: PartitionEntry[];
    serviceNames?: ServiceNamesEntry[];
    multiRegions?: MultiRegionEntry[];
    processing?: ProcessingEntry[];
    dataZones?: DataZoneEntry[];
    processingEndpoints?: RegionalEndpointEntry[];
}

export interface CountriesFile {
    kind: "countries";
    source: string;
    countries: Record<string, string>;
    placeNames?: PlaceNamesEntry[];
}

/** Words (a province, a city) that put a region named with one of them in one country. */
export interface PlaceNamesEntry {
    country: string;
    names: string[];
    source: string;
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

export interface AiServiceEntry extends Sourced {
    id: string;
    service: string;
    vendor: string;
    operator: string;
    country: string;
    hosts: string[];
}

export interface VendorsFile {
    kind: "vendors";
    vendors: VendorEntry[];
    aiServices?: AiServiceEntry[];
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

export type CatalogFile = CloudFile | CountriesFile | JurisdictionsFile | VendorsFile;

/** A parsed file, kept with its line index for errors raised after parsing. */
export interface Loaded<T extends CatalogFile = CatalogFile> {
    file: string;
    doc: ParsedYaml;
    data: T;
}
