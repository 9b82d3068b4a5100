// The part of the engine's Evaluation the reporters read, so that they can be tested without the engine.

import type { Finding } from "../model/finding";
import type { Placement } from "../model/placement";

export interface ReportedEvaluation {
    findings: Finding[];
    /** By URN. */
    placements: ReadonlyMap<string, Placement>;
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
