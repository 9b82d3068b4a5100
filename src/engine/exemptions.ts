// Exemptions are explicit, owned and expiring: a matching live exemption removes a finding, an expired
// one stops exempting and says so, and one that matches nothing is reported so dead ones get cleaned up.

import type { Finding } from "../model/finding";
import type { Placement } from "../model/placement";
import { parseUrn } from "../model/resource";
import type { JudgeContext } from "../policies/define";
import { ExemptionUsage, matchExemption } from "../profile/exemptions";
import type { Exemption } from "../profile/types";

export interface ExemptionReport {
    /** Exemptions that removed at least one finding. */
    used: Exemption[];
    /** Exemptions that matched no finding: candidates for removal. */
    unused: Exemption[];
    /** Findings kept because the exemption that matched them has expired. */
    expired: Array<{ exemption: Exemption; finding: Finding }>;
}

export function applyExemptions(
    findings: Finding[],
    placement: Placement | undefined,
    ctx: JudgeContext,
    now?: Date,
    placements?: ReadonlyMap<string, Placement>,
): { kept: Finding[]; report: ExemptionReport } {
    const usage = new ExemptionUsage(ctx.profile);
    const expired: ExemptionReport["expired"] = [];
    const kept: Finding[] = [];
    for (const finding of findings) {
        const urn = parseUrn(finding.resource.urn);
        // Stryker disable next-line OptionalChaining: every finding comes from a placement the caller passes (its own, or the stack's by URN)
        const tags = (placement ?? placements?.get(finding.resource.urn))?.tags ?? {};
        const match = matchExemption(
            ctx.profile,
            {
                policy: finding.policy,
                urn: finding.resource.urn,
                type: finding.resource.type,
                stack: ctx.stack.stack ?? urn?.stack ?? "",
                project: ctx.stack.project ?? urn?.project ?? "",
                tags,
            },
            // The clock is read once there is a finding to match: most resources have none.
            (now ??= new Date()),
        );
        usage.record(match);
        if (!match) {
            kept.push(finding);
        } else if (match.expired) {
            const { ticket, owner, expires } = match.exemption;
            const note = ` (exemption ${ticket} of ${owner} expired on ${expires}; it no longer applies)`;
            const shown = { ...finding, message: finding.message + note };
            expired.push({ exemption: match.exemption, finding: shown });
            kept.push(shown);
        }
    }
    return { kept, report: { used: usage.used(), unused: usage.unused(), expired } };
}
