// The typed API over the catalog's YAML data. Everything outside src/catalog reads facts through
// this interface only.

import type { Place } from "../model/placement";

/**
 * A cloud with a region catalog (one data file of kind `cloud`): `aws`, `gcp`, `alicloud`... The clouds are
 * those the catalog's data files declare; each is registered by a family in src/locate/families, and a test
 * checks the two agree, so no list of clouds is written anywhere else.
 */
export type CloudId = string;

export interface MultiRegion {
    cloud: CloudId;
    /** Canonical name, lower case: `us`, `eu`, `asia`, `eur4`, `nam4`. */
    name: string;
    kind: "multi-region" | "dual-region";
    /** Member regions where known (dual-regions), else empty. */
    regions: string[];
    /** Every country the data (and metadata) may be stored in. */
    countries: string[];
}

export interface AzurePair {
    region: string;
    /** The pair is not reciprocated (westus3 -> eastus, brazilsouth -> southcentralus). */
    oneWay: boolean;
}

export interface Vendor {
    /** Stable id: `alibaba`, `tencent`, `huawei`, `baidu`, `china-mobile`, `china-telecom`, `china-unicom`, `zte`. */
    id: string;
    name: string;
    /** Which Clean Network lines name it (`clean-cloud`, `clean-path`, `clean-carrier`). */
    pillars: string[];
    /** The cloud id its regions are catalogued under, if it runs a cloud. */
    cloud?: CloudId;
    /** False for a vendor catalogued for profiles to opt into (ByteDance/Volcano Engine, not named in the 2020
     * Clean Network lists). Absent means true. */
    defaultDisallowed?: boolean;
}

/** A model API of an untrusted AI vendor, for messages: what it is and who operates it. */
export interface AiService {
    id: string;
    /** `DeepSeek's model API`. */
    service: string;
    vendor: Vendor;
    /** The company that runs it: `Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.`. */
    operator: string;
    /** ISO 3166-1 alpha-2 of the operator, upper case. */
    country: string;
}

export type ProcessingKind = "inference-profile" | "deployment-type" | "location" | "service-domain";

/**
 * Where a cloud processes a request sent with a given setting (a Bedrock inference profile's prefix, an Azure
 * OpenAI deployment type, the Vertex AI `global` location): listed regions, every region of a partition, the data
 * zone of the resource's own region, or the resource's own region.
 */
export interface ProcessingScope {
    cloud: CloudId;
    kind: ProcessingKind;
    /** As the catalog writes it: `eu`, `globalstandard`, `global`. */
    name: string;
    /** `Bedrock cross-Region inference profile of the EU geography`. */
    description: string;
    scope: "regions" | "partition" | "data-zone" | "resource-region";
    /** Every place a request may be processed in (`regions` and `partition`); empty otherwise. */
    places: Place[];
    verified: boolean;
}

/** A host that reaches a cloud's model service: where the request it receives is processed. */
export interface ProcessingEndpoint {
    cloud: CloudId;
    /** A host of a scope (`aiplatform.googleapis.com`: the Vertex AI global endpoint). */
    scope?: ProcessingScope;
    /** The region a regional endpoint names (`europe-west4-aiplatform.googleapis.com`), known to the catalog or not. */
    region?: string;
    /**
     * The scope's domain the host is under (`core.chinacloudapi.cn`: Azure China): a service endpoint wherever it is
     * written, bare or in a URL, unlike a scope's own host, which is also a service's name.
     */
    domain?: string;
}

/** One fact of the catalog with its provenance, for summaries and audits. */
export interface CatalogFact {
    /** `region`, `multi-region`, `zone-rule`, `country`, `group`, `vendor`, `false-friend` or an identifier kind
     * (`packages`, `domains`, `cdnDomains`, `registries`, `asns`, `imageMarkers`, `carrierNames`). */
    kind: string;
    /** The cloud or vendor the fact belongs to, when it belongs to one. */
    owner?: string;
    value: string;
    source?: string;
    /** False when the fact rests on third-party material or inference only. */
    verified: boolean;
}

export interface VendorMatch {
    vendor: Vendor;
    /** The vendor's model API the host reaches, when it is one (`api.deepseek.com`, `dashscope.aliyuncs.com`). */
    service?: AiService;
    /** What matched: the domain suffix, package name, registry host, ASN or image marker. */
    matched: string;
    /** The public source that ties the identifier to the vendor. */
    source: string;
}

/** A country a region name names by one of its words. */
export interface NamedPlace {
    country: string;
    /** The word as written in the name: `beijing`. */
    word: string;
}

