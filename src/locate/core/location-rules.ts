// Where a resource keeps and copies its data, as data: per type token, the input paths that name a zone, a
// replica region, a backup vault ARN or another resource holding a copy. One walker reads them all, so every
// provider family treats unknown, secret and missing values the same way.

import { unreadable } from "./unreadable";
import type { CloudId } from "../../catalog/types";
import type { LocationRole, OutsideTarget, Placement } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import { isRecord, reveal, Unknown, type Value } from "../../model/values";
import { parseArn } from "./arn";
import type { LocateContext } from "./context";
import { parseStoreRef } from "./store-ref";
import { addLocation, addReadLocation } from "./places";
import { pathText, type PathSegment, type Read } from "./read";
import { addReference } from "./references";

export type RuleKind =
    /** the value is a region or zone name */
    | "region"
    /** the value is an availability zone id (`use1-az1`): only EC2 can say which zone it is */
    | "zone-id"
    /** the value is an EC2 machine image id (`ami-...`), to be looked up in the resource's region */
    | "machine-image"
    /** the value is an ARN whose region field places the copy; a regionless ARN is followed through the stack */
    | "arn"
    /** the value names another resource that receives this resource's data */
    | "copies-to"
    /** the value names another resource whose data this one holds */
    | "copy-of"
    /** the value names another resource whose data this one moves elsewhere, keeping none */
    | "carries"
    /** the value names another resource where this one's data lives */
    | "located-by"
    /**
     * the input's presence says the data goes to a destination no cloud of the catalog holds (a SaaS
     * application), whatever its value names within it: a place nobody can bound, anywhere
     */
    | "anywhere"
    /**
     * the value is a URL the data is sent to: a store's (`s3://`) is followed as `copies-to`, an AWS service endpoint
     * is in the region its host names, any other is anywhere
     */
    | "sent-to";

export interface LocationRule {
    /** Input path; `[*]` stands for every element of an array: `replicas[*].regionName`. */
    at: string;
    kind: RuleKind;
    role: LocationRole;
    /** What the value is, for messages: `replica region`, `source database`. */
    what: string;
}

/** One rule in a line: `rule("region", "replicas[*].regionName", "replica", "replica region")`. */
export function rule(kind: RuleKind, at: string, role: LocationRole, what: string): LocationRule {
    return { at, kind, role, what };
}

const EACH = Symbol("each");
export type PatternSegment = string | typeof EACH;

export interface CompiledRule extends LocationRule {
    segments: readonly PatternSegment[];
}

export type LocationRuleTable = ReadonlyMap<string, readonly CompiledRule[]>;

/** What the rules need to know about the resource being located. */
export interface RuleScope {
    cloud: CloudId;
    /** The resource's primary region, when known: zone ids are looked up in it. */
    region?: string;
}

export function compileRules(rules: readonly LocationRule[]): CompiledRule[] {
    return rules.map((rule) => ({ ...rule, segments: parsePattern(rule.at) }));
}

/** Compiles a table of rules per type token once, at module load. */
export function compileRuleTable(table: Readonly<Record<string, readonly LocationRule[]>>): LocationRuleTable {
    return new Map(Object.entries(table).map(([type, rules]) => [type, compileRules(rules)]));
}

export function parsePattern(at: string): PatternSegment[] {
    const out: PatternSegment[] = [];
    for (const part of at.split(".")) {
        const each = part.endsWith("[*]");
        out.push(each ? part.slice(0, -3) : part);
        if (each) out.push(EACH);
    }
    return out;
}

/** Adds the locations, references and undetermined entries the rules find in the resource's inputs. */
export function applyRules(
    rules: readonly CompiledRule[] | undefined,
    scope: RuleScope,
    resource: NormalisedResource,
    p: Placement,
    ctx: LocateContext,
): void {
    for (const rule of rules ?? []) {
        walkPattern(resource.props, rule.segments, (read) => {
            if (typeof read.value !== "number") applyRead(rule, read as Read<string>, scope, p, ctx);
        });
    }
}

/**
 * Calls `leaf` for every value a pattern reaches: a string or number, an unknown, or an unreadable secret.
 * Bounded by the pattern's length: each step either descends one key or fans out over one array.
 */
export function walkPattern(
    value: Value | undefined,
    segments: readonly PatternSegment[],
    leaf: (read: Read<string | number>) => void,
): void {
    walk(value, segments, 0, [], false, leaf);
}

function walk(
    value: Value | undefined,
    segments: readonly PatternSegment[],
    i: number,
    path: PathSegment[],
    secretSoFar: boolean,
    leaf: (read: Read<string | number>) => void,
): void {
    const opened = reveal(value);
    const secret = secretSoFar || opened.secret;
    const v = opened.value;
    const at = pathText(path);
    if (v instanceof Unknown) return leaf({ secret, unknown: true, opaque: false, path: at });
    if (secret && v === undefined) return leaf({ secret, unknown: false, opaque: true, path: at });
    if (i === segments.length) {
        if (typeof v === "string" || typeof v === "number")
            leaf({ value: v, secret, unknown: false, opaque: false, path: at });
        return;
    }
    const seg = segments[i];
    if (seg === EACH) {
        if (Array.isArray(v)) v.forEach((element, k) => walk(element, segments, i + 1, [...path, k], secret, leaf));
        return;
    }
    if (isRecord(v) && Object.prototype.hasOwnProperty.call(v, seg))
        walk(v[seg], segments, i + 1, [...path, seg], secret, leaf);
}

