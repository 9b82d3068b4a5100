// The machine-readable report. Its shape is a contract (schema `clean-guard-report/1`):
//
// {
//   "schema": "clean-guard-report/1",
//   "tool":   { "name", "version" },
//   "source": { "path", "kind": "preview" | "export" | "program" },
//   "stack":  { "project"?, "stack"?, "phase" },
//   "generatedAt": ISO 8601 time,
//   "summary": { "resources", "violations", "mandatory", "unverified", "blocking" },
//   "findings": [ { "policy", "kind": "violation" | "unverified", "level": "error" | "warning" | "note",
//                   "advisory", "resource": { "urn", "type", "name" }, "message", "found", "rule", "fix"?,
//                   "location"? } ],
//   "placements": [ Placement (src/model/placement.ts), secret values replaced by "[secret]" ],
//   "exemptions": { "used": [Exemption], "unused": [Exemption], "expired": [{ "exemption", "finding" }] }
//                 (src/profile/types.ts; absent when the evaluation reports none; a resource's exemption tag is
//                 used with ticket and owner naming the tag, origin its URN and expires "": it holds while the
//                 profile's tagExemptions lists the policy),
//   "notes": [ string ]
// }
// Fields are only ever added; a breaking change gets a new schema id.

import { maskLocation, maskPlacement } from "./mask";
import type { ReportedEvaluation } from "./evaluation";
import { levelOf, summarise, type ReportMeta } from "./meta";

export const JSON_REPORT_SCHEMA = "clean-guard-report/1";

export function formatJson(evaluation: ReportedEvaluation, meta: ReportMeta): string {
    const report = {
        schema: JSON_REPORT_SCHEMA,
        tool: meta.tool,
        source: meta.source,
        stack: { project: meta.stack.project, stack: meta.stack.stack, phase: meta.stack.phase },
        generatedAt: meta.generatedAt.toISOString(),
        summary: summarise(evaluation.findings, meta),
        findings: evaluation.findings.map((f) => ({
            policy: f.policy,
            kind: f.kind,
            level: levelOf(f, meta),
            advisory: f.advisory === true,
            resource: f.resource,
            message: f.message,
            found: f.found,
            rule: f.rule,
            fix: f.fix,
            location: f.location && maskLocation(f.location),
        })),
        placements: [...evaluation.placements.values()].map(maskPlacement),
        exemptions: evaluation.exemptions,
        notes: meta.notes,
    };
    return JSON.stringify(report, null, 2) + "\n";
}