export interface Catalog {
    /** A region by name on a cloud, any spelling (`West Europe`, `westeurope`, `US-EAST-1`). Undefined if not known. */
    region(cloud: CloudId, name: string): Place | undefined;
    /** Every cloud the catalog has a data file for, in file order. */
    clouds(): CloudId[];
    /** The cloud a service means by a name (`AWS`, `Google Cloud`, `Alibaba`): its id, or one of its aliases. */
    cloudNamed(name: string): CloudId | undefined;
    /** Every region of a cloud (or of all clouds). */
    regions(cloud?: CloudId): Place[];
    /** The cloud whose catalog knows the region name, when only one does (used by the generic locator). */
    cloudsWithRegion(name: string): CloudId[];
    /** The region an availability zone belongs to by name rule (`us-east-1a`, `europe-west4-b`, `cn-hangzhou-h`). */
    zoneRegion(cloud: CloudId, zone: string): Place | undefined;
    /**
     * A region by the name a multi-cloud service gives it (MongoDB Atlas, Snowflake): the service's own name where
     * the catalog lists one (`WESTERN_EUROPE`: europe-west1), else the region id in upper-case style (`EU_CENTRAL_1`,
     * `EUROPE_WEST_3`, `GERMANY_WEST_CENTRAL`, `WESTEUROPE`).
     */
    serviceRegion(cloud: CloudId, name: string): Place | undefined;
    /** GCP multi-regions and dual-regions (`US`, `EU`, `ASIA`, `EUR4`, `NAM4`, ...). */
    multiRegion(cloud: CloudId, name: string): MultiRegion | undefined;
    /** Every multi-region of a cloud (Cloudflare's jurisdictions and location areas). */
    multiRegions(cloud: CloudId): MultiRegion[];
    /** The partition whose naming pattern a region name follows (`cn-north-9` -> `aws-cn`), known region or not. */
    partitionOfName(cloud: CloudId, name: string): string | undefined;
    /** The Azure region a region is paired with for geo-redundancy. */
    azurePair(region: string): AzurePair | undefined;

    /** Where a request is processed for a setting, by kind and name as the catalog writes it (lower case). */
    processingScope(cloud: CloudId, kind: ProcessingKind, name: string): ProcessingScope | undefined;
    /** The model endpoint a normalised host is, if it is one: a scope's host or a regional endpoint. */
    processingEndpoint(host: string): ProcessingEndpoint | undefined;
    /** The regions of the data zone a region belongs to (Azure OpenAI DataZone deployments), if any. */
    dataZone(cloud: CloudId, region: Place): { name: string; places: Place[] } | undefined;

    /** Untrusted vendors. */
    vendors(): Vendor[];
    vendor(id: string): Vendor | undefined;
    /** A Pulumi package name (`alicloud`, `tencentcloud`, `@huaweicloudos/pulumi`) or type-token package. */
    vendorOfPackage(pkg: string): VendorMatch | undefined;
    /** A normalised host (see src/catalog/hosts.ts parseHost): exact label-boundary suffix match. */
    vendorOfHost(host: string): VendorMatch | undefined;
    /** A container or chart registry host. */
    vendorOfRegistry(host: string): VendorMatch | undefined;
    /** An autonomous system number. */
    carrierOfAsn(asn: number): VendorMatch | undefined;
    /** A carrier or interconnect partner name (`China Telecom Americas`), false friends excluded. */
    carrierOfName(name: string): VendorMatch | undefined;
    /** Machine image branding in a name, description, owner alias or platform string. */
    vendorOfImageText(text: string): VendorMatch | undefined;

    /** Countries of a jurisdiction: an ISO code (`de`, `DE`) or a group (`eu`, `eea`, `five-eyes`, `clean-countries`). */
    jurisdiction(name: string): ReadonlySet<string> | undefined;
    /** Names of all groups. */
    jurisdictionGroups(): string[];
    /** Whether a two-letter code is an ISO 3166-1 alpha-2 country. */
    isCountry(code: string): boolean;
    /** `DE` -> `Germany`. */
    countryName(code: string): string | undefined;
    /**
     * The country a region name is named for, by a whole word of it (`cn-beijing-6` -> Beijing, CN): how a region of
     * a cloud the catalog does not list can still be placed.
     */
    namedPlace(name: string): NamedPlace | undefined;

    /** A location name that is valid on the cloud but is not a place (`global`, Azure geographies like `europe`). */
    isLogicalLocation?(cloud: CloudId, name: string): boolean;
    /** Every fact with its source (for `npm run catalog` and audits). */
    facts?(): CatalogFact[];
}
