// The part of the engine's Evaluation the reporters read, so that they can be tested without the engine.

import type { ExemptionReport } from "../engine/exemptions";
import type { Finding } from "../model/finding";
import type { Placement } from "../model/placement";

export interface ReportedEvaluation {
    findings: Finding[];
    /** By URN. */
    placements: ReadonlyMap<string, Placement>;
    /** Which of the profile's exemptions removed findings, matched nothing, or have expired. */
    exemptions?: ExemptionReport;
}

/** One line about exemptions for auditors, or nothing when the profile has none in play. */
export function exemptionLine(e: ExemptionReport | undefined): string | undefined {
    if (!e || e.used.length + e.unused.length + e.expired.length === 0) return undefined;
    return `exemptions: ${e.used.length} used, ${e.unused.length} matched nothing, ${e.expired.length} findings kept because their exemption expired`;
}

/** Findings grouped by resource URN, in the order resources were first met. */
export function findingsByResource(findings: readonly Finding[]): Map<string, Finding[]> {
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
        const group = groups.get(f.resource.urn);
        if (group) group.push(f);
        else groups.set(f.resource.urn, [f]);
    }
    return groups;
}
