// Tags and labels as one flat map, whatever the provider calls them: they carry the data classification
// (`data-residency: eu`). A tag that is not known yet classifies nothing. A secret tag (or a whole secret map)
// is kept apart, for the caller that asks: a classification held in a secret still classifies the data, and
// is never shown.

import type { NormalisedResource } from "../../model/resource";
import { isRecord, reveal, type Props, type Value } from "../../model/values";

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

/** Tags whose value was a secret are put in `secrets` when it is given, and never in the map returned. */
export function readTags(resource: NormalisedResource, secrets?: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const into: Into = { plain: out, secrets };
    if (resource.provider) Object.assign(out, providerTags(resource.provider.props));
    addNamedTagMaps(into, resource.props, 2);
    for (const path of RESOURCE_TAG_PATHS) addTags(into, at(resource.props, path));
    return out;
}

interface Into {
    plain: Record<string, string>;
    secrets?: Record<string, string>;
}

function addNamedTagMaps(into: Into, props: Props, depth: number): void {
    for (const [key, raw] of Object.entries(props)) {
        if (NAMED_TAG_MAP.test(key) && key !== "tagsAll" && key !== "effectiveLabels") addTags(into, raw);
        else if (depth > 1) {
            const opened = reveal(raw);
            if (!opened.secret && isRecord(opened.value)) addNamedTagMaps(into, opened.value, depth - 1);
        }
    }
}

/** Provider inputs arrive JSON-encoded when they are not strings; decoded once per provider. */
function providerTags(props: Props): Record<string, string> {
    let tags = providerTagCache.get(props);
    if (!tags) {
        tags = {};
        for (const [key, ...rest] of PROVIDER_TAG_PATHS)
            addTags({ plain: tags }, at(decodeJson(reveal(props[key]).value), rest));
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

function addTags(into: Into, raw: Value | undefined): void {
    const opened = reveal(raw);
    if (opened.secret) {
        // Every tag of a secret map is a secret.
        if (into.secrets) addTags({ plain: into.secrets, secrets: into.secrets }, opened.value);
        return;
    }
    const v = opened.value;
    if (Array.isArray(v)) {
        for (const entry of v) if (isRecord(entry)) addTag(into, entry.key ?? entry.Key, entry.value ?? entry.Value);
    } else if (isRecord(v)) {
        for (const [key, value] of Object.entries(v)) addTag(into, key, value);
    }
}

function addTag(into: Into, key: Value | undefined, raw: Value | undefined): void {
    const value = reveal(raw);
    if (typeof key !== "string" || typeof value.value !== "string") return;
    if (!value.secret) into.plain[key] = value.value;
    else if (into.secrets) into.secrets[key] = value.value;
}
