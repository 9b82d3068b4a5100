// The resource state both `pulumi preview --json` (a step's newState) and `pulumi stack export` write,
// turned into a NormalisedResource.

import { parseUrn, type NormalisedResource, type ProviderInfo, type StackContext } from "../model/resource";
import type { Props } from "../model/values";
import { InputError } from "./input-error";

/** A resource state as Pulumi writes it (apitype.ResourceV3), the fields clean-guard reads. */
export interface ResourceState {
    urn: string;
    type: string;
    custom?: boolean;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    provider?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

/** Checks the fields clean-guard relies on; `where` names the file and entry for the error. */
export function readResourceState(raw: unknown, where: string): ResourceState {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
        throw new InputError(`${where}: expected a resource state object, found ${describeJson(raw)}`);
    }
    const state = raw as Record<string, unknown>;
    for (const key of ["urn", "type"]) {
        if (typeof state[key] !== "string" || state[key] === "") {
            throw new InputError(
                `${where}: key '${key}' expected a non-empty string, found ${describeJson(state[key])}`,
            );
        }
    }
    return state as unknown as ResourceState;
}

/** `<provider urn>::<id>` -> the provider's URN (ids never contain `::`; URNs do). */
export function providerUrnOf(reference: string): string {
    const cut = reference.lastIndexOf("::");
    return cut < 0 ? reference : reference.slice(0, cut);
}

export function providerInfo(urn: string, props: Props): ProviderInfo {
    const parts = parseUrn(urn);
    return { type: parts?.type ?? "", name: parts?.name ?? urn, urn, props };
}

export function normalisedResource(state: ResourceState, props: Props, provider?: ProviderInfo): NormalisedResource {
    return {
        urn: state.urn,
        type: state.type,
        name: parseUrn(state.urn)?.name ?? state.urn,
        props,
        provider,
        parent: state.parent || undefined,
        dependencies: state.dependencies ?? [],
        propertyDependencies: state.propertyDependencies ?? {},
    };
}

/**
 * The engine registers each default provider it creates as a resource of the stack, and policies judge it;
 * a program's registrations and a preview's steps leave them out, so they come back from the resources
 * that use them.
 */
export function withDefaultProviders(resources: NormalisedResource[]): NormalisedResource[] {
    const added = new Map<string, NormalisedResource>(resources.map((r) => [r.urn, r]));
    const providers: NormalisedResource[] = [];
    for (const { provider: p } of resources) {
        if (!p || added.has(p.urn)) continue;
        const resource = {
            urn: p.urn,
            type: p.type,
            name: p.name,
            props: p.props,
            dependencies: [],
            propertyDependencies: {},
        };
        added.set(p.urn, resource);
        providers.push(resource);
    }
    return [...providers, ...resources];
}

/** Project and stack names from the URNs; stack tags are not in either JSON format. */
export function stackFromUrns(urns: Iterable<string>, phase: StackContext["phase"]): StackContext {
    for (const urn of urns) {
        const parts = parseUrn(urn);
        if (parts) return { project: parts.project, stack: parts.stack, tags: new Map(), phase };
    }
    return { tags: new Map(), phase };
}

export function describeJson(v: unknown): string {
    if (v === undefined) return "nothing";
    if (Array.isArray(v)) return "an array";
    if (v === null) return "null";
    return typeof v === "object" ? "an object" : `${typeof v} ${JSON.stringify(v).slice(0, 60)}`;
}
