// The Catalog over loaded data: every lookup table is built once here, so a lookup costs a map access (or one
// per host label), whatever the size of the stack being checked.

import type { Place } from "../model/placement";
import { NameMemo } from "../model/name-memo";
import { CatalogError } from "./errors";
import { hostSuffixes } from "./hosts";
import { identifierKinds, type CatalogData, type CloudFile, type IdentifierKind, type VendorEntry } from "./data-types";
import { phraseMatcher, type PhraseMatcher } from "./phrases";
import type {
    AiService,
    AzurePair,
    Catalog,
    CatalogFact,
    CloudId,
    MultiRegion,
    ProcessingEndpoint,
    ProcessingScope,
    Vendor,
    VendorMatch,
} from "./types";

interface CloudIndex {
    places: Place[];
    /** Lower-case id or display name -> place. */
    byName: Map<string, Place>;
    pairs: Map<string, string>;
    zoneRules: Array<{ pattern: RegExp; locations?: ReadonlyMap<string, string> }>;
    /** Partition id -> how it names regions. */
    partitionPatterns: Array<[string, RegExp]>;
    multiRegions: Map<string, MultiRegion>;
    /** A multi-cloud service's own name for a region, lower case -> place. */
    serviceNames: Map<string, Place>;
    logical: Set<string>;
    /** `<kind>/<name>` -> where a request is processed. */
    processing: Map<string, ProcessingScope>;
    /** Region -> the places of its data zone. */
    dataZones: Map<string, { name: string; places: Place[] }>;
    endpointRules: RegExp[];
}

type Identified = Map<string, VendorMatch>;

// Terraform provider sources may carry their registry host; the vendor is in the namespace/name part.
const registryPrefix = /^(registry\.terraform\.io|registry\.opentofu\.org)\//;

function spelling(name: string): string {
    return name.trim().toLowerCase().replace(/\s+/g, " ");
}

