// The part of the engine's Evaluation the reporters read, so that they can be tested without the engine.

import type { ExemptionReport } from "../engine/exemptions";
import type { Finding } from "../model/finding";
import type { Placement } from "../model/placement";
import type { Exemption } from "../profile/types";

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

export type ExemptionStatus = "used" | "expired" | "matched nothing";

/** What an auditor asks of each exemption in play: what it did this run, and who answers for it until when. */
export function exemptionsInPlay(
    e: ExemptionReport | undefined,
): Array<{ status: ExemptionStatus; exemption: Exemption }> {
    if (!e) return [];
    const expired = [...new Set(e.expired.map((x) => x.exemption))];
    return [
        ...e.used.map((exemption) => ({ status: "used" as const, exemption })),
        ...expired.map((exemption) => ({ status: "expired" as const, exemption })),
        ...e.unused.map((exemption) => ({ status: "matched nothing" as const, exemption })),
    ];
}

/** `SEC-42 (owner data-team, expires 2027-01-31, org.yaml:6): US analytics contract`. */
export function describeExemption(e: Exemption): string {
    const where = e.origin === undefined ? "" : `, ${e.origin}`;
    return `${e.ticket} (owner ${e.owner}, expires ${expiryOf(e)}${where}): ${e.reason}`;
}

/** A tag exemption carries no date: the profile bounds it by listing its policy under tagExemptions. */
export function expiryOf(e: Exemption): string {
    return e.expires === ""
        ? "never (a resource's tag: it holds while the profile's tagExemptions lists the policy)"
        : e.expires;
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
