// Resources as the Pulumi engine sends them to a policy pack (the Analyzer protocol), normalised.

import type { PolicyProviderResource, PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import type { AnalyzeRequest, AnalyzerProviderResource, AnalyzerResource } from "@pulumi/pulumi/proto/analyzer_pb";
import { isProviderType, packageOf, type NormalisedResource, type ProviderInfo } from "../model/resource";
import type { Props } from "../model/values";
import { loadEnvironmentDefaults, withEnvironmentDefaults, type EnvironmentDefaults } from "./provider-environment";
import { readProps, readResourceMessage, type ResourceMessage, type Span } from "./resource-bytes";
import { decodeProps, decodeStruct } from "./wire";

/** The policy SDK's unknown-checking proxy hands out its raw target under this key (policy SDK proxy.ts). */
const PROXY_TARGET = "__getSpecialProxyTarget";
const IS_PROXY = "__isSpecialProxy";

export function fromAnalyzeRequest(req: AnalyzeRequest): NormalisedResource {
    return {
        urn: req.getUrn(),
        type: req.getType(),
        name: req.getName(),
        ...ownInputs(req.getType(), decodeStruct(req.getProperties())),
        provider: providerOf(req.getProvider()),
        parent: req.getOptions()?.getParent() || undefined,
        dependencies: [],
        propertyDependencies: {},
    };
}

export function fromAnalyzerResource(r: AnalyzerResource): NormalisedResource {
    const propertyDependencies: Record<string, string[]> = {};
    r.getPropertydependenciesMap().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
    return {
        urn: r.getUrn(),
        type: r.getType(),
        name: r.getName(),
        ...ownInputs(r.getType(), decodeStruct(r.getProperties())),
        provider: providerOf(r.getProvider()),
        parent: r.getParent() || undefined,
        dependencies: r.getDependenciesList(),
        propertyDependencies,
    };
}

/**
 * A resource read from the engine's bytes (resource-bytes.ts): what fromAnalyzeRequest or fromAnalyzerResource
 * gives for the same message decoded by the generated decoder.
 */
export function fromResourceBytes(bytes: Buffer, message: ResourceMessage): NormalisedResource {
    return {
        urn: message.urn,
        type: message.type,
        name: message.name,
        ...ownInputs(message.type, readProps(bytes, message.properties)),
        provider: message.provider && providerOfBytes(bytes, message.provider),
        parent: message.parent || undefined,
        dependencies: message.dependencies,
        propertyDependencies: message.propertyDependencies,
    };
}

/**
 * The engine sends a provider instance's inputs with every resource it serves. Decoded once per instance and
 * content, the same ProviderInfo comes back each time, so that what locate derives from a provider (the
 * hosts in its inputs, its default tags) is derived once and not for every resource.
 */
const providers = new Map<string, ProviderInfo>();
/** More distinct providers than any stack declares: the cache is dropped rather than grow without bound. */
const MAX_PROVIDERS = 1024;

function providerOf(p: AnalyzerProviderResource | undefined): ProviderInfo | undefined {
    if (!p) return undefined;
    return cachedProvider(Buffer.from(p.serializeBinary()).toString("latin1"), () => ({
        type: p.getType(),
        name: p.getName(),
        urn: p.getUrn(),
        props: decodeStruct(p.getProperties()),
    }));
}

function providerOfBytes(bytes: Buffer, span: Span): ProviderInfo {
    return cachedProvider(bytes.toString("latin1", span.start, span.end), () => {
        const message = readResourceMessage(bytes, "provider", span);
        return {
            type: message.type,
            name: message.name,
            urn: message.urn,
            props: readProps(bytes, message.properties),
        };
    });
}

/** Keyed by the AnalyzerProviderResource message's bytes: its type, name, URN and inputs. */
function cachedProvider(key: string, read: () => Pick<ProviderInfo, "type" | "name" | "urn" | "props">): ProviderInfo {
    let provider = providers.get(key);
    if (!provider) {
        if (providers.size >= MAX_PROVIDERS) providers.clear();
        const { props, ...identity } = read();
        provider = { ...identity, ...providerInputs(identity.type, props) };
        providers.set(key, provider);
    }
    return provider;
}

/**
 * Fallback when the engine's request was not captured (a pack that reuses clean-guard's policies without
 * calling captureEngineRequests): the SDK has already opened secrets, so values cannot be marked secret.
 */
export function fromPolicyArgs(args: ResourceValidationArgs | PolicyResource): NormalisedResource {
    const stackResource = args as Partial<PolicyResource>;
    return {
        urn: args.urn,
        type: args.type,
        name: args.name,
        ...ownInputs(args.type, decodeProps(rawTarget(args.props))),
        provider: args.provider ? providerFromArgs(args.provider) : undefined,
        parent: stackResource.parent?.urn,
        dependencies: (stackResource.dependencies ?? []).map((d) => d.urn),
        propertyDependencies: Object.fromEntries(
            Object.entries(stackResource.propertyDependencies ?? {}).map(([k, deps]) => [k, deps.map((d) => d.urn)]),
        ),
    };
}

function providerFromArgs(p: PolicyProviderResource): ProviderInfo {
    return { type: p.type, name: p.name, urn: p.urn, ...providerInputs(p.type, decodeProps(rawTarget(p.props))) };
}

let environmentDefaults: EnvironmentDefaults | undefined;

/** A provider's inputs as the provider itself will resolve them in this (the deployment's) environment. */
function providerInputs(providerType: string, props: Props) {
    environmentDefaults ??= loadEnvironmentDefaults();
    return withEnvironmentDefaults(packageOf(providerType), props, process.env, environmentDefaults);
}

/** A resource's inputs; a provider resource's completed from the environment like any provider's. */
function ownInputs(type: string, props: Props) {
    return isProviderType(type) ? providerInputs(type, props) : { props };
}

/**
 * The policy SDK's own values behind its proxies (an unknown-checking proxy, and in remediation a
 * secret-opening one over that): what a remediation must hand back, secrets and unknowns intact.
 */
export function rawTarget(props: Record<string, unknown>): unknown {
    let value: unknown = props;
    while (typeof value === "object" && value !== null && (value as Record<string, unknown>)[IS_PROXY] === true) {
        value = (value as Record<string, unknown>)[PROXY_TARGET];
    }
    return value;
}
