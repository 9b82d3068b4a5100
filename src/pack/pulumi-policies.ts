// Turns clean-guard's policy definitions into Pulumi CrossGuard policies. One place holds the plumbing
// (metadata, config schema, enforcement, "cannot verify" routing, the shared per-request evaluation) so
// that no policy file repeats it.

import type {
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { AnalyzeRequest, AnalyzeStackRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { defaultCatalog } from "../catalog/index";
import { createEc2Lookups, type Ec2Lookups } from "../lookups/index";
import { evaluateResource, evaluateStack, type EvaluationOptions } from "../engine/evaluate";
import type { Finding } from "../model/finding";
import { parseUrn, type NormalisedResource, type StackContext } from "../model/resource";
import { locate } from "../locate/index";
import { fromAnalyzeRequest, fromAnalyzerResource, fromPolicyArgs, rawTarget } from "../normalise/engine";
import type { PolicyDefinition } from "../policies/define";
import { asReported, unverified } from "../policies/unverified";
import { profileConfigSchema, resolveProfile } from "../profile/source";
import type { EnforcementLevel, Profile } from "../profile/types";
import {
    currentEngineRequest,
    currentPolicyConfiguration,
    currentStackConfiguration,
    type EngineRequest,
    type PolicyConfiguration,
    type StackConfiguration,
} from "./engine-requests";

/** The advisory companion that carries the other policies' "cannot verify" findings that need not block. */
export const UNVERIFIED_POLICY = unverified.name;

type PackPolicy = ResourceValidationPolicy & Partial<StackValidationPolicy>;

export interface PackOptions {
    /** The profile known at start (CLEAN_GUARD_PROFILE), whose enforcement levels become the policies' defaults. */
    startProfile?: Profile;
}

export function toPulumiPolicies(definitions: readonly PolicyDefinition[], options: PackOptions = {}): Policy[] {
    const names = [...definitions.map((d) => d.name), UNVERIFIED_POLICY];
    const shared = new SharedEvaluation(definitions, names);
    const levelOf = (name: string, fallback: EnforcementLevel) => options.startProfile?.enforcement[name] ?? fallback;
    const policies: PackPolicy[] = definitions.map((d) => ({
        name: d.name,
        description: d.description,
        enforcementLevel: levelOf(d.name, d.enforcementLevel),
        severity: d.severity,
        remediationSteps: d.remediation,
        url: absoluteUrl(d.url),
        configSchema: { properties: profileConfigSchema },
        validateResource: (args, report) => shared.reportResource(d.name, args, report),
        ...(d.judgesAcrossResources
            ? {
                  validateStack: (args: StackValidationArgs, report: ReportViolation) =>
                      shared.reportStack(d.name, args, report),
              }
            : {}),
        ...(d.remediate ? { remediateResource: (args: ResourceValidationArgs) => shared.remediate(d, args) } : {}),
    }));
    policies.push({
        name: unverified.name,
        description: unverified.description,
        enforcementLevel: levelOf(unverified.name, unverified.enforcementLevel),
        severity: unverified.severity,
        remediationSteps: unverified.remediation,
        url: absoluteUrl(unverified.url),
        configSchema: { properties: profileConfigSchema },
        validateResource: (args, report) => shared.reportResource(UNVERIFIED_POLICY, args, report),
        validateStack: (args, report) => shared.reportStack(UNVERIFIED_POLICY, args, report),
    });
    return policies;
}

/**
 * Every policy of the pack is called for every resource; the resource is located and judged once per
 * engine request, and each policy reports its share.
 */
class SharedEvaluation {
    private readonly byRequest = new WeakMap<EngineRequest, Promise<Finding[]>>();
    /** One lookup layer (clients, caches, budget) per run, for the lookup settings in force. */
    private lookups?: { key: string; lookups: Ec2Lookups };
    private current?: EvaluationOptions;

    constructor(
        private readonly definitions: readonly PolicyDefinition[],
        private readonly names: readonly string[],
    ) {}

    async reportResource(policy: string, args: ResourceValidationArgs, report: ReportViolation): Promise<void> {
        const findings = await this.memo(() => {
            const req = currentEngineRequest();
            const resource =
                req && "getUrn" in req
                    ? fromAnalyzeRequest(req as AnalyzeRequest)
                    : (warnUncaptured(), fromPolicyArgs(args));
            return this.judgeResource(resource, args.stackTags);
        });
        this.report(policy, findings, report);
    }

    async reportStack(policy: string, args: StackValidationArgs, report: ReportViolation): Promise<void> {
        const findings = await this.memo(() => {
            const req = currentEngineRequest();
            const resources =
                req && "getResourcesList" in req
                    ? (req as AnalyzeStackRequest).getResourcesList().map(fromAnalyzerResource)
                    : (warnUncaptured(), args.resources.map((r: PolicyResource) => fromPolicyArgs(r)));
            return this.judgeStack(resources, (args as { stackTags?: ReadonlyMap<string, string> }).stackTags);
        });
        this.report(policy, findings, report);
    }

    /**
     * Applies a policy's remediation to the engine's own inputs (secrets and unknowns untouched), when the
     * resource's tag input is absent or a plain map; a secret or not-yet-known tag input is left alone.
     */
    remediate(d: PolicyDefinition, args: ResourceValidationArgs): Record<string, unknown> | undefined {
        const req = currentEngineRequest();
        const resource = req && "getUrn" in req ? fromAnalyzeRequest(req as AnalyzeRequest) : fromPolicyArgs(args);
        const options = this.options();
        const placement = locate(resource, { catalog: options.catalog });
        const stack = stackContext(resource.urn, args.stackTags);
        const change = d.remediate?.(placement, { ...options, stack });
        if (!change) return undefined;
        const inputs = rawTarget(args.props) as Record<string, unknown>;
        const tags = inputs[change.input];
        if (tags !== undefined && !isPlainMap(tags)) return undefined;
        return { ...inputs, [change.input]: { ...tags, [change.key]: change.value } };
    }

    private memo(run: () => Promise<Finding[]>): Promise<Finding[]> {
        const req = currentEngineRequest();
        if (!req) return run();
        let pending = this.byRequest.get(req);
        if (!pending) {
            pending = run();
            this.byRequest.set(req, pending);
        }
        return pending;
    }

    private report(policy: string, findings: readonly Finding[], report: ReportViolation): void {
        const disabled = disabledPolicies();
        for (const f of findings) {
            const shown = asReported(f);
            if (shown.policy !== policy || disabled.has(f.policy)) continue;
            report(shown.message, f.resource.urn);
        }
    }

    private async judgeResource(resource: NormalisedResource, tags?: ReadonlyMap<string, string>): Promise<Finding[]> {
        const stack = stackContext(resource.urn, tags);
        return (await evaluateResource(resource, stack, this.options())).findings;
    }

    private async judgeStack(resources: NormalisedResource[], tags?: ReadonlyMap<string, string>): Promise<Finding[]> {
        const options = this.options();
        const stack = stackContext(resources[0]?.urn ?? "", tags);
        const evaluation = await evaluateStack(resources, stack, options);
        const unused = evaluation.exemptions.unused.map((e) => unusedExemption(e.ticket, options.profile));
        return [...evaluation.stackOnly, ...unused];
    }

    /** Derived again only when the profile in force changes (resolveProfile returns the same one until then). */
    private options(): EvaluationOptions {
        const catalog = defaultCatalog();
        const profile = resolveProfile(profileConfig(), process.env, catalog, this.names);
        if (this.current?.profile === profile && this.current.catalog === catalog) return this.current;
        const key = JSON.stringify(profile.lookups);
        if (this.lookups?.key !== key) this.lookups = { key, lookups: createEc2Lookups(profile.lookups) };
        this.current = { policies: this.definitions, profile, catalog, lookups: this.lookups.lookups };
        return this.current;
    }
}

interface PackConfiguration {
    /** The profile settings of the pack: the one policy config (any policy) that names them; all must agree. */
    profile?: Record<string, unknown>;
    /** Why the profile settings are unusable: two policies name different ones. */
    conflict?: string;
    disabled: Set<string>;
}

/** Derived once per Configure call (the engine sends it once per run), not on every request. */
const derived = new WeakMap<ReadonlyMap<string, PolicyConfiguration>, PackConfiguration>();

function packConfiguration(): PackConfiguration {
    const configuration = currentPolicyConfiguration();
    let out = derived.get(configuration);
    if (out) return out;
    out = { disabled: new Set() };
    let chosen: { policy: string; key: string } | undefined;
    for (const [policy, { properties, enforcementLevel }] of configuration) {
        if (enforcementLevel === "disabled") out.disabled.add(policy);
        const config = { profile: properties.profile, settings: properties.settings };
        if (config.profile === undefined && config.settings === undefined) continue;
        const key = JSON.stringify(config);
        if (chosen && chosen.key !== key && !out.conflict) {
            out.conflict = `clean-guard policy config: '${chosen.policy}' and '${policy}' name different profiles; set 'profile'/'settings' the same on every clean-guard policy, or on one only`;
        }
        if (!chosen) {
            chosen = { policy, key };
            out.profile = config;
        }
    }
    derived.set(configuration, out);
    return out;
}

function profileConfig(): Record<string, unknown> | undefined {
    const { profile, conflict } = packConfiguration();
    if (conflict) throw new Error(conflict);
    return profile;
}

function disabledPolicies(): Set<string> {
    return packConfiguration().disabled;
}

function unusedExemption(ticket: string, profile: Profile): Finding {
    return {
        policy: UNVERIFIED_POLICY,
        kind: "unverified",
        advisory: true,
        resource: { urn: "", type: "pulumi:pulumi:Stack", name: "stack" },
        found: `exemption ${ticket} in ${profile.source} matched no finding in this stack`,
        rule: "Exemptions that match nothing hide nothing and should be removed",
        fix: `remove exemption ${ticket} from ${profile.source}, or correct its patterns`,
        message: `exemption ${ticket} in ${profile.source} matched no finding in this stack; remove it or correct its patterns`,
    };
}

/** What ConfigureStack says, once per call of it (the engine makes one per run), not once per resource. */
const configuredContexts = new WeakMap<StackConfiguration, Omit<StackContext, "tags">>();

function stackContext(urn: string, tags: ReadonlyMap<string, string> | undefined): StackContext {
    const configured = currentStackConfiguration();
    let context = configuredContexts.get(configured);
    if (!context) {
        context = {
            project: configured.project,
            stack: configured.stack,
            config: new Map([...configured.config].filter(([k]) => !configured.secretKeys.has(k))),
            phase: configured.dryRun === undefined ? "unknown" : configured.dryRun ? "preview" : "update",
        };
        configuredContexts.set(configured, context);
    }
    // An engine that sends no ConfigureStack still names the project and stack in every URN.
    const parsed = context.project === undefined || context.stack === undefined ? parseUrn(urn) : undefined;
    return {
        ...context,
        project: context.project ?? parsed?.project,
        stack: context.stack ?? parsed?.stack,
        tags: tags ?? new Map(),
    };
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

let warnedUncaptured = false;

/** Without the engine's own request, secrets arrive opened: say so once rather than degrade silently. */
function warnUncaptured(): void {
    if (warnedUncaptured) return;
    warnedUncaptured = true;
    process.stderr.write(
        "clean-guard: the engine's requests are not captured (call captureEngineRequests() before constructing the PolicyPack); secret inputs cannot be told apart and unknown values are read through the policy SDK\n",
    );
}

/** Pulumi Cloud links a policy's `url`: only an absolute URL is worth sending. */
function absoluteUrl(url: string | undefined): string | undefined {
    return url && URL.canParse(url) ? url : undefined;
}
