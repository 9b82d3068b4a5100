// One evaluation per engine request, shared by every policy of the pack: the engine calls each policy for each
// resource, and the resource is located and judged once; each policy then reports its share.

import type { PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { defaultCatalog } from "../catalog/index";
import { evaluateResource, evaluateStack, type EvaluationOptions } from "../engine/evaluate";
import { locate } from "../locate/index";
import { createEc2Lookups, type Ec2Lookups } from "../lookups/index";
import type { Finding } from "../model/finding";
import { parseUrn, type NormalisedResource, type StackContext } from "../model/resource";
import { fromPolicyArgs, rawTarget } from "../normalise/engine";
import type { PolicyDefinition } from "../policies/define";
import { asReported, unverified } from "../policies/unverified";
import { resolveProfile } from "../profile/source";
import type { Exemption, Profile } from "../profile/types";
import { expiryOf } from "../report/evaluation";
import {
    currentEngineRequest,
    currentStackConfiguration,
    requestResource,
    stackResources,
    type EngineRequest,
    type StackConfiguration,
} from "./engine-requests";
import { disabledPolicies, profileConfig } from "./pack-config";

/**
 * Every policy of the pack is called for every resource; the resource is located and judged once per
 * engine request, and each policy reports its share.
 */
export class SharedEvaluation {
    /** The request's findings: pending while the first policy called judges them, then the findings themselves. */
    private readonly byRequest = new WeakMap<EngineRequest, { findings: Promise<Finding[]> | Finding[] }>();
    /** One lookup layer (clients, caches, budget) per run, for the lookup settings in force. */
    private lookups?: { key: string; lookups: Ec2Lookups };
    private current?: EvaluationOptions;

    constructor(
        private readonly definitions: readonly PolicyDefinition[],
        private readonly names: readonly string[],
    ) {}

    reportResource(policy: string, args: ResourceValidationArgs, report: ReportViolation): Promise<void> | void {
        const findings = this.memo(() => {
            const req = currentEngineRequest();
            const resource = req && "getUrn" in req ? requestResource(req) : (warnUncaptured(), fromPolicyArgs(args));
            return this.judgeResource(resource, args.stackTags);
        });
        return this.report(policy, findings, report);
    }

    reportStack(policy: string, args: StackValidationArgs, report: ReportViolation): Promise<void> | void {
        const findings = this.memo(() => {
            const req = currentEngineRequest();
            const resources =
                req && !("getUrn" in req)
                    ? Array.from(stackResources(req))
                    : (warnUncaptured(), args.resources.map((r: PolicyResource) => fromPolicyArgs(r)));
            return this.judgeStack(resources, (args as { stackTags?: ReadonlyMap<string, string> }).stackTags);
        });
        return this.report(policy, findings, report);
    }

    /**
     * Applies a policy's remediation to the engine's own inputs (secrets and unknowns untouched), when the
     * resource's tag input is absent or a plain map; a secret or not-yet-known tag input is left alone.
     */
    remediate(d: PolicyDefinition, args: ResourceValidationArgs): Record<string, unknown> | undefined {
        const req = currentEngineRequest();
        const resource = req && "getUrn" in req ? requestResource(req) : fromPolicyArgs(args);
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

    private memo(run: () => Promise<Finding[]>): Promise<Finding[]> | Finding[] {
        const req = currentEngineRequest();
        if (!req) return run();
        let held = this.byRequest.get(req);
        if (!held) {
            const pending = run();
            const entry: { findings: Promise<Finding[]> | Finding[] } = { findings: pending };
            // Once judged, the findings are handed to the other policies at once, not through a promise each.
            pending.then(
                (judged) => (entry.findings = judged),
                () => undefined,
            );
            this.byRequest.set(req, (held = entry));
        }
        return held.findings;
    }

    private report(
        policy: string,
        findings: Promise<Finding[]> | readonly Finding[],
        report: ReportViolation,
    ): Promise<void> | void {
        if (findings instanceof Promise) return findings.then((judged) => this.report(policy, judged, report));
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
        const { used, unused } = evaluation.exemptions;
        return [
            ...evaluation.stackOnly,
            ...used.map((e) => usedExemption(e, options.profile)),
            ...unused.map((e) => unusedExemption(e, options.profile)),
        ];
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

// Exemption notes are advisory: they change no outcome, but a preview must show who lifted the gate, why
// and until when, and which exemptions hide nothing.
function exemptionNote(urn: string, found: string, rule: string, fix: string): Finding {
    const parsed = parseUrn(urn);
    return {
        policy: unverified.name,
        kind: "unverified",
        advisory: true,
        resource: parsed ? { urn, type: parsed.type, name: parsed.name } : STACK,
        found,
        rule,
        fix,
        message: `${found}; ${fix}`,
    };
}

const STACK = { urn: "", type: "pulumi:pulumi:Stack", name: "stack" };

/** `exemption SEC-42 (owner data-team, expires 2027-01-31) in org.yaml:6`. */
function exemptionHeading(e: Exemption, profile: Profile): string {
    return `exemption ${e.ticket} (owner ${e.owner}, expires ${expiryOf(e)}) in ${e.origin ?? profile.source}`;
}

function usedExemption(e: Exemption, profile: Profile): Finding {
    // A tag exemption lifts one resource's finding: it is shown on that resource.
    const urn = e.urns?.length === 1 && e.urns[0] === e.origin ? e.origin : "";
    return exemptionNote(
        urn,
        `[${e.policies.join(", ")}] lifted by ${exemptionHeading(e, profile)}: ${e.reason}`,
        "An exemption in use is shown so that it is reviewed before it expires",
        `remove it from ${e.origin ?? profile.source} once it is no longer needed`,
    );
}

function unusedExemption(e: Exemption, profile: Profile): Finding {
    return exemptionNote(
        "",
        `${exemptionHeading(e, profile)} matched no finding in this stack`,
        "Exemptions that match nothing hide nothing and should be removed",
        `remove it from ${profile.source}, or correct its patterns`,
    );
}

/** What ConfigureStack says, once per call of it (the engine makes one per run), not once per resource. */
const configuredContexts = new WeakMap<StackConfiguration, Omit<StackContext, "tags">>();

/**
 * The context of the run's resources when ConfigureStack names the project and stack: one object for all of them,
 * so that what is derived from it (the stack's classification) is derived once, not for every resource.
 */
let runContext:
    { configured: StackConfiguration; tags?: ReadonlyMap<string, string>; context: StackContext } | undefined;

function stackContext(urn: string, tags: ReadonlyMap<string, string> | undefined): StackContext {
    const configured = currentStackConfiguration();
    if (runContext?.configured === configured && runContext.tags === tags) return runContext.context;
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
    if (context.project !== undefined && context.stack !== undefined) {
        runContext = { configured, tags, context: { ...context, tags: tags ?? new Map() } };
        return runContext.context;
    }
    // An engine that sends no ConfigureStack still names the project and stack in every URN.
    const parsed = parseUrn(urn);
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