export function buildCatalog(data: CatalogData): Catalog {
    const countryNames = new Map(Object.entries(data.countries.countries));
    const placeWords = new Map(
        (data.countries.placeNames ?? []).flatMap((entry) => entry.names.map((word) => [word, entry.country])),
    );
    const groups = resolveGroups(data);
    const clouds = new Map<CloudId, CloudIndex>(data.clouds.map((file) => [file.cloud, indexCloud(file, groups)]));
    // `Amazon Web Services`, `amazon_web_services` and `AmazonWebServices` are one name.
    const cloudKey = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");
    const cloudNames = new Map(
        data.clouds.flatMap((file) =>
            [file.cloud, ...(file.aliases ?? [])].map((name) => [cloudKey(name), file.cloud]),
        ),
    );
    const cloudsByName = new Map<string, CloudId[]>();
    for (const [cloud, index] of clouds) {
        for (const name of index.byName.keys()) cloudsByName.set(name, [...(cloudsByName.get(name) ?? []), cloud]);
    }

    const vendors = new Map<string, Vendor>(data.vendors.vendors.map((entry) => [entry.id, toVendor(entry)]));
    const byKind = (kinds: IdentifierKind[]): Identified => {
        const table: Identified = new Map();
        for (const entry of data.vendors.vendors) {
            for (const kind of kinds) {
                for (const group of entry.identifiers[kind] ?? []) {
                    for (const value of group.values) {
                        const vendor = vendors.get(entry.id) as Vendor;
                        table.set(String(value).toLowerCase(), {
                            vendor,
                            matched: String(value),
                            source: group.source ?? "(no source recorded)",
                        });
                    }
                }
            }
        }
        return table;
    };
    const packages = byKind(["packages"]);
    const packageVendors = new NameMemo<VendorMatch | undefined>();
    const hosts = byKind(["domains", "cdnDomains", "registries"]);
    for (const entry of data.vendors.aiServices ?? []) {
        const vendor = vendors.get(entry.vendor) as Vendor;
        const service: AiService = Object.freeze({
            id: entry.id,
            service: entry.service,
            vendor,
            operator: entry.operator,
            country: entry.country,
        });
        const source = entry.source ?? "(no source recorded)";
        for (const host of entry.hosts) hosts.set(host, { vendor, matched: host, source, service });
    }
    const registries = byKind(["registries"]);
    const asns = byKind(["asns"]);
    const phrases = (kind: IdentifierKind): PhraseMatcher<VendorMatch> =>
        phraseMatcher([...byKind([kind]).values()].map((match) => [match.matched, match]));
    const imageMarkers = phrases("imageMarkers");
    const carrierNames = phrases("carrierNames");

    // No domain or registry in the catalog has more labels than this (registries are a subset of `hosts`), so
    // only a host's last few labels are looked up, however many it has.
    const maxSuffixLabels = Math.max(1, ...[...hosts.keys()].map((key) => key.split(".").length));
    const suffixMatch = (table: Identified, host: string) => {
        for (const suffix of hostSuffixes(host.toLowerCase(), maxSuffixLabels)) {
            const match = table.get(suffix);
            if (match) return match;
        }
        return undefined;
    };
    const endpointHosts = new Map<string, ProcessingEndpoint>();
    const endpointDomains = new Map<string, ProcessingEndpoint>();
    for (const [cloud, index] of clouds) {
        for (const scope of index.processing.values()) {
            const entry = entryOf(data, cloud, scope.name);
            for (const host of entry?.hosts ?? []) endpointHosts.set(host, { cloud, scope });
            for (const domain of entry?.domains ?? []) endpointDomains.set(domain, { cloud, scope, domain });
        }
    }
    const maxDomainLabels = Math.max(1, ...[...endpointDomains.keys()].map((domain) => domain.split(".").length));
    const countrySets = new Map([...countryNames.keys()].map((code) => [code, new Set([code]) as ReadonlySet<string>]));

    const catalog: Catalog = {
        region: (cloud, name) => clouds.get(cloud)?.byName.get(spelling(name)),
        clouds: () => [...clouds.keys()],
        cloudNamed: (name) => cloudNames.get(cloudKey(name)),
        regions: (cloud) =>
            cloud ? [...(clouds.get(cloud)?.places ?? [])] : [...clouds.values()].flatMap((c) => c.places),
        cloudsWithRegion: (name) => [...(cloudsByName.get(spelling(name)) ?? [])],
        zoneRegion(cloud, zone) {
            const index = clouds.get(cloud);
            const written = spelling(zone);
            for (const { pattern, locations } of index?.zoneRules ?? []) {
                const groups = pattern.exec(written)?.groups;
                const place = groups?.region === undefined ? undefined : index?.byName.get(groups.region);
                if (!place) continue;
                if (!locations) return place;
                // A zone away from its parent region is in the country of its location, or in no known place.
                const country = locations.get(groups?.location ?? "");
                return country === undefined ? undefined : { ...place, country };
            }
            return undefined;
        },
        serviceRegion(cloud, name) {
            const index = clouds.get(cloud);
            const written = spelling(name);
            return (
                index?.serviceNames.get(written) ??
                upperCaseStyles(written)
                    .map((style) => index?.byName.get(style))
                    .find((place) => place !== undefined)
            );
        },
        multiRegion: (cloud, name) => clouds.get(cloud)?.multiRegions.get(spelling(name)),
        multiRegions: (cloud) => [...(clouds.get(cloud)?.multiRegions.values() ?? [])],
        partitionOfName(cloud, name) {
            // Read through disguises (full-width letters, zero-width characters): a name written to dodge the
            // catalog lands in the partition it imitates.
            const written = spelling(name.normalize("NFKC").replace(/\p{Cf}/gu, ""));
            return clouds.get(cloud)?.partitionPatterns.find(([, pattern]) => pattern.test(written))?.[0];
        },
        processingScope: (cloud, kind, name) => clouds.get(cloud)?.processing.get(`${kind}/${name}`),
        processingEndpoint(host) {
            const exact = endpointHosts.get(host);
            if (exact) return exact;
            for (const [cloud, index] of clouds) {
                for (const rule of index.endpointRules) {
                    const region = rule.exec(host)?.groups?.region;
                    if (region !== undefined) return { cloud, region };
                }
            }
            for (const suffix of hostSuffixes(host, maxDomainLabels)) {
                const match = endpointDomains.get(suffix);
                if (match) return match;
            }
            return undefined;
        },
        dataZone: (cloud, place) => clouds.get(cloud)?.dataZones.get(place.region),
        azurePair(name): AzurePair | undefined {
            const azure = clouds.get("azure");
            const region = azure?.byName.get(spelling(name))?.region;
            const pair = region === undefined ? undefined : azure?.pairs.get(region);
            return pair === undefined ? undefined : { region: pair, oneWay: azure?.pairs.get(pair) !== region };
        },
        vendors: () => [...vendors.values()],
        vendor: (id) => vendors.get(id.trim().toLowerCase()),
        // Asked for every resource, of the few packages a stack uses: each spelling is read once.
        vendorOfPackage: (pkg) =>
            packageVendors.get(pkg, () => {
                let name = pkg.trim().toLowerCase().replace(registryPrefix, "");
                if (name.startsWith("pulumi:providers:")) name = name.slice("pulumi:providers:".length);
                return packages.get(name.split(":")[0]);
            }),
        vendorOfHost: (host) => suffixMatch(hosts, host),
        vendorOfRegistry: (host) => suffixMatch(registries, host) ?? suffixMatch(hosts, host),
        carrierOfAsn: (asn) => asns.get(String(asn)),
        carrierOfName: (name) => carrierNames.find(name)?.value,
        vendorOfImageText: (text) => imageMarkers.find(text)?.value,
        jurisdiction(name) {
            const key = name.trim().toLowerCase();
            return groups.get(key) ?? countrySets.get(key.toUpperCase());
        },
        jurisdictionGroups: () => [...groups.keys()],
        isCountry: (code) => countryNames.has(code.trim().toUpperCase()),
        countryName: (code) => countryNames.get(code.trim().toUpperCase()),
        namedPlace(name) {
            for (const word of name.toLowerCase().split(/[^a-z]+/)) {
                const country = placeWords.get(word);
                if (country !== undefined) return { country, word };
            }
            return undefined;
        },
        isLogicalLocation: (cloud, name) => clouds.get(cloud)?.logical.has(spelling(name)) ?? false,
        facts: () => listFacts(data),
    };
    checkFalseFriends(data, catalog);
    return catalog;
}

