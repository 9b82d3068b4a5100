// Turns clean-guard's policy definitions into Pulumi CrossGuard policies: metadata, config schema and
// enforcement in one place, so that no policy file repeats them. The evaluation they share is
// shared-evaluation.ts; the pack's configuration, pack-config.ts.

import type {
    Policy,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyDefinition } from "../policies/define";
import { unverified } from "../policies/unverified";
import { profileConfigSchema } from "../profile/source";
import type { EnforcementLevel, Profile } from "../profile/types";
import { SharedEvaluation } from "./shared-evaluation";

/** The advisory companion that carries the other policies' "cannot verify" findings that need not block, and the exemption notes. */
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

/** The policies that can remediate a resource, each with its own enforcement level (captureEngineRequests). */
export function remediationLevels(policies: readonly Policy[]): Map<string, EnforcementLevel | undefined> {
    return new Map(policies.filter((p) => "remediateResource" in p).map((p) => [p.name, p.enforcementLevel]));
}

/** Pulumi Cloud links a policy's `url`: only an absolute URL is worth sending. */
function absoluteUrl(url: string | undefined): string | undefined {
    return url && URL.canParse(url) ? url : undefined;
}
