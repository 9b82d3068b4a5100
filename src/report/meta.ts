// What every reporter needs besides the evaluation: where the resources came from and what each policy is.

import type { Finding } from "../model/finding";
import type { StackContext } from "../model/resource";
import type { EnforcementLevel } from "../profile/types";

/** A policy's metadata as `src/policies` exports it, with the enforcement level in force for this run. */
export interface PolicyInfo {
    name: string;
    pillar?: string;
    severity?: string;
    description?: string;
    remediation?: string;
    enforcementLevel: EnforcementLevel;
    url?: string;
}

export interface ReportMeta {
    tool: { name: string; version: string };
    source: { path: string; kind: string };
    stack: StackContext;
    resourceCount: number;
    /** By policy name. */
    policies: ReadonlyMap<string, PolicyInfo>;
    /** What the input reader left out (`skipped 2 resources being deleted`). */
    notes: string[];
    generatedAt: Date;
}

/** How loud a finding is: the SARIF level, and what every other format maps to. */
export type ReportLevel = "error" | "warning" | "note";

/**
 * A violation is as loud as its policy's enforcement level; a "cannot verify" that resolves itself at
 * `up` (advisory) is a note. A policy the run does not know is treated as mandatory: fail closed.
 */
export function levelOf(finding: Finding, meta: ReportMeta): ReportLevel {
    if (finding.kind === "unverified" && finding.advisory) return "note";
    const enforcement = meta.policies.get(finding.policy)?.enforcementLevel ?? "mandatory";
    return enforcement === "mandatory" ? "error" : "warning";
}

/** Findings that fail the run: violations of mandatory policies and non-advisory "cannot verify". */
export function isBlocking(finding: Finding, meta: ReportMeta): boolean {
    return levelOf(finding, meta) === "error";
}

export interface Summary {
    resources: number;
    violations: number;
    /** Violations under mandatory policies. */
    mandatory: number;
    unverified: number;
    blocking: number;
}

export function summarise(findings: readonly Finding[], meta: ReportMeta): Summary {
    const summary: Summary = { resources: meta.resourceCount, violations: 0, mandatory: 0, unverified: 0, blocking: 0 };
    for (const f of findings) {
        const blocking = isBlocking(f, meta);
        if (f.kind === "violation") {
            summary.violations++;
            if (blocking) summary.mandatory++;
        } else {
            summary.unverified++;
        }
        if (blocking) summary.blocking++;
    }
    return summary;
}

export function summaryLine(s: Summary): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    return `${plural(s.violations, "violation")} (${s.mandatory} mandatory), ${s.unverified} cannot-verify, ${plural(s.resources, "resource")} scanned`;
}
