// Reading inputs for locators: every read says whether the value was secret or not yet known, so that
// "unknown during preview" can never turn into "no region".

import type { Placement, Undetermined } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import { lookup, type Props, type Value } from "../../model/values";
import { looksLikeJson } from "./json-strings";

export type PathSegment = string | number;

export interface Read<T> {
    value?: T;
    secret: boolean;
    /** The value is Pulumi's unknown (preview). */
    unknown: boolean;
    /** The value is a secret whose plaintext is not available (export ciphertext, preview "[secret]"). */
    opaque: boolean;
    path: string;
}

/** `["replicas", 0, "regionName"]` -> `replicas[0].regionName`. */
export function pathText(path: ReadonlyArray<PathSegment>): string {
    let out = "";
    for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
    return out;
}

export function readValue(props: Props, path: ReadonlyArray<PathSegment>): Read<Value> {
    const found = lookup(props, path);
    return {
        value: found.value,
        secret: found.secret,
        unknown: found.unknown !== undefined,
        opaque: found.secret && found.value === undefined && found.unknown === undefined,
        path: pathText(path),
    };
}

/** A string input; numbers are not accepted as strings, other kinds read as absent. */
export function readString(props: Props, path: ReadonlyArray<PathSegment>): Read<string> {
    const r = readValue(props, path);
    return { ...r, value: typeof r.value === "string" ? r.value : undefined };
}

/** The first of several spellings of an input that is present (or unknown). */
export function readFirstString(props: Props, keys: readonly string[]): Read<string> | undefined {
    for (const key of keys) {
        const r = readString(props, [key]);
        if (r.value !== undefined || r.unknown || r.opaque) return r;
    }
    return undefined;
}

/** An array input, each element with its index; a non-array reads as empty. */
export function readArray(props: Props, path: ReadonlyArray<PathSegment>): Read<Value[]> {
    const r = readValue(props, path);
    return { ...r, value: Array.isArray(r.value) ? r.value : undefined };
}

/**
 * Provider inputs that are not strings reach a policy JSON-encoded (`endpoints`, `assumeRole`, a GCP
 * `batching` block): decode them so they read like any other input.
 */
export function decodedProviderProps(resource: NormalisedResource): Props {
    const props = resource.provider?.props;
    if (!props) return {};
    // A provider is shared by many resources: its inputs are decoded once.
    let out = decodedProviders.get(props);
    if (!out) {
        out = {};
        for (const [k, v] of Object.entries(props))
            out[k] = typeof v === "string" && looksLikeJson(v) ? parseJsonOr(v) : v;
        decodedProviders.set(props, out);
    }
    return out;
}

const decodedProviders = new WeakMap<Props, Props>();

function parseJsonOr(text: string): Value {
    try {
        return JSON.parse(text) as Value;
    } catch {
        return text;
    }
}

/** How a provider is named in messages: `provider 'china'` or `the default aws provider`. */
export function providerLabel(resource: NormalisedResource): string | undefined {
    const p = resource.provider;
    if (!p) return undefined;
    const pkg = p.type.replace(/^pulumi:providers:/, "");
    const origins = Object.entries(p.fromEnvironment ?? {}).map(([input, variable]) => `${input} from ${variable}`);
    const environment = origins.length ? `; ${origins.join(", ")} in the deployment's environment` : "";
    return p.name.startsWith("default")
        ? `the default ${pkg} provider (stack config${environment})`
        : `provider '${p.name}'${environment ? ` (${environment.slice(2)})` : ""}`;
}

/** How an input of the resource itself is named in messages, saying when the environment supplied it. */
export function inputLabel(resource: NormalisedResource, key: string): string {
    const variable = resource.fromEnvironment?.[key];
    return variable ? `${variable} in the deployment's environment (its '${key}')` : `input '${key}'`;
}

export function undetermined(placement: Placement, entry: Undetermined): void {
    placement.undetermined.push(entry);
}

/** Records that a value is not known yet: advisory, since `up` will know it and check for real. */
export function unknownDuringPreview(
    placement: Placement,
    aspect: Undetermined["aspect"],
    path: string,
    what: string,
): void {
    placement.undetermined.push({
        aspect,
        reason: "unknown-during-preview",
        path,
        detail: `${what} is not known during preview`,
        advisory: true,
    });
}
