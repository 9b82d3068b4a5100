// A self-contained HTML report for auditors: where each resource's data lives on a world map (markers
// coloured by verdict, lines from primary to secondary locations) beside the findings table. No script,
// no external resource; every dynamic string is escaped.

import type { Finding } from "../model/finding";
import type { Location, Placement } from "../model/placement";
import { describePlacement } from "./describe";
import { exemptionsInPlay, expiryOf, findingsByResource, type ReportedEvaluation } from "./evaluation";
import { maskLocation } from "./mask";
import { levelOf, summarise, summaryLine, type ReportMeta } from "./meta";
import { renderWorldMap, type MapLink, type MapMarker, type Verdict } from "./world-map";
import { escapeMarkup as esc } from "./xml";
import { visibleEvaluation } from "./visible";

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
.layout { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.map { flex: 1 1 560px; } .findings { flex: 1 1 480px; overflow-x: auto; }
svg.world { width: 100%; height: auto; background: #f4f7fb; }
.sphere { fill: #dde8f3; } .country { fill: #fff; stroke: #9aa; stroke-width: 0.4; }
.marker { stroke: #222; stroke-width: 1; } .link { fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; }
.verdict-violation { fill: #d32f2f; stroke: #d32f2f; } .verdict-unverified { fill: #f9a825; stroke: #f9a825; }
.verdict-ok { fill: #2e7d32; stroke: #2e7d32; } circle.marker { stroke: #222; } path.link { fill: none; }
span.verdict-violation { color: #d32f2f; } span.verdict-unverified { color: #b27800; } span.verdict-ok { color: #2e7d32; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
td.level-error { color: #b71c1c; font-weight: bold; } td.level-warning { color: #e65100; } td.level-note { color: #555; }
.placement { font-family: ui-monospace, monospace; font-size: 12px; color: #444; }
`;

export async function formatHtml(evaluation: ReportedEvaluation, meta: ReportMeta): Promise<string> {
    evaluation = visibleEvaluation(evaluation);
    const { markers, links } = mapOf(evaluation);
    const svg = await renderWorldMap(markers, links);
    const summary = summaryLine(summarise(evaluation.findings, meta));
    const title = `clean-guard report: ${meta.stack.project ?? "?"}/${meta.stack.stack ?? "?"}`;
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="summary">${esc(summary)}</p>
<p class="source">${esc(`${meta.source.kind} ${meta.source.path}, ${meta.tool.name} ${meta.tool.version}, ${meta.generatedAt.toISOString()}`)}</p>
${meta.notes.map((n) => `<p class="note">${esc(n)}</p>`).join("\n")}
<div class="layout">
<div class="map">${svg}<p>Markers: <span class="verdict-violation">&#9679; violation</span>, <span class="verdict-unverified">&#9679; cannot verify</span>, <span class="verdict-ok">&#9679; no finding</span>; dashed lines lead from a resource's primary location to its copies.</p></div>
<div class="findings">${findingsTable(evaluation, meta)}</div>
</div>
${exemptionsTable(evaluation)}
</body></html>
`;
}

function findingsTable(evaluation: ReportedEvaluation, meta: ReportMeta): string {
    const rows: string[] = [];
    for (const [urn, findings] of findingsByResource(evaluation.findings)) {
        const placement = evaluation.placements.get(urn);
        const heading = placement
            ? describePlacement(placement)
            : `${findings[0].resource.type} '${findings[0].resource.name}'`;
        rows.push(`<tr><td colspan="3" class="placement">${esc(heading)}</td></tr>`);
        for (const f of findings) {
            const level = levelOf(f, meta);
            const fix = f.fix ? `<br>fix: ${esc(f.fix)}` : "";
            const kind = f.kind === "unverified" ? "cannot verify: " : "";
            rows.push(
                `<tr><td class="level-${level}">${level}</td><td>${esc(f.policy)}</td><td>${esc(kind + f.found)}<br>${esc(f.rule)}${fix}</td></tr>`,
            );
        }
    }
    if (rows.length === 0) return "<p>No findings.</p>";
    return `<table><thead><tr><th>level</th><th>policy</th><th>finding</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function exemptionsTable(evaluation: ReportedEvaluation): string {
    const rows = exemptionsInPlay(evaluation.exemptions).map(({ status, exemption: e }) =>
        [status, e.ticket, e.owner, expiryOf(e), e.reason, e.origin ?? ""]
            .map((cell) => `<td>${esc(cell)}</td>`)
            .join(""),
    );
    if (rows.length === 0) return "";
    return `<h2>Exemptions</h2>\n<table class="exemptions"><thead><tr><th>status</th><th>ticket</th><th>owner</th><th>expires</th><th>reason</th><th>written at</th></tr></thead><tbody>\n${rows.map((r) => `<tr>${r}</tr>`).join("\n")}\n</tbody></table>`;
}

/** One marker per location of every placement; a finding without a location is about the primary one. */
function mapOf(evaluation: ReportedEvaluation): { markers: MapMarker[]; links: MapLink[] } {
    const byResource = findingsByResource(evaluation.findings);
    const markers: MapMarker[] = [];
    const links: MapLink[] = [];
    for (const placement of evaluation.placements.values()) {
        const findings = byResource.get(placement.resource.urn) ?? [];
        const own = placement.locations.map((raw, i): MapMarker => {
            const where = maskLocation(raw);
            const verdict = verdictOf(
                findings.filter((f) => (f.location ? sameLocation(f.location, raw) : raw.role === "primary")),
            );
            return {
                key: `${placement.resource.urn}#${i}`,
                countries: where.countries,
                verdict,
                label: labelOf(placement, where, verdict),
            };
        });
        markers.push(...own);
        const isPrimary = (i: number) => placement.locations[i].role === "primary";
        own.forEach((from, i) => {
            if (!isPrimary(i)) return;
            own.forEach((to, j) => {
                if (!isPrimary(j)) links.push({ from: from.key, to: to.key, verdict: to.verdict });
            });
        });
    }
    return { markers, links };
}

function sameLocation(a: Location, b: Location): boolean {
    return a.role === b.role && a.name === b.name && a.path === b.path;
}

function verdictOf(findings: readonly Finding[]): Verdict {
    if (findings.some((f) => f.kind === "violation")) return "violation";
    return findings.length > 0 ? "unverified" : "ok";
}

function labelOf(p: Placement, l: Location, verdict: Verdict): string {
    return `${p.resource.type} '${p.resource.name}': ${l.role} ${l.name} (${l.countries.join(", ") || "country unknown"}): ${verdict}`;
}
