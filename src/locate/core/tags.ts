// Tags and labels as one flat map, whatever the provider calls them: they carry the data classification
// (`data-residency: eu`). A tag that is not known yet classifies nothing. A secret tag (or a whole secret map)
// is kept apart, for the caller that asks: a classification held in a secret still classifies the data, and
// is never shown.

import type { NormalisedResource } from "../../model/resource";
import { isRecord, isUnknown, reveal, type Props, type Value } from "../../model/values";

/**
 * Where each family keeps them, in order of precedence (later wins): the provider's default tags, then the
 * computed `tagsAll`/`effectiveLabels` (they include the provider defaults), then the resource's own.
 * aws: `tags`, `tagsAll`, provider `defaultTags.tags`; azure(-native), alicloud: `tags`; gcp: `labels`,
 * `effectiveLabels`, provider `defaultLabels`; kubernetes: `metadata.labels`; aws-native: `tags` as `[{key, value}]`.
 */
const RESOURCE_TAG_PATHS: ReadonlyArray<readonly string[]> = [
    ["tagsAll"],
    ["effectiveLabels"],
    ["labels"],
    ["metadata", "labels"],
    ["tags"],
];
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
    addNamedTagMaps(into, resource.props, 2, "");
    for (const path of RESOURCE_TAG_PATHS) addTags(into, at(resource.props, path), path.join("."));
    return out;
}

interface Into {
    plain: Record<string, string>;
    hidden?: HiddenTags;
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
    if (typeof v !== "string" || v.length > MAX_PROVIDER_JSON || !/^\s*[[{]/.test(v)) return v;
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