// load.ts has checked that every included group exists and that includes form no cycle.
/**
 * How a region id reads once a service writes it in upper case with underscores: AWS `eu_central_1`
 * (eu-central-1), Google `europe_west_3` (europe-west3), Azure `germany_west_central` (germanywestcentral).
 */
function upperCaseStyles(written: string): string[] {
    if (!written.includes("_")) return [written];
    const dashed = written.replace(/_/g, "-");
    return [dashed, dashed.replace(/-(\d+)$/, "$1"), written.replace(/_/g, "")];
}

function resolveGroups(data: CatalogData): Map<string, ReadonlySet<string>> {
    const entries = new Map(data.jurisdictions.groups.map((group) => [group.name, group]));
    const resolved = new Map<string, ReadonlySet<string>>();
    const resolve = (name: string): ReadonlySet<string> => {
        const done = resolved.get(name);
        if (done) return done;
        const group = entries.get(name);
        const countries = new Set(group?.countries ?? []);
        for (const included of group?.include ?? []) for (const code of resolve(included)) countries.add(code);
        resolved.set(name, countries);
        return countries;
    };
    for (const name of entries.keys()) resolve(name);
    return resolved;
}

function indexCloud(file: CloudFile, groups: Map<string, ReadonlySet<string>>): CloudIndex {
    const entries = new Map(
        file.partitions.flatMap((p) => p.regions.map((r) => [r.id, { partition: p.id, region: r }] as const)),
    );
    const places: Place[] = [];
    const byName = new Map<string, Place>();
    const pairs = new Map<string, string>();
    /** Pseudo-regions (`aws-global`) stand for a region already listed: never a place of their own. */
    const aliases = new Set(
        [...entries.values()].filter((e) => e.region.aliasOf !== undefined).map((e) => e.region.id),
    );
    for (const { partition, region } of entries.values()) {
        const target = region.aliasOf === undefined ? region : (entries.get(region.aliasOf)?.region ?? region);
        const place: Place = Object.freeze({
            cloud: file.cloud,
            region: region.id,
            ...(region.name === undefined ? {} : { displayName: region.name }),
            partition,
            country: target.country ?? "",
            ...(target.operator === undefined ? {} : { operator: target.operator }),
        });
        places.push(place);
        byName.set(region.id, place);
        if (region.name !== undefined && file.displayNamesAreLocations) byName.set(spelling(region.name), place);
        if (region.pair !== undefined) pairs.set(region.id, region.pair);
    }
    const countryOf = (region: string) => byName.get(region)?.country ?? "";
    const multiRegions = new Map<string, MultiRegion>();
    for (const entry of file.multiRegions ?? []) {
        const countries = new Set([
            ...(entry.countries ?? []),
            ...(entry.jurisdiction === undefined ? [] : (groups.get(entry.jurisdiction) ?? [])),
            ...(entry.regions ?? []).map(countryOf),
            ...(entry.metadataRegions ?? []).map(countryOf),
        ]);
        multiRegions.set(
            entry.name,
            Object.freeze({
                cloud: file.cloud,
                name: entry.name,
                kind: entry.kind,
                regions: entry.regions ?? [],
                countries: [...countries].sort(),
            }),
        );
    }
    const real = (p: Place) => !aliases.has(p.region);
    const processing = new Map<string, ProcessingScope>();
    for (const entry of file.processing ?? []) {
        const listed = (entry.regions ?? []).map((r) => byName.get(r) as Place);
        const inPartition = places.filter((p) => p.partition === entry.partition && real(p));
        processing.set(
            `${entry.kind}/${entry.name}`,
            Object.freeze({
                cloud: file.cloud,
                kind: entry.kind,
                name: entry.name,
                description: entry.description,
                scope: entry.scope,
                places: entry.scope === "regions" ? listed : entry.scope === "partition" ? inPartition : [],
                verified: entry.verified ?? true,
            }),
        );
    }
    const dataZones = new Map<string, { name: string; places: Place[] }>();
    for (const zone of file.dataZones ?? []) {
        const countries = groups.get(zone.jurisdiction) ?? new Set([zone.jurisdiction.toUpperCase()]);
        const members = places.filter((p) => countries.has(p.country) && real(p) && p.partition === file.cloud);
        for (const member of members) dataZones.set(member.region, { name: zone.name, places: members });
    }
    return {
        places,
        byName,
        pairs,
        zoneRules: (file.zoneRules ?? []).map((rule) => ({
            pattern: new RegExp(rule.pattern),
            ...(rule.locations ? { locations: new Map(Object.entries(rule.locations)) } : {}),
        })),
        partitionPatterns: file.partitions.flatMap((p) =>
            p.regionPattern === undefined ? [] : [[p.id, new RegExp(p.regionPattern)] as [string, RegExp]],
        ),
        multiRegions,
        serviceNames: new Map(
            (file.serviceNames ?? []).flatMap((entry) =>
                Object.entries(entry.names).map(([written, region]) => [
                    spelling(written),
                    byName.get(region) as Place,
                ]),
            ),
        ),
        logical: new Set(file.logicalLocations?.names ?? []),
        processing,
        dataZones,
        endpointRules: (file.processingEndpoints ?? []).map((rule) => new RegExp(rule.pattern)),
    };
}

