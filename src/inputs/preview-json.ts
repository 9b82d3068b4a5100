// `pulumi preview --json`: the steps the engine plans, each with the resource's planned state.

import { isRecord, Secret, type Props, type Value } from "../model/values";
import { packageOf, parseUrn, type ProviderInfo } from "../model/resource";
import { decodeProps, decodeValue, PREVIEW_SECRET_PLACEHOLDER } from "../normalise/wire";
import { InputError } from "./input-error";
import {
    describeJson,
    normalisedResource,
    providerInfo,
    providerUrnOf,
    readResourceState,
    stackFromUrns,
    withDefaultProviders,
    type ResourceState,
} from "./resource-state";
import type { ScanInput } from "./scan-input";

/** Steps whose resource will not exist after the update; a replacement's `delete-replaced` keeps its URN alive. */
const REMOVING_OPS: ReadonlySet<string> = new Set(["delete", "discard"]);
/** Steps that carry no planned state of their own. */
const STATELESS_OPS: ReadonlySet<string> = new Set(["delete-replaced", "discard-replaced", "remove-pending-replace"]);

export function readPreview(json: unknown, file: string): ScanInput {
    if (!isRecord(json as Value) || !Array.isArray((json as Record<string, unknown>).steps)) {
        throw new InputError(
            `${file}: expected the JSON of 'pulumi preview --json' (an object with 'steps'), found ${describeJson(json)}`,
        );
    }
    const doc = json as { steps: unknown[]; config?: unknown };
    const states = new Map<string, ResourceState>();
    let removed = 0;
    doc.steps.forEach((raw, index) => {
        const where = `${file}: steps[${index}]`;
        if (!isRecord(raw as Value))
            throw new InputError(`${where}: expected a step object, found ${describeJson(raw)}`);
        const step = raw as { op?: unknown; newState?: unknown; urn?: unknown };
        const op = typeof step.op === "string" ? step.op : "";
        if (REMOVING_OPS.has(op)) {
            removed++;
            states.delete(String(step.urn));
            return;
        }
        if (STATELESS_OPS.has(op)) return;
        const state = readResourceState(step.newState, `${where}.newState`);
        // A replacement is printed as several steps for one URN; the last planned state wins.
        states.set(state.urn, state);
    });

    const defaults = defaultProviderProps(doc.config);
    const explicit = new Map<string, ProviderInfo>();
    for (const state of states.values()) {
        if (state.type.startsWith("pulumi:providers:"))
            explicit.set(state.urn, providerInfo(state.urn, propsOf(state)));
    }
    const resources = withDefaultProviders(
        [...states.values()].map((state) =>
            normalisedResource(state, propsOf(state), providerOf(state, explicit, defaults)),
        ),
    );
    const notes = removed > 0 ? [`skipped ${removed} resource${removed === 1 ? "" : "s"} being deleted`] : [];
    return { resources, stack: stackFromUrns(states.keys(), "preview"), notes };
}

function propsOf(state: ResourceState): Props {
    return blindSecrets(decodeProps(state.inputs ?? state.outputs ?? {})) as Props;
}

function providerOf(
    state: ResourceState,
    explicit: ReadonlyMap<string, ProviderInfo>,
    defaults: ReadonlyMap<string, Props>,
): ProviderInfo | undefined {
    if (!state.provider) return undefined;
    const urn = providerUrnOf(state.provider);
    const known = explicit.get(urn);
    if (known) return known;
    // Default providers are internal steps the JSON leaves out: their settings are the package's stack config.
    const type = parseUrn(urn)?.type ?? "";
    return providerInfo(urn, defaults.get(packageOf(type)) ?? {});
}

/** `aws:region: eu-west-1` -> `aws` -> `{ region: "eu-west-1" }`. */
function defaultProviderProps(config: unknown): Map<string, Props> {
    const byPackage = new Map<string, Props>();
    if (!isRecord(config as Value)) return byPackage;
    for (const [key, raw] of Object.entries(config as Record<string, unknown>)) {
        const colon = key.indexOf(":");
        if (colon <= 0) continue;
        const pkg = key.slice(0, colon);
        const props = byPackage.get(pkg) ?? {};
        props[key.slice(colon + 1)] = blindSecrets(decodeValue(raw));
        byPackage.set(pkg, props);
    }
    return byPackage;
}

/** The preview prints secrets it cannot show as the string "[secret]": a secret whose value is unavailable. */
function blindSecrets(v: Value): Value {
    if (v === PREVIEW_SECRET_PLACEHOLDER) return new Secret(undefined);
    if (Array.isArray(v)) return v.map(blindSecrets);
    if (v instanceof Secret) return v.value === undefined ? v : new Secret(blindSecrets(v.value));
    if (isRecord(v)) {
        const out: Record<string, Value> = {};
        for (const [k, inner] of Object.entries(v)) out[k] = blindSecrets(inner);
        return out;
    }
    return v;
}
