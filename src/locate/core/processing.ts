// Where a resource sends data to be processed: a Bedrock inference profile, guardrail profile or foundation model
// named in any input (an agent's `foundationModel`, a guardrail's `crossRegionConfig`, an application profile's
// `modelSource.copyFrom`, a knowledge base's embedding model, a function's environment), a model service's regional
// or global endpoint among the hosts an input names, an Azure OpenAI deployment type. The catalog says which regions each setting may send a request
// to; a setting it does not know is undetermined, never a pass.

import type { Catalog, CloudId, ProcessingScope } from "../../catalog/types";
import type { Location, Placement, Undetermined } from "../../model/placement";

/** Where a processing location was written, for messages. */
export interface Written {
    /** The setting as written: `eu.anthropic.claude-sonnet-4-20250514-v1:0`, `GlobalStandard`. */
    name: string;
    via: string;
    path: string;
    secret?: boolean;
}

export interface Processing {
    locations: Location[];
    undetermined: Undetermined[];
}

/** A Bedrock model, inference profile or guardrail profile ARN: the profile's id, or the foundation model's region. */
const BEDROCK_ARN =
    /^arn:aws(?:-[a-z]+)*:bedrock:(?<region>[a-z0-9-]*):\d{0,12}:(?<kind>inference-profile|guardrail-profile|foundation-model)\/(?<id>\S+)$/;
/**
 * A system-defined inference profile id: `<geography>.<model provider>.<model>`, dot-free labels, ending in the
 * model's version (`-v1:0`, `-v2`, `-v1:0:28k`, `-1:0`). A host and port (`ca.pool.ntp.org:123`,
 * `eu.cache.example.com:6379`) has more labels or no such version.
 */