function entryOf(data: CatalogData, cloud: CloudId, name: string) {
    return data.clouds.find((c) => c.cloud === cloud)?.processing?.find((e) => e.name === name);
}

function toVendor(entry: VendorEntry): Vendor {
    return Object.freeze({
        id: entry.id,
        name: entry.name,
        pillars: entry.pillars,
        ...(entry.cloud === undefined ? {} : { cloud: entry.cloud }),
        defaultDisallowed: entry.defaultDisallowed ?? true,
    });
}

/** A false friend that some lookup would flag is a catalog bug: refuse to load rather than mis-flag at runtime. */
function checkFalseFriends(data: CatalogData, catalog: Catalog): void {
    for (const [value, origin] of data.falseFriendOrigins) {
        const match =
            catalog.vendorOfPackage(value) ??
            catalog.vendorOfHost(value) ??
            catalog.carrierOfName(value) ??
            catalog.vendorOfImageText(value);
        if (match) {
            throw new CatalogError(
                origin.file,
                origin.line,
                origin.key,
                value,
                `a false friend that no vendor identifier matches (it matches ${match.vendor.id}'s '${match.matched}')`,
            );
        }
    }
}

function listFacts(data: CatalogData): CatalogFact[] {
    const facts: CatalogFact[] = [];
    const add = (
        kind: string,
        owner: string | undefined,
        value: string,
        source: string | undefined,
        verified?: boolean,
    ) =>
        facts.push({
            kind,
            ...(owner === undefined ? {} : { owner }),
            value,
            ...(source === undefined ? {} : { source }),
            verified: verified ?? true,
        });
    for (const file of data.clouds) {
        for (const partition of file.partitions) {
            for (const r of partition.regions)
                add("region", file.cloud, r.id, r.source ?? partition.source, r.verified ?? partition.verified);
        }
        for (const m of file.multiRegions ?? []) add("multi-region", file.cloud, m.name, m.source, m.verified);
        for (const e of file.serviceNames ?? [])
            for (const written of Object.keys(e.names))
                add(`${e.service} region name`, file.cloud, written, e.source, e.verified);
        for (const z of file.zoneRules ?? []) add("zone-rule", file.cloud, z.pattern, z.source, z.verified);
        for (const e of file.processing ?? []) add(`processing ${e.kind}`, file.cloud, e.name, e.source, e.verified);
        for (const z of file.dataZones ?? []) add("data-zone", file.cloud, z.name, z.source, z.verified);
        for (const e of file.processingEndpoints ?? [])
            add("processing-endpoint", file.cloud, e.pattern, e.source, e.verified);
    }
    for (const code of Object.keys(data.countries.countries)) add("country", undefined, code, data.countries.source);
    for (const e of data.countries.placeNames ?? [])
        for (const word of e.names) add("place-name", e.country, word, e.source);
    for (const g of data.jurisdictions.groups) add("group", undefined, g.name, g.source, g.verified);
    for (const v of data.vendors.vendors) {
        add("vendor", v.id, v.id, v.source, v.verified);
        for (const kind of identifierKinds) {
            for (const group of v.identifiers[kind] ?? []) {
                for (const value of group.values) add(kind, v.id, String(value), group.source, group.verified);
            }
        }
    }
    for (const s of data.vendors.aiServices ?? [])
        for (const host of s.hosts) add("ai-service", s.vendor, host, s.source, s.verified);
    for (const f of data.vendors.falseFriends ?? [])
        for (const value of f.values) add("false-friend", f.owner, value, f.source, f.verified);
    return facts;
}
