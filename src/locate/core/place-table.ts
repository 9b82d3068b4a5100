// The place-input table (src/locate/place-inputs.yaml) read by the locator: an entry with a `role` names inputs
// whose value is a region (or an ARN, which carries one) of the resource's own cloud where the resource copies, backs up or processes its data
// (`replication.location` of a Log Analytics workspace, a Data Factory runtime's `computeProperties.location`).
// One reader serves every such entry, so classifying a side door in the table is what makes it judged. A name
// the catalog knows is that place; a name it does not is any region of the cloud and partition the resource is
// in, judged as a set of possible places (a name that follows a partition's spelling, `cn-north-9`, is any
// region of that partition): never a pass on a guess, never a false rejection of an everyday name.
// An entry with `refers` names inputs whose value names another store (a log group's ARN, a bucket, an
// instance's resource name) that receives the resource's data (`copies-to`) or whose data it holds (`copy-of`):
// the reader records a reference, and the stack pass follows it to the store when the store is in the stack, or
// else places it where the value says (an ARN's region; else any region of the partition it names, or of the
// resource's own).

import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import type { Catalog, CloudId } from "../../catalog/types";
import type { LocationRole, OutsideTarget, Place, Placement, Reference } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import type { Props } from "../../model/values";
import { canonicalAzureNativeType } from "../families/azure/azure-native-tokens";
import { parseArn } from "./arn";
import type { LocateContext } from "./context";
import type { PackageRegistration } from "./family";
import { addLocation, normaliseLocationName } from "./places";
import { readArray, readString, type PathSegment, type Read } from "./read";
import { addReference } from "./references";
import { parseStoreRef } from "./store-ref";
import { unreadable } from "./unreadable";

export const PLACE_TABLE_FILE = path.join(__dirname, "..", "place-inputs.yaml");

export type Verdict = "read" | "primary" | "irrelevant" | "unread";
const VERDICTS: readonly Verdict[] = ["read", "primary", "irrelevant", "unread"];
const ROLES: ReadonlySet<string> = new Set<LocationRole>([
    "primary",
    "replica",
    "backup",
    "failover",
    "member",
    "processing",
]);

/** What an input's value names, for a `refers` entry: a store that receives the data, or one it holds a copy of. */
export type Refers = Extract<Reference["relation"], "copies-to" | "copy-of">;
const REFERS: ReadonlySet<string> = new Set<Refers>(["copies-to", "copy-of"]);
/** The store a reference names, for messages. */
const STORE: Readonly<Record<Refers, string>> = { "copies-to": "destination", "copy-of": "source" };

export interface Probe {
    /** The input path the probe sets; the matched path when not given. */
    at?: string;
    /** What it sets there: a region of the cloud (the default), a resource name, or this value. */
    value?: "region" | "reference" | string | boolean;
}

export interface TableEntry {
    types: string[];
    inputs: string[];
    verdict: Verdict;
    /** read: the locator rule; primary, irrelevant, unread: why. */
    why: string;
    /** A read entry the table reader places: the role of the region written at each input. */
    role?: LocationRole;
    /** The cloud whose regions the input names, when not the resource's own (GKE on Azure's `azureRegion`). */
    cloud?: CloudId;
    /** The input names another store rather than a region. */
    refers?: Refers;
    probe?: Probe;
    typePatterns: RegExp[];
    inputPatterns: RegExp[];
}

interface RawEntry {
    types: string | string[];
    inputs: string | string[];
    read?: string;
    primary?: string;
    irrelevant?: string;
    unread?: string;
    role?: string;
    cloud?: string;
    refers?: string;
    probe?: Probe;
}