const PROFILE_ID =
    /^(?<prefix>[a-z]+(?:-[a-z]+)?)\.[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*?(?:-v\d+(?::\d(?::\d+k)?)?|-\d+:\d(?::\d+k)?)$/;
/**
 * A guardrail profile id, `us.guardrail.v1:0` (the API's pattern, docs.aws.amazon.com/bedrock/latest/APIReference/
 * API_GuardrailCrossRegionConfig.html). Its prefix is the geography of the inference profiles: "cross-Region
 * inference requests are kept within the AWS Regions that are part of the geography where the data originally
 * resides" (docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region.html), and each profile's
 * destination Regions (guardrails-cross-region-support.html) are Regions of that geography.
 */
const GUARDRAIL_PROFILE_ID = /^[a-z]+(?:-[a-z]+)?\.guardrail\.v[0-9:]+$/;
/** No Bedrock id or ARN is longer; a longer string is not read for one. */
const MAX_ID = 256;
/** The longest geographic prefix is `us-gov`: a string whose first dot is further in holds no profile id. */
const MAX_PREFIX = 8;

/**
 * The processing location a string names, if it is a Bedrock inference profile id or ARN or a foundation model
 * ARN, or undefined. Cheap for every other string (it runs on every input string of every resource): most are
 * rejected on their length or the position of their first dot, before anything is allocated.
 */
export function bedrockProcessing(
    text: string,
    written: () => Omit<Written, "name">,
    catalog: Catalog,
): Processing | undefined {
    if (text.length > MAX_ID) return undefined;
    if (text.startsWith("arn:")) {
        const arn = BEDROCK_ARN.exec(text)?.groups;
        if (!arn) return undefined;
        if (arn.kind === "foundation-model")
            return arn.region ? inRegion("aws", arn.region, { ...written(), name: arn.region }, catalog) : undefined;
        return profile(arn.id, arn.id.slice(0, Math.max(0, arn.id.indexOf("."))), written(), catalog);
    }
    const dot = text.indexOf(".", 2);
    if (dot < 0 || dot > MAX_PREFIX || text.lastIndexOf(".", 1) >= 0) return undefined;
    const prefix = text.slice(0, dot);
    // `<prefix>.guardrail.v1:0` is a guardrail profile whatever its prefix: one the catalog does not know is undetermined.
    if (GUARDRAIL_PROFILE_ID.test(text)) return profile(text, prefix, written(), catalog);
    // A bare inference profile id counts only with a prefix the catalog knows: `eu.example.org-v1` is no profile,
    // `xx.` may be anything.
    if (!catalog.processingScope("aws", "inference-profile", prefix)) return undefined;
    return PROFILE_ID.test(text) ? profile(text, prefix, written(), catalog) : undefined;
}

function profile(id: string, prefix: string, written: Omit<Written, "name">, catalog: Catalog): Processing {
    const at = { ...written, name: id };
    const scope = prefix ? catalog.processingScope("aws", "inference-profile", prefix) : undefined;
    if (scope) return { locations: [inScope(scope, at)], undetermined: [] };
    return unknownSetting(at, `the inference profile prefix of ${shown(at)} is not one clean-guard knows`);
}

/**
 * The processing location a service endpoint host names: a region (`sqs.cn-north-1.amazonaws.com.cn`, a regional
 * model endpoint), or a scope such as the Vertex AI global endpoint or a partition's service domain. A scope's own
 * host counts only in a URL (`inUrl`): written alone, `aiplatform.googleapis.com` is the name of the Vertex AI API,
 * as a project lists it among its enabled services, not an address; a host under a service domain always counts.
 */
export function endpointProcessing(
    host: string,
    inUrl: boolean,
    written: () => Omit<Written, "name">,
    catalog: Catalog,
): Processing | undefined {
    const endpoint = catalog.processingEndpoint(host);
    if (!endpoint || (endpoint.scope && !endpoint.domain && !inUrl)) return undefined;
    const at = { ...written(), name: host };
    if (endpoint.scope) return { locations: [inScope(endpoint.scope, at)], undetermined: [] };
    return inRegion(endpoint.cloud, endpoint.region ?? "", at, catalog);
}

/** Every place a request may be processed in: one region is a place, several a set the policies judge whole. */
export function inScope(scope: Pick<ProcessingScope, "cloud" | "description" | "places">, at: Written): Location {
    const countries = [...new Set(scope.places.map((p) => p.country))].sort();
    const base = {
        role: "processing" as const,
        scope: "region" as const,
        cloud: scope.cloud,
        name: at.name,
        countries,
        via: at.via,
        path: at.path,
        ...(at.secret ? { secret: true } : {}),
    };
    if (scope.places.length === 1) return { ...base, name: scope.places[0].region, place: scope.places[0] };
    return { ...base, possible: { why: scope.description, candidates: scope.places } };
}

function inRegion(cloud: CloudId, region: string, at: Written, catalog: Catalog): Processing {
    const place = catalog.region(cloud, region);
    if (!place) return unknownSetting(at, `the region of ${shown(at)} is not a region clean-guard knows on ${cloud}`);
    const location: Location = {
        role: "processing",
        scope: "region",
        cloud,
        name: place.region,
        place,
        countries: [place.country],
        via: at.via,
        path: at.path,
        ...(at.secret ? { secret: true } : {}),
    };
    return { locations: [location], undetermined: [] };
}

/** A setting the catalog does not know: where it sends the data cannot be told, so it is reported, never passed. */
export function unknownSetting(at: Written, detail: string): Processing {
    return {
        locations: [],
        undetermined: [
            {
                aspect: "processing",
                reason: "unrecognised",
                path: at.path,
                detail: `${detail} (${at.via}), so where it processes the data cannot be told`,
            },
        ],
    };
}

function shown(at: Written): string {
    return at.secret ? "a secret setting" : `'${at.name}'`;
}

/**
 * Places a data-zone deployment once the resource's region is known: the zone's regions, or undetermined when the
 * region is in no data zone the catalog knows. Does nothing while no region is known.
 */
export function placeDataZone(p: Placement, catalog: Catalog): void {
    const pending = p.dataZoneProcessing;
    if (!pending) return;
    const regions = p.locations.filter((l) => l.role === "primary" && l.place);
    if (regions.length === 0) return;
    delete p.dataZoneProcessing;
    for (const l of regions) {
        const zone = catalog.dataZone(l.place!.cloud as CloudId, l.place!);
        const at: Written = { name: pending.written, via: `${pending.via} in ${l.name}`, path: pending.path };
        if (pending.secret) at.secret = true;
        if (zone) {
            const description = `${pending.description}, data zone ${zone.name}`;
            p.locations.push(inScope({ cloud: l.place!.cloud as CloudId, description, places: zone.places }, at));
        } else {
            p.undetermined.push(
                ...unknownSetting(at, `${l.name} (the region of ${shown(at)}) is in no data zone clean-guard knows`)
                    .undetermined,
            );
        }
    }
}
