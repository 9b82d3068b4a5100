// Tags and labels as one flat map, whatever the provider calls them: they carry the data classification
// (`data-residency: eu`). A tag that is not known yet classifies nothing. A secret tag (or a whole secret map)
// is kept apart, for the caller that asks: a classification held in a secret still classifies the data, and
// is never shown.

import type { NormalisedResource } from "../../model/resource";
import { isRecord, isUnknown, reveal, type Props, type Value } from "../../model/values";
import { looksLikeJson } from "./json-strings";
import { EVERY_ELEMENT, innerTagPathsOf, type TagStep } from "./place-table";

/**
 * Where each family keeps them, in order of precedence (later wins): the provider's default tags, then the
 * computed `tagsAll`/`effectiveLabels` (they include the provider defaults), then the resource's own.
 * aws: `tags`, `tagsAll`, provider `defaultTags.tags`; azure(-native), alicloud: `tags`; gcp: `labels`,
 * `effectiveLabels`, provider `defaultLabels`; kubernetes: `metadata.labels`; aws-native: `tags` as `[{key, value}]`.
 */
const RESOURCE_TAG_PATHS = [["tagsAll"], ["effectiveLabels"], ["labels"], ["metadata", "labels"], ["tags"]].map(
    (steps) => ({ steps, written: steps.join(".") }),
);
const PROVIDER_TAG_PATHS: ReadonlyArray<readonly string[]> = [["defaultTags", "tags"], ["defaultLabels"]];

const providerTagCache = new WeakMap<Props, Record<string, string>>();

/**
 * Other maps a provider keeps labels in, named `<something>Labels` or `<something>Tags`: Cloud SQL's
 * `settings.userLabels`, GKE's `resourceLabels`, a node pool's `nodeConfig.resourceLabels`, up to
 * two levels down. Reading one more map can only add a classification, never lift one.
 */
const NAMED_TAG_MAP = /[a-z](Labels|Tags)$/;

/** What the map of tags leaves out, for the caller that asks. */
export interface HiddenTags {
    /** Tags whose value is a secret (every tag of a secret map among them). */
    secrets: Record<string, string>;
    /** Tags whose value is not known during preview. */
    pendingKeys: string[];
    /** Maps of tags not known during preview as a whole (`tags`, `settings.userLabels`). */
    pendingMaps: string[];
}

/** Tags whose value is a secret or not known yet are never in the map returned; `hidden` collects them. */
export function readTags(resource: NormalisedResource, hidden?: HiddenTags): Record<string, string> {
    const out: Record<string, string> = {};
    const into: Into = { plain: out, hidden };
    if (resource.provider) Object.assign(out, providerTags(resource.provider.props));
    addInnerTags(into, resource);
    addNamedTagMaps(into, resource.props, 2, "");
    for (const path of RESOURCE_TAG_PATHS) addTags(into, at(resource.props, path.steps), path.written);
    return out;
}

interface Into {
    plain: Record<string, string>;
    hidden?: HiddenTags;
}

/**
 * Labels written where the resource keeps what it creates or describes (a Deployment's pod template, a Cloud
 * Run revision template, a machine-learning asset's properties): that is where users put the classification,
 * so it classifies the resource when its own labels do not say. The first map that sets a key keeps it.
 */
function addInnerTags(into: Into, resource: NormalisedResource): void {
    const paths = innerTagPathsOf(resource.type);
    if (paths.length === 0) return;
    const found: Required<Into> = { plain: {}, hidden: { secrets: {}, pendingKeys: [], pendingMaps: [] } };
    for (const path of paths) {
        for (const [map, where] of valuesAt(resource.props, path, "")) {
            const one: Required<Into> = { plain: {}, hidden: { secrets: {}, pendingKeys: [], pendingMaps: [] } };
            addTags(one, map, where);
            const known = (key: string) => key in found.plain || key in found.hidden.secrets;
            for (const [key, value] of Object.entries(one.plain)) if (!known(key)) found.plain[key] = value;
            for (const [key, value] of Object.entries(one.hidden.secrets))
                if (!known(key)) found.hidden.secrets[key] = value;
            found.hidden.pendingKeys.push(...one.hidden.pendingKeys);
            found.hidden.pendingMaps.push(...one.hidden.pendingMaps);
        }
    }
    Object.assign(into.plain, found.plain);
    if (!into.hidden) return;
    Object.assign(into.hidden.secrets, found.hidden.secrets);
    into.hidden.pendingKeys.push(...found.hidden.pendingKeys);
    into.hidden.pendingMaps.push(...found.hidden.pendingMaps);
}