/** `entries`: the place inputs; `labels`: the tags and labels maps that are not read as classification. */
export function loadPlaceTable(section: "entries" | "labels" = "entries", file = PLACE_TABLE_FILE): TableEntry[] {
    const raw = load(fs.readFileSync(file, "utf8")) as Record<typeof section, RawEntry[]>;
    return raw[section].map((e, i) => {
        const where = `${file}: ${section} entry ${i + 1}`;
        const verdicts = VERDICTS.filter((v) => e[v] !== undefined);
        if (verdicts.length !== 1) throw new Error(`${where} needs exactly one of ${VERDICTS.join(", ")}`);
        const types = [e.types].flat();
        const inputs = [e.inputs].flat();
        if (section === "labels" && verdicts[0] === "read" && inputs.some((input) => input.includes("**")))
            throw new Error(`${where}: a read labels entry names paths from the resource's inputs, without '**.'`);
        if (e.role !== undefined || e.cloud !== undefined || e.refers !== undefined) {
            if (verdicts[0] !== "read" || e.role === undefined || !ROLES.has(e.role))
                throw new Error(`${where}: a role (${[...ROLES].join(", ")}) belongs to a read entry`);
            if (e.refers !== undefined && !REFERS.has(e.refers))
                throw new Error(`${where}: refers is one of ${[...REFERS].join(", ")}`);
            // The reader follows a path, it does not search: every name is spelled out.
            const loose = inputs.find((input) => input.replace(/\[\*\]/g, "").includes("*"));
            if (loose) throw new Error(`${where}: '${loose}' has a wildcard name; a role entry names exact paths`);
        }
        return {
            types,
            inputs,
            verdict: verdicts[0],
            why: e[verdicts[0]]!,
            ...(e.role ? { role: e.role as LocationRole } : {}),
            ...(e.cloud ? { cloud: e.cloud as CloudId } : {}),
            ...(e.refers ? { refers: e.refers as Refers } : {}),
            ...(e.probe ? { probe: e.probe } : {}),
            typePatterns: types.map(nameGlob),
            inputPatterns: inputs.map(inputGlob),
        };
    });
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** `aws:*`, `azure-native:cosmosdb:*`, `*Properties`: `*` is any run of characters. */
function nameGlob(glob: string): RegExp {
    return new RegExp(`^${glob.split("*").map(escape).join(".*")}$`);
}

/** `region`, `**.backupWindow`, `replicas[*].regionName`, `*Destination*`: `**.` is any leading path, `*` any run within a name. */
function inputGlob(glob: string): RegExp {
    const body = glob
        .split("**.")
        .map((part) =>
            part
                .split("[*]")
                .map((s) => s.split("*").map(escape).join("[^.]*"))
                .join("\\[\\*\\]"),
        )
        .join("(?:.*\\.)?");
    return new RegExp(`^${body}$`);
}

// ---- the reader ----

interface RoleRead {
    role: LocationRole;
    cloud?: CloudId;
    refers?: Refers;
    /** `distributions[*].region` -> [[distributions], [region]]: every step but the last ends at a list. */
    steps: string[][];
}

let roleEntries: TableEntry[] | undefined;
/** Per type token as written: the role reads that apply, worked out once per type. */
const byType = new Map<string, RoleRead[]>();

function roleReadsOf(type: string): RoleRead[] {
    const known = byType.get(type);
    if (known) return known;
    roleEntries ??= loadPlaceTable("entries").filter((e) => e.role !== undefined);
    const canonical = canonicalOf(type);
    const reads = roleEntries
        .filter((e) => e.typePatterns.some((t) => t.test(canonical)))
        .flatMap((e) =>
            e.inputs.map((input) => ({
                role: e.role!,
                ...(e.cloud ? { cloud: e.cloud } : {}),
                ...(e.refers ? { refers: e.refers } : {}),
                steps: input.split("[*]").map((part) => part.split(".").filter(Boolean)),
            })),
        );
    byType.set(type, reads);
    return reads;
}

/** A step of a path into a resource's inputs: a name, a glob over names, or every element of a list. */
export type TagStep = string | RegExp;
export const EVERY_ELEMENT = "[*]";

let innerTagEntries: TableEntry[] | undefined;
const innerTagsByType = new Map<string, TagStep[][]>();

/**
 * The maps inside a resource's inputs whose tags or labels classify it when its own do not (a workload's pod
 * template, a machine-learning asset's `properties.tags`): the labels section's `read` entries, in the
 * table's order.
 */
export function innerTagPathsOf(type: string): TagStep[][] {
    const known = innerTagsByType.get(type);
    if (known) return known;
    innerTagEntries ??= loadPlaceTable("labels").filter((e) => e.verdict === "read");
    const canonical = canonicalOf(type);
    const paths = innerTagEntries
        .filter((e) => e.typePatterns.some((t) => t.test(canonical)))
        .flatMap((e) => e.inputs.map(tagSteps));
    innerTagsByType.set(type, paths);
    return paths;
}

/** `spec.volumeClaimTemplates[*].metadata.labels`, `*Properties.tags` -> steps. */
function tagSteps(input: string): TagStep[] {
    return input
        .replace(/\[\*\]/g, `.${EVERY_ELEMENT}`)
        .split(".")
        .map((step) => (step === EVERY_ELEMENT || !step.includes("*") ? step : nameGlob(step)));
}

const canonicalOf = (type: string) => (type.startsWith("azure-native:") ? canonicalAzureNativeType(type) : type);

/** Places the region written at every input the table gives a role for the resource's type. */
export function readTableRoles(
    resource: NormalisedResource,
    p: Placement,
    ctx: LocateContext,
    registration?: PackageRegistration,
): void {
    if (p.isProvider) return;
    const reads = roleReadsOf(resource.type);
    for (const read of reads) {
        const cloud = read.cloud ?? (p.cloud as CloudId | undefined);
        if (!cloud) continue;
        for (const found of readAll(resource.props, read.steps, [])) {
            if (read.refers) {
                const provider = registration?.partition?.(resource, ctx.catalog);
                addTableReference(p, { cloud, role: read.role, refers: read.refers, provider }, found);
                continue;
            }
            if (unreadable(p, found, "secondary-location", `the ${read.role} location (input '${found.path}')`))
                continue;
            if (!found.value) continue;
            addTableLocation(p, ctx, cloud, read.role, found);
        }
    }
}

/** Every string at the path, through each element of each list on the way and of a list at its end. */
function readAll(props: Props, steps: string[][], prefix: PathSegment[]): Array<Read<string>> {
    const at = [...prefix, ...steps[0]];
    const last = steps.length === 1;
    const list = readArray(props, at);
    if (list.unknown || list.opaque) return [{ ...list, value: undefined }];
    if (list.value) {
        const next = last ? [[]] : steps.slice(1);
        return list.value.flatMap((_, i) => readAll(props, next, [...at, i]));
    }
    if (!last) return [];
    const found = readString(props, at);
    return found.value !== undefined || found.unknown || found.opaque ? [found] : [];
}

function addTableLocation(p: Placement, ctx: LocateContext, cloud: CloudId, role: LocationRole, read: Read<string>) {
    // An ARN carries its region and partition (a replica table bucket, a backup vault); a global one names none.
    const arn = parseArn(read.value!);
    if (arn && !arn.region) return;
    const name = regionId(cloud, arn?.region ?? read.value!);
    const { catalog } = ctx;
    const spec = { cloud, name, role, via: `input '${read.path}'`, path: read.path, secret: read.secret };
    const any = knownName(catalog, cloud, name)
        ? undefined
        : anyRegion(p, catalog, cloud, arn?.partition ?? catalog.partitionOfName(cloud, name));
    // A known name is its place; a set nobody can bound (a cloud with no regions listed) is no pass either: the
    // name is reported as unrecognised.
    if (!any || any.places.length === 0) {
        addLocation(p, ctx, spec);
        return;
    }
    const shown = read.secret ? "a secret location" : `'${name}'`;
    p.locations.push({
        role,
        scope: "region",
        cloud,
        name: normaliseLocationName(name),
        countries: [...new Set(any.places.map((c) => c.country))].sort(),
        via: spec.via,
        path: read.path,
        ...(read.secret ? { secret: true } : {}),
        possible: {
            why: `${shown} is no location clean-guard knows on ${cloud}, so any region of ${any.partition ?? cloud}`,
            candidates: any.places,
        },
    });
}

/** `AFRICA_SOUTH1`: a Google region as an API enum spells it (Media CDN's `flexShieldingRegions`). */
const GOOGLE_REGION_ENUM = /^[A-Z]+(?:_[A-Z]+)+\d+$/;

/** The region's id as the catalog lists it: `africa-south1` for `AFRICA_SOUTH1`. */
function regionId(cloud: CloudId, name: string): string {
    return cloud === "gcp" && GOOGLE_REGION_ENUM.test(name) ? name.toLowerCase().replace(/_/g, "-") : name;
}

/** A region, zone, multi-region or `global` of the cloud the catalog names: a place, not a guess. */
export function knownName(catalog: Catalog, cloud: string, name: string): boolean {
    return (
        catalog.region(cloud, name) !== undefined ||
        catalog.zoneRegion(cloud, name) !== undefined ||
        catalog.multiRegion(cloud, name) !== undefined ||
        name.trim().toLowerCase() === "global"
    );
}

/** The partition of the resource's own location on the cloud, once it has one. */
export function ownPartition(p: Placement, cloud: string): string | undefined {
    const primary = p.locations.find((l) => l.role === "primary" && l.cloud === cloud && (l.place || l.partition));
    return primary?.place?.partition ?? primary?.partition;
}

interface TableReference {
    cloud: CloudId;
    role: LocationRole;
    refers: Refers;
    provider: OutsideTarget["provider"];
}

/**
 * A reference to the store the value names, for the stack pass, with what the value itself says of where the store
 * is for when it names no resource of the stack. The resource's own partition is left to the stack pass: an Azure
 * resource has its location only once its resource group has lent it.
 */
function addTableReference(p: Placement, { cloud, role, refers, provider }: TableReference, read: Read<string>) {
    const store = read.value ? parseStoreRef(read.value) : undefined;
    const storeCloud = store?.cloud ?? cloud;
    const outside: OutsideTarget = {
        cloud: storeCloud,
        ...(store?.partition ? { partition: store.partition } : {}),
        ...(store?.region ? { region: store.region } : {}),
        ...(provider && storeCloud === cloud ? { provider } : {}),
        what: STORE[refers],
        because: store?.partition ? `the partition ${store.form} names` : "the partition of this resource's location",
    };
    addReference(p, read, refers, role, `the ${STORE[refers]} (input '${read.path}')`, outside);
}

/** Every region of the cloud in the partition the name spells, else in the resource's own, else in any. */
function anyRegion(
    p: Placement,
    catalog: Catalog,
    cloud: CloudId,
    spelled: string | undefined,
): { partition?: string; places: Place[] } {
    const partition = spelled ?? ownPartition(p, cloud);
    const places = catalog.regions(cloud).filter((r) => partition === undefined || r.partition === partition);
    return partition === undefined ? { places } : { partition, places };
}
