// The terminal report: one table per resource with findings, its placement above it, a summary below.

import Table from "cli-table3";
import type { Finding } from "../model/finding";
import { describePlacement } from "./describe";
import {
    describeExemption,
    exemptionLine,
    exemptionsInPlay,
    findingsByResource,
    type ReportedEvaluation,
} from "./evaluation";
import { levelOf, summarise, summaryLine, type ReportLevel, type ReportMeta } from "./meta";
import { visibleEvaluation } from "./visible";

export interface TextOptions {
    /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
    color?: boolean;
    /** Terminal width in columns. */
    width?: number;
}

const LABEL: Record<ReportLevel, string> = { error: "BLOCK", warning: "WARN", note: "NOTE" };
const COLOUR: Record<ReportLevel, number> = { error: 31, warning: 33, note: 36 };
/** cli-table3 takes tens of milliseconds per wrapped table: past this many resources, one line per finding keeps a 10,000-resource report to seconds. */
const TABLE_LIMIT = 50;

export function formatText(evaluation: ReportedEvaluation, meta: ReportMeta, options: TextOptions = {}): string {
    evaluation = visibleEvaluation(evaluation);
    const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const width = options.width ?? 120;
    const lines: string[] = [];
    let tables = 0;
    for (const [urn, findings] of findingsByResource(evaluation.findings)) {
        const placement = evaluation.placements.get(urn);
        const first = findings[0].resource;
        if (tables === TABLE_LIMIT)
            lines.push(`(tables for the first ${TABLE_LIMIT} resources; one line per finding from here on)`);
        if (tables++ < TABLE_LIMIT) {
            lines.push(paint(1, placement ? describePlacement(placement) : `${first.type} '${first.name}'`));
            lines.push(findingTable(findings, meta, width, paint));
        } else {
            for (const f of findings) {
                const level = levelOf(f, meta);
                lines.push(
                    `${paint(COLOUR[level], LABEL[level])} ${f.policy} ${first.type} '${first.name}': ${kindOf(f)}${f.found}`,
                );
            }
        }
    }
    const summary = summarise(evaluation.findings, meta);
    lines.push(paint(summary.blocking > 0 ? 31 : 32, summaryLine(summary)));
    const exemptions = exemptionLine(evaluation.exemptions);
    if (exemptions) lines.push(exemptions);
    for (const { status, exemption } of exemptionsInPlay(evaluation.exemptions))
        lines.push(`  ${status}: ${describeExemption(exemption)}`);
    for (const note of meta.notes) lines.push(`note: ${note}`);
    return lines.join("\n") + "\n";
}

function findingTable(
    findings: readonly Finding[],
    meta: ReportMeta,
    width: number,
    paint: (code: number, s: string) => string,
): string {
    const levelWidth = 7;
    const policyWidth = 38;
    const table = new Table({
        head: ["level", "policy", "finding"],
        // Below 40 columns a finding is unreadable: a narrow terminal wraps the table rather than the text.
        colWidths: [levelWidth, policyWidth, Math.max(width - levelWidth - policyWidth - 4, 40)],
        wordWrap: true,
        style: { head: [], border: [] },
    });
    for (const f of findings) {
        const level = levelOf(f, meta);
        const fix = f.fix ? `\nfix: ${f.fix}` : "";
        table.push([paint(COLOUR[level], LABEL[level]), f.policy, `${kindOf(f)}${f.found}\n${f.rule}${fix}`]);
    }
    return table.toString();
}

function kindOf(f: Finding): string {
    return f.kind === "unverified" ? "cannot verify: " : "";
}
