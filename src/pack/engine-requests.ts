// The policy SDK opens secrets before a policy sees a resource, and hides the stack's config and
// whether this is a preview. clean-guard needs all three: to judge secret inputs without printing them,
// to read a stack-wide classification, and to know that an unknown value will be known at `up`.
// So the pack keeps the engine's own request for the duration of each call, untouched, and reads it.

import { AsyncLocalStorage } from "node:async_hooks";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import type {
    AnalyzeRequest,
    AnalyzeStackRequest,
    AnalyzerStackConfigureRequest,
    ConfigureAnalyzerRequest,
} from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel } from "@pulumi/policy";
import type { NormalisedResource } from "../model/resource";
import { fromAnalyzeRequest, fromAnalyzerResource } from "../normalise/engine";
import { AnalyzeRequestBytes, StackRequestBytes } from "./request-bytes";

export type EngineRequest = AnalyzeRequest | AnalyzeStackRequest | AnalyzeRequestBytes | StackRequestBytes;

/** What ConfigureStack told the pack about the stack being previewed or updated. */
export interface StackConfiguration {
    project?: string;
    stack?: string;
    dryRun?: boolean;
    /** Stack config as the engine sends it: fully-qualified keys, values as strings. */
    config: Map<string, string>;
    /** Config keys whose values are secret. */
    secretKeys: Set<string>;
}

