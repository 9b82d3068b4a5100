// The place-input audit: every input of every installed provider SDK (the current majors and the previous
// ones installed as npm aliases) whose name says it holds a place or a copy, at any depth of the nested input
// types, and how src/locate/place-inputs.yaml classifies it. Used by the coverage test and `npm run coverage`.

import * as fs from "node:fs";
import * as path from "node:path";
import { defaultCatalog } from "../../src/catalog";
import type { CloudId } from "../../src/catalog/types";
import { locate } from "../../src/locate";
import { locateStack } from "../../src/locate/stack";
import { loadPlaceTable, type TableEntry } from "../../src/locate/core/place-table";
import { canonicalAzureNativeType } from "../../src/locate/families/azure/azure-native-tokens";
import type { Props, Value } from "../../src/model/values";
import { defaultProvider, urnOf } from "../support/builders";
import { readSdk, sdkDir, sdkManifest, type Field, type SdkDeclarations } from "../support/sdk-declarations";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Words that name a place or a copy, matched against the camelCase words of an input's name
 * (`secondaryZoneId` -> secondary, zone, id). `timeZone` names no place; a number (a replica count, a backup
 * retention period) names none either.
 */
const PLACE_WORDS: ReadonlySet<string> = new Set([
    "region",
    "regions",
    "location",
    "locations",
    "zone",
    "zones",
    "replica",
    "replicas",
    "replication",
    "destination",
    "destinations",
    "secondary",
    "failover",
    "geo",
    "backup",
    "backups",
    "peer",
    "peering",
    "datacenter",
    "partner",
    "mirror",
]);

export function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}

export function namesPlace(field: Field): boolean {
    const ws = words(field.name);
    return !field.numeric && ws.some((w) => PLACE_WORDS.has(w)) && !/time zone/.test(ws.join(" "));
}

export interface PlaceInput {
    /** The SDK as installed (`@pulumi/aws`, `pulumi-aws-v6`). */
    sdk: string;
    /** The type token the SDK writes. */
    token: string;
    /** The token the locators know it by (a v2 azure-native token's v3 name). */
    type: string;
    /** `replicationConfiguration.rules[*].destination`: `[*]` is every element of a list. */
    path: string;
}

/** Every provider SDK installed for the tests: a package that declares itself a Pulumi resource provider. */
export function auditedSdks(): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
        devDependencies: Record<string, string>;
    };
    return Object.keys(manifest.devDependencies).filter((name) => {
        const pkg = JSON.parse(fs.readFileSync(path.join(sdkDir(name), "package.json"), "utf8")) as {
            pulumi?: { resource?: boolean };
        };
        return pkg.pulumi?.resource === true;
    });
}

/** Where each SDK version's place inputs are kept between runs: reading azure-native v2 takes seconds. */
const CACHE = path.join(REPO_ROOT, "node_modules", ".cache", "clean-guard-place-inputs-v3");

/** A map input named `...labels` or `...tags` (`userLabels`, `resourceLabels`, `tags`): where classifications are written. */
export function namesLabels(field: Field): boolean {
    const last = words(field.name).at(-1);
    return field.map && (last === "labels" || last === "tags");
}

type Found = Record<"place" | "labels", Array<[token: string, path: string]>>;

/** Every input of the SDK that names a place or a copy. */
export function placeInputs(sdk: string): PlaceInput[] {
    return inputsOf(sdk, "place");
}

/** Every map input of the SDK where tags or labels are written. */
export function labelInputs(sdk: string): PlaceInput[] {
    return inputsOf(sdk, "labels");
}

function inputsOf(sdk: string, kind: keyof Found): PlaceInput[] {
    const { version } = sdkManifest(sdk);
    const cached = path.join(CACHE, `${sdk.replace("/", "+")}-${version}.json`);
    let found: Found;
    if (fs.existsSync(cached)) found = JSON.parse(fs.readFileSync(cached, "utf8")) as Found;
    else {
        const declarations = readSdk(sdk);
        found = { place: inputPaths(declarations, namesPlace), labels: inputPaths(declarations, namesLabels) };
        fs.mkdirSync(CACHE, { recursive: true });
        const partial = `${cached}.${process.pid}`;
        fs.writeFileSync(partial, JSON.stringify(found));
        fs.renameSync(partial, cached);
    }
    // The locator's name for a token is the code's, not the cache's.
    return found[kind].map(([token, p]) => ({ sdk, token, type: canonicalType(token), path: p }));
}