function applyRead(rule: CompiledRule, read: Read<string>, scope: RuleScope, p: Placement, ctx: LocateContext): void {
    const what = `the ${rule.what} (${read.path})`;
    const via = `input '${read.path}'`;
    const { cloud } = scope;
    const inRegion = (name: string) =>
        addLocation(p, ctx, { cloud, name, role: rule.role, via, path: read.path, secret: read.secret });
    switch (rule.kind) {
        case "region":
            addReadLocation(p, ctx, read, { cloud, role: rule.role, via }, what);
            return;
        case "zone-id":
            if (read.value === undefined) addReadLocation(p, ctx, read, { cloud, role: rule.role, via }, what);
            else if (read.value && scope.region) {
                (p.zoneLookups ??= []).push({
                    zone: read.value,
                    region: scope.region,
                    role: rule.role,
                    via,
                    path: read.path,
                    ...(read.secret ? { secret: true } : {}),
                });
            }
            return;
        case "machine-image":
            return addMachineImage(p, read, scope, what);
        case "arn": {
            const region = read.value === undefined ? undefined : parseArn(read.value)?.region;
            if (region) return void inRegion(region);
            return addReference(p, read, "copies-to", rule.role, what, outsideTarget(rule, read, scope, ctx));
        }
        case "anywhere":
            // Reached through an unknown or secret parent, the input may not be there at all.
            if (read.path.endsWith(rule.at.slice(rule.at.lastIndexOf(".")))) addAnywhere(p, rule, read, rule.what);
            return;
        case "sent-to": {
            const host = read.value === undefined ? undefined : urlHost(read.value);
            if (host === undefined || parseStoreRef(read.value!).cloud !== undefined) {
                return addReference(p, read, "copies-to", rule.role, what, outsideTarget(rule, read, scope, ctx));
            }
            // A service endpoint names its region (`<id>.mediapackage.eu-west-1.amazonaws.com`: an ingest).
            const endpoint = ctx.catalog.processingEndpoint(host);
            if (endpoint?.cloud === cloud && endpoint.region) inRegion(endpoint.region);
            else addAnywhere(p, rule, read, host);
            return;
        }
        default:
            return addReference(p, read, rule.kind, rule.role, what, outsideTarget(rule, read, scope, ctx));
    }
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#@]+@)?([^/:?#]+)/i;

function urlHost(value: string): string | undefined {
    return URL_HOST.exec(value.trim())?.[2]?.toLowerCase();
}

/**
 * A destination outside every cloud the catalog knows (a SaaS application, a streaming server on the internet):
 * no country can be told, so classified data sent there is not pinned anywhere; no partition either, so the rules
 * on disallowed places have nothing to reject.
 */
function addAnywhere(p: Placement, rule: CompiledRule, read: Read<string>, name: string): void {
    p.locations.push({
        role: rule.role,
        scope: "global",
        cloud: "external",
        name,
        countries: [],
        via: `input '${read.path}'`,
        path: read.path,
        ...(read.secret ? { secret: true } : {}),
    });
}

/**
 * The partition a destination or container is in when it is no resource of the stack: the one its ARN names, else
 * the resource's own (a bucket named by name is in the partition of the account that names it: partitions share
 * nothing).
 */
function outsideTarget(
    rule: CompiledRule,
    read: Read<string>,
    scope: RuleScope,
    ctx: LocateContext,
): OutsideTarget | undefined {
    if (rule.kind !== "arn" && rule.kind !== "copies-to" && rule.kind !== "located-by" && rule.kind !== "sent-to")
        return undefined;
    const arn = read.value === undefined ? undefined : parseArn(read.value);
    const own = scope.region === undefined ? undefined : ctx.catalog.region(scope.cloud, scope.region)?.partition;
    const partition = arn?.partition ?? own;
    if (partition === undefined) return undefined;
    const because = arn ? "the partition its ARN names" : `the partition of this resource's region ${scope.region}`;
    return { cloud: scope.cloud, partition, what: rule.what, because };
}

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;
/** AWS's own public parameters (`/aws/service/ami-amazon-linux-latest/...`) name AWS's images. */
const AWS_PUBLIC_PARAMETER = "resolve:ssm:/aws/service/";

function addMachineImage(p: Placement, read: Read<string>, scope: RuleScope, what: string): void {
    if (unreadable(p, read, "image", what)) return;
    const ref = read.value;
    if (!ref || ref.startsWith(AWS_PUBLIC_PARAMETER)) return;
    if (!AMI_ID.test(ref)) {
        p.undetermined.push({
            aspect: "image",
            reason: "unrecognised",
            path: read.path,
            detail: `${what} is not an AMI id clean-guard can look up`,
        });
        return;
    }
    p.images.push({
        ref,
        kind: "machine-image",
        ...(scope.region ? { region: scope.region } : {}),
        path: read.path,
        ...(read.secret ? { secret: true } : {}),
    });
}