/** One policy's configuration as the engine sent it (defaults from the config schema already applied). */
export interface PolicyConfiguration {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

const current = new AsyncLocalStorage<EngineRequest>();
let policyConfiguration = new Map<string, PolicyConfiguration>();
let stackConfiguration: StackConfiguration = { config: new Map(), secretKeys: new Set() };
let installed = false;

type Handler = (call: { request: unknown }, callback: (...args: unknown[]) => void) => unknown;

export interface CaptureOptions {
    /**
     * Every policy of the pack is clean-guard's. The policy SDK decodes a resource's inputs into a fresh copy for
     * each policy before calling it (nine per Analyze), and the whole stack once per stack policy (five copies of
     * every resource per AnalyzeStack); clean-guard's policies read the engine's request instead. With this set,
     * the SDK is handed the request without inputs or resources, and the engine's requests are kept as their bytes
     * and read by clean-guard itself (request-bytes.ts). Only for a pack with no policy of its own, which would then
     * see none.
     */
    onlyCleanGuardPolicies?: boolean;
    /**
     * The policies that can remediate a resource (with `onlyCleanGuardPolicies`), each with its own enforcement
     * level. The SDK converts a resource's inputs for Remediate before it looks for a policy at `remediate`; while
     * none is (the usual case), it is handed the resource without them, and answers, as it would, with no change.
     */
    remediations?: ReadonlyMap<string, EnforcementLevel | undefined>;
}

/**
 * Makes the engine's requests visible to clean-guard's policies. Call once, before the PolicyPack is
 * constructed (it starts the gRPC server). Packs that reuse clean-guard's policies call it too.
 */
export function captureEngineRequests(options: CaptureOptions = {}): void {
    if (installed) return;
    installed = true;
    for (const server of grpcServersOfThePolicySdk()) {
        const addService = server.prototype.addService;
        server.prototype.addService = function (service, implementation) {
            if (isAnalyzerService(service)) {
                implementation = wrapAnalyzer(implementation as Record<string, Handler>, options);
                if (options.onlyCleanGuardPolicies) service = readByCleanGuard(service);
            }
            return addService.call(this, service, implementation);
        };
    }
}

/** Whether captureEngineRequests() was called in this process. */
export function capturing(): boolean {
    return installed;
}

/**
 * The gRPC Server class the policy SDK serves with: the SDK's own copy of @grpc/grpc-js when npm installed
 * one beside it, and this package's.
 */
function grpcServersOfThePolicySdk(): Set<typeof grpc.Server> {
    const sdkDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time from the SDK's directory
    const sdkGrpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as typeof grpc;
    return new Set([grpc.Server, sdkGrpc.Server]);
}

function isAnalyzerService(service: grpc.ServiceDefinition): boolean {
    return (service as Record<string, { path?: string }>).analyze?.path === "/pulumirpc.Analyzer/Analyze";
}

function readByCleanGuard(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
    const fromBytes = (bytes: Buffer) => new AnalyzeRequestBytes(bytes);
    return {
        ...service,
        analyze: { ...service.analyze, requestDeserialize: fromBytes },
        remediate: { ...service.remediate, requestDeserialize: fromBytes },
        analyzeStack: { ...service.analyzeStack, requestDeserialize: (bytes: Buffer) => new StackRequestBytes(bytes) },
    };
}

/** The resource of an Analyze or Remediate request, whichever way it was decoded. */
export function requestResource(request: AnalyzeRequest | AnalyzeRequestBytes): NormalisedResource {
    return request instanceof AnalyzeRequestBytes ? request.resource() : fromAnalyzeRequest(request);
}

/** The resources of an AnalyzeStack request, whichever way it was decoded. */
export function stackResources(request: AnalyzeStackRequest | StackRequestBytes): Iterable<NormalisedResource> {
    return request instanceof StackRequestBytes
        ? request.resources()
        : request.getResourcesList().map(fromAnalyzerResource);
}

function wrapAnalyzer(impl: Record<string, Handler>, options: CaptureOptions): grpc.UntypedServiceImplementation {
    const within =
        (handler: Handler, shared = true): Handler =>
        (call, callback) => {
            const request = call.request as EngineRequest;
            if (shared) convertInputsOnce(request as AnalyzeRequest | AnalyzeStackRequest);
            return current.run(request, () => handler(call, callback));
        };
    // When the SDK reads no inputs, clean-guard is the only reader: the conversion would be shared with no one,
    // and its memo would keep a second copy of every resource of a stack alive for the whole call.
    const judged = (handler: Handler): Handler =>
        options.onlyCleanGuardPolicies
            ? within((call, callback) => handler(withoutInputs(call), callback), false)
            : within(handler);
    const configureStack: Handler = (call, callback) => {
        stackConfiguration = readStackConfiguration(call.request as AnalyzerStackConfigureRequest);
        return impl.configureStack(call, callback);
    };
    const configure: Handler = (call, callback) => {
        policyConfiguration = readPolicyConfiguration(call.request as ConfigureAnalyzerRequest);
        return impl.configure(call, callback);
    };
    return {
        ...impl,
        configure,
        analyze: judged(impl.analyze),
        // Remediate's inputs: converted by the SDK once for all its remediations, read by clean-guard from the bytes.
        remediate:
            options.onlyCleanGuardPolicies && options.remediations
                ? remediateWhenAsked(impl.remediate, options.remediations, within)
                : within(impl.remediate, !options.onlyCleanGuardPolicies),
        analyzeStack: judged(impl.analyzeStack),
        configureStack,
    } as grpc.UntypedServiceImplementation;
}

function remediateWhenAsked(
    remediate: Handler,
    remediations: ReadonlyMap<string, EnforcementLevel | undefined>,
    within: (handler: Handler, shared: boolean) => Handler,
): Handler {
    return within(
        (call, callback) => remediate(anyAtRemediate(remediations) ? call : withoutInputs(call), callback),
        false,
    );
}

/**
 * Whether a policy that can remediate runs at `remediate`: at the level the engine's Configure set for it, else at
 * its own (the policy SDK's order; every clean-guard policy has a level of its own, so the pack's never applies).
 */
function anyAtRemediate(remediations: ReadonlyMap<string, EnforcementLevel | undefined>): boolean {
    for (const [name, own] of remediations) {
        if ((policyConfiguration.get(name)?.enforcementLevel ?? own) === "remediate") return true;
    }
    return false;
}

/**
 * The call as the policy SDK sees it: the resource without inputs or provider (Analyze), the stack without
 * resources (AnalyzeStack); what the SDK reads of the call is its request, and of that only these getters
 * (policy SDK server.js, pinned). A view of its own, not a copy or a child object of the engine's request:
 * that request, which clean-guard reads, stays untouched.
 */
function withoutInputs(call: { request: unknown }): { request: unknown } {
    const engine = call.request as EngineRequest;
    if (!("getUrn" in engine)) return { request: { getResourcesList: () => [] } };
    return {
        request: {
            getType: () => engine.getType(),
            getUrn: () => engine.getUrn(),
            getName: () => engine.getName(),
            getOptions: () => engine.getOptions(),
            getProperties: () => NO_INPUTS,
            getProvider: () => undefined,
        },
    };
}

/** The SDK reads a resource's inputs through toJavaScript alone (deserializeProperties). */
const NO_INPUTS = { toJavaScript: () => ({}) };

/**
 * The policy SDK converts a resource's inputs (and its provider's) from protobuf to JavaScript again for every
 * policy it calls: the conversion is done once per request and shared. Safe because every reader copies what it
 * is given (the SDK deserialises into new objects), so no policy can change what another reads. clean-guard
 * decodes the protobuf itself (decodeStruct).
 */
function convertInputsOnce(request: AnalyzeRequest | AnalyzeStackRequest): void {
    const resources = "getResourcesList" in request ? request.getResourcesList() : [request];
    for (const resource of resources) {
        for (const struct of [resource.getProperties(), resource.getProvider()?.getProperties()]) {
            if (!struct) continue;
            const convert = struct.toJavaScript.bind(struct);
            let converted: ReturnType<typeof convert> | undefined;
            struct.toJavaScript = () => (converted ??= convert());
        }
    }
}

function readStackConfiguration(req: AnalyzerStackConfigureRequest): StackConfiguration {
    const config = new Map<string, string>();
    req.getConfigMap().forEach((v, k) => config.set(k, v));
    return {
        project: req.getProject() || undefined,
        stack: req.getStack() || undefined,
        dryRun: req.getDryRun(),
        config,
        secretKeys: new Set(req.getConfigSecretKeysList()),
    };
}

/** In the order of Pulumi's EnforcementLevel enum (analyzer.proto). */
const ENFORCEMENT_LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

function readPolicyConfiguration(req: ConfigureAnalyzerRequest): Map<string, PolicyConfiguration> {
    const out = new Map<string, PolicyConfiguration>();
    req.getPolicyconfigMap().forEach((v, name) => {
        out.set(name, {
            enforcementLevel: ENFORCEMENT_LEVELS[v.getEnforcementlevel()],
            properties: (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
        });
    });
    return out;
}

/** The engine request being served, when the pack captured it. */
export function currentEngineRequest(): EngineRequest | undefined {
    return current.getStore();
}

export function currentStackConfiguration(): StackConfiguration {
    return stackConfiguration;
}

/** Each policy's configuration from the engine's Configure call (empty before it, or when not captured). */
export function currentPolicyConfiguration(): ReadonlyMap<string, PolicyConfiguration> {
    return policyConfiguration;
}