export function canonicalType(token: string): string {
    return token.startsWith("azure-native:") ? canonicalAzureNativeType(token) : token;
}

/** The paths of the inputs `wanted` picks, at any depth of the nested input types. */
function inputPaths(declarations: SdkDeclarations, wanted: (f: Field) => boolean): Array<[string, string]> {
    const byType = new Map<string, string[]>();
    const inProgress = new Set<string>();
    // A nested type's paths, once per type; a type that holds itself (a JSON schema, a WAF statement) is
    // followed once.
    const paths = (fields: readonly Field[]): string[] =>
        fields.flatMap((f) => {
            const at = f.array ? `${f.name}[*]` : f.name;
            const nested = f.refs.flatMap((ref) => typePaths(ref).map((p) => `${at}.${p}`));
            return wanted(f) ? [at, ...nested] : nested;
        });
    const typePaths = (ref: string): string[] => {
        const known = byType.get(ref);
        if (known) return known;
        if (inProgress.has(ref)) return [];
        inProgress.add(ref);
        const found = paths(declarations.inputTypes.get(ref) ?? []);
        inProgress.delete(ref);
        byType.set(ref, found);
        return found;
    };
    const out: Array<[string, string]> = [];
    for (const [token, declared] of declarations.resources) {
        for (const p of new Set(paths(declared.inputs))) out.push([token, p]);
    }
    return out;
}

// ---- the table ----

export type Entry = TableEntry;
export { type Verdict } from "../../src/locate/core/place-table";
export const loadTable = loadPlaceTable;

export function matches(entry: Entry, input: PlaceInput): boolean {
    return entry.typePatterns.some((t) => t.test(input.type)) && entry.inputPatterns.some((i) => i.test(input.path));
}

/** The first entry that classifies the input: specific entries come before the patterns of a whole class. */
export function classify(table: readonly Entry[], input: PlaceInput): Entry | undefined {
    return table.find((e) => matches(e, input));
}

export interface AuditedInput extends PlaceInput {
    entry?: Entry;
}

export interface AuditedLabels extends AuditedInput {
    /** clean-guard reads a classification written there (probed through the locator's placement tags). */
    read: boolean;
}

export interface Audit {
    sdk: string;
    name: string;
    version: string;
    inputs: AuditedInput[];
    labels: AuditedLabels[];
}

export function audit(table = loadTable("entries"), labelTable = loadTable("labels")): Audit[] {
    const classified = (i: PlaceInput, entries: Entry[]) => {
        const entry = classify(entries, i);
        return { ...i, ...(entry ? { entry } : {}) };
    };
    const readLabelEntries = labelTable.filter((e) => e.verdict === "read");
    return auditedSdks().map((sdk) => {
        const { name, version } = sdkManifest(sdk);
        return {
            sdk,
            name,
            version,
            inputs: placeInputs(sdk).map((i) => classified(i, table)),
            labels: labelInputs(sdk).map((i) => {
                const read = readsLabels(i);
                // A map read by the family's own paths needs no entry; one read by the table names its entry.
                return { ...classified(i, read ? readLabelEntries : labelTable), read };
            }),
        };
    });
}

// ---- probes: a "read" entry must be true of the locators ----

/** A region of each cloud to probe with: mainland China where the cloud has one (GCP has none). */
const PROBE_REGIONS: Readonly<Record<string, { cloud: CloudId; region: string }>> = {
    aws: { cloud: "aws", region: "cn-north-1" },
    "azure-native": { cloud: "azure", region: "chinaeast2" },
    gcp: { cloud: "gcp", region: "asia-east2" },
    alicloud: { cloud: "alicloud", region: "cn-hangzhou" },
};

/** The stack config a resource of each package gets from its default provider: an allowed place. */
const PROVIDER_CONFIG: Readonly<Record<string, Props>> = {
    aws: { region: "eu-west-1" },
    "azure-native": { location: "westeurope" },
    gcp: { region: "europe-west1", project: "p" },
    alicloud: { region: "eu-central-1" },
};

/** A store of each cloud in the probe region, for an input that names another store to name. */
const PROBE_STORES: Readonly<Record<string, { type: string; props: Props }>> = {
    aws: { type: "aws:s3/bucket:Bucket", props: { region: "cn-north-1" } },
    "azure-native": {
        type: "azure-native:storage:StorageAccount",
        props: { location: "chinaeast2", resourceGroupName: "rg", accountName: "probetarget" },
    },
    gcp: { type: "gcp:storage/bucket:Bucket", props: { location: "asia-east2", name: "probe-target" } },
};

