// `pulumi stack export`: the deployed state, where every provider (default ones included) is a resource.

import { isRecord, type Value } from "../model/values";
import type { NormalisedResource, ProviderInfo } from "../model/resource";
import { decodeProps } from "../normalise/wire";
import { InputError } from "./input-error";
import {
    describeJson,
    normalisedResource,
    providerInfo,
    providerUrnOf,
    readResourceState,
    stackFromUrns,
    type ResourceState,
} from "./resource-state";
import type { ScanInput } from "./scan-input";

export function readStackExport(json: unknown, file: string): ScanInput {
    const deployment = isRecord(json as Value) ? (json as { deployment?: unknown }).deployment : undefined;
    if (!isRecord(deployment as Value)) {
        throw new InputError(
            `${file}: expected the JSON of 'pulumi stack export' (an object with 'deployment'), found ${describeJson(json)}`,
        );
    }
    const rawResources = (deployment as { resources?: unknown }).resources ?? [];
    if (!Array.isArray(rawResources)) {
        throw new InputError(
            `${file}: key 'deployment.resources' expected an array, found ${describeJson(rawResources)}`,
        );
    }
    const states = rawResources.map((raw, i) => readResourceState(raw, `${file}: deployment.resources[${i}]`));
    const providers = new Map<string, ProviderInfo>();
    for (const state of states) {
        if (state.type.startsWith("pulumi:providers:"))
            providers.set(state.urn, providerInfo(state.urn, propsOf(state)));
    }
    const notes: string[] = [];
    const resources: NormalisedResource[] = states.map((state) => {
        const provider = state.provider ? providers.get(providerUrnOf(state.provider)) : undefined;
        if (state.provider && !provider)
            notes.push(`${state.urn}: provider ${providerUrnOf(state.provider)} is not in the export`);
        return normalisedResource(state, propsOf(state), provider);
    });
    return {
        resources,
        stack: stackFromUrns(
            states.map((s) => s.urn),
            "update",
        ),
        notes,
    };
}

function propsOf(state: ResourceState) {
    return decodeProps(state.inputs ?? state.outputs ?? {});
}