/**
 * The values at a path of names, name globs and `[*]` steps, each with the path it was found at; a secret or a
 * value not known yet on the way hides what is below it.
 */
function valuesAt(root: Value | undefined, path: readonly TagStep[], where: string): Array<[Value, string]> {
    if (path.length === 0) return root === undefined ? [] : [[root, where]];
    const opened = reveal(root);
    if (opened.secret) return [];
    const [step, ...rest] = path;
    const v = opened.value;
    const below = (value: Value | undefined, name: string) => valuesAt(value, rest, where ? `${where}.${name}` : name);
    if (step === EVERY_ELEMENT)
        return Array.isArray(v) ? v.flatMap((item, i) => valuesAt(item, rest, `${where}[${i}]`)) : [];
    if (!isRecord(v)) return [];
    if (typeof step === "string") return below(v[step], step);
    return Object.keys(v)
        .filter((key) => step.test(key))
        .flatMap((key) => below(v[key], key));
}

/** Computed by the provider from the others: not known during preview whatever the program wrote. */
const COMPUTED_MAPS = new Set(["tagsAll", "effectiveLabels"]);

function addNamedTagMaps(into: Into, props: Props, depth: number, prefix: string): void {
    for (const [key, raw] of Object.entries(props)) {
        if (NAMED_TAG_MAP.test(key) && !COMPUTED_MAPS.has(key)) addTags(into, raw, `${prefix}${key}`);
        else if (depth > 1) {
            const opened = reveal(raw);
            if (!opened.secret && isRecord(opened.value))
                addNamedTagMaps(into, opened.value, depth - 1, `${prefix}${key}.`);
        }
    }
}

/** Provider inputs arrive JSON-encoded when they are not strings; decoded once per provider. */
function providerTags(props: Props): Record<string, string> {
    let tags = providerTagCache.get(props);
    if (!tags) {
        tags = {};
        for (const [key, ...rest] of PROVIDER_TAG_PATHS)
            addTags({ plain: tags }, at(decodeJson(reveal(props[key]).value), rest), key);
        providerTagCache.set(props, tags);
    }
    return tags;
}

/** Provider configuration is small (a few kilobytes); larger strings are not configuration. */
const MAX_PROVIDER_JSON = 64 * 1024;

function decodeJson(v: Value | undefined): Value | undefined {
    if (typeof v !== "string" || v.length > MAX_PROVIDER_JSON || !looksLikeJson(v)) return v;
    try {
        return JSON.parse(v) as Value;
    } catch {
        return undefined;
    }
}

function at(root: Value | undefined, path: readonly string[]): Value | undefined {
    let cur = root;
    for (const key of path) {
        const opened = reveal(cur);
        if (opened.secret || !isRecord(opened.value)) return undefined;
        cur = opened.value[key];
    }
    return cur;
}

function addTags(into: Into, raw: Value | undefined, path: string): void {
    const opened = reveal(raw);
    const hidden = into.hidden;
    if (opened.secret) {
        // Every tag of a secret map is a secret.
        if (hidden) addTags({ plain: hidden.secrets, hidden }, opened.value, path);
        return;
    }
    const v = opened.value;
    if (isUnknown(v)) {
        if (hidden && !COMPUTED_MAPS.has(path)) hidden.pendingMaps.push(path);
        return;
    }
    if (Array.isArray(v)) {
        for (const entry of v) if (isRecord(entry)) addTag(into, entry.key ?? entry.Key, entry.value ?? entry.Value);
    } else if (isRecord(v)) {
        for (const [key, value] of Object.entries(v)) addTag(into, key, value);
    }
}

function addTag(into: Into, key: Value | undefined, raw: Value | undefined): void {
    const value = reveal(raw);
    if (typeof key !== "string") return;
    if (isUnknown(value.value)) into.hidden?.pendingKeys.push(key);
    if (typeof value.value !== "string") return;
    if (!value.secret) into.plain[key] = value.value;
    else if (into.hidden) into.hidden.secrets[key] = value.value;
}