/** Inputs every resource of a package carries, so that copies have a primary to be copied from. */
const BASE_PROPS: Readonly<Record<string, Props>> = {
    "azure-native": { location: "westeurope", resourceGroupName: "rg" },
};

const catalog = defaultCatalog();

/** Sets `value` at a path such as `replicationConfiguration.rules[*].destination.bucket`. */
function propsAt(at: string, value: Value, base: Props): Props {
    const segments = at.split(".");
    const build = (i: number): Value => {
        if (i === segments.length) return value;
        const seg = segments[i];
        const inner = build(i + 1);
        return seg.endsWith("[*]") ? { [seg.slice(0, -3)]: [inner] } : { [seg]: inner };
    };
    const props = { ...base };
    const first = build(0) as Props;
    for (const [k, v] of Object.entries(first)) props[k] = v;
    return props;
}

export interface ProbeResult {
    ok: boolean;
    /** What the placement held at the path, for the failure message. */
    found: string;
}

/**
 * Locates a resource of the input's type with the input set and says whether the placement has the value at
 * that path: a location in the probe region's country, or (for a resource name or a fixed value) a location,
 * reference or "cannot verify" entry read from that path. An input that names another store names a store of the
 * stack in the probe region: the destination must be placed there, the source must lend its data.
 */
export function probe(input: PlaceInput, entry: Entry): ProbeResult {
    const pkg = input.token.split(":")[0];
    const at = entry.probe?.at ?? stringInside(entry, input.path);
    const wanted = entry.probe?.value ?? (entry.refers ? "reference" : "region");
    const region = PROBE_REGIONS[pkg];
    const value: Value = wanted === "region" ? region.region : wanted === "reference" ? "probe-target" : wanted;
    const resource = probeResource(input.token, "probe", propsAt(at, value, BASE_PROPS[pkg] ?? {}));
    const store = entry.refers ? PROBE_STORES[pkg] : undefined;
    const target = store && probeResource(store.type, "probe-target", { ...BASE_PROPS[pkg], ...store.props });
    const p = target ? locateStack([resource, target], { catalog }).get(resource.urn)! : locate(resource, { catalog });
    if (entry.refers === "copy-of")
        return { ok: p.copyOf.includes(target!.urn), found: p.copyOf.join("; ") || "nothing" };
    const same = (path: string) => path.replace(/\[\d+\]/g, "[*]") === at;
    const located = p.locations.filter((l) => same(l.path));
    const found = [
        ...located.map((l) => `${l.role} ${l.name} ${l.countries.join(",")}`),
        ...p.references.filter((r) => same(r.path)).map((r) => `${r.relation} ${r.target}`),
        ...p.undetermined.filter((u) => same(u.path)).map((u) => `${u.reason}`),
        ...(p.zoneLookups ?? []).filter((z) => same(z.path)).map((z) => `zone ${z.zone}`),
    ];
    if (wanted !== "region" && !entry.refers) return { ok: found.length > 0, found: found.join("; ") || "nothing" };
    const country = catalog.region(region.cloud, region.region)?.country;
    const ok = located.some((l) => country !== undefined && l.countries.includes(country));
    // The table's own reader must not read an input a family's locator reads too: one place, said once.
    const once = entry.role === undefined || located.length === 1;
    return { ok: ok && once, found: found.join("; ") || "nothing" };
}

/**
 * Where an entry reads the string an object input holds (`destination` -> `destination.bucketArn`): the first of its
 * paths inside the input that holds no further path; the input itself when it is the string.
 */
function stringInside(entry: Entry, path: string): string {
    const inside = (outer: string, inner: string) => inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[*].`);
    const leaves = entry.inputs.filter((i) => inside(path, i) && !entry.inputs.some((j) => inside(i, j)));
    return leaves[0] ?? path;
}

function probeResource(type: string, name: string, props: Props) {
    const pkg = type.split(":")[0];
    return {
        urn: urnOf(type, name),
        type,
        name,
        props,
        provider: defaultProvider(pkg, PROVIDER_CONFIG[pkg] ?? {}, "probe"),
        dependencies: [],
        propertyDependencies: {},
    };
}

/** Whether clean-guard reads a classification written in the tags or labels map at the input's path. */
export function readsLabels(input: PlaceInput): boolean {
    const resource = probeResource(input.token, "probe", propsAt(input.path, { "data-residency": "probe" }, {}));
    return locate(resource, { catalog }).tags["data-residency"] === "probe";
}
