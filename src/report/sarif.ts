// SARIF 2.1.0 (OASIS): one rule per policy, one result per finding, the resource URN as logical location.

import { exemptionsInPlay, type ReportedEvaluation } from "./evaluation";
import { levelOf, type PolicyInfo, type ReportMeta } from "./meta";

export const SARIF_SCHEMA_URI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

export function formatSarif(evaluation: ReportedEvaluation, meta: ReportMeta): string {
    const policies = new Map(meta.policies);
    // A finding of a policy the metadata does not list still gets a rule, so every result has one.
    for (const f of evaluation.findings) {
        if (!policies.has(f.policy)) policies.set(f.policy, { name: f.policy, enforcementLevel: "mandatory" });
    }
    const ruleIndex = new Map([...policies.keys()].map((name, i) => [name, i]));
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: meta.tool.name,
                        version: meta.tool.version,
                        rules: [...policies.values()].map(rule),
                    },
                },
                artifacts: [
                    {
                        location: { uri: artifactUri(meta.source.path) },
                        description: { text: `${meta.source.kind} input` },
                    },
                ],
                results: evaluation.findings.map((f) => ({
                    ruleId: f.policy,
                    ruleIndex: ruleIndex.get(f.policy),
                    level: levelOf(f, meta),
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: { artifactLocation: { uri: artifactUri(meta.source.path), index: 0 } },
                            logicalLocations: [
                                { name: f.resource.name, fullyQualifiedName: f.resource.urn, kind: "resource" },
                            ],
                        },
                    ],
                    properties: {
                        kind: f.kind,
                        advisory: f.advisory === true,
                        resourceType: f.resource.type,
                        found: f.found,
                        rule: f.rule,
                        fix: f.fix,
                    },
                })),
                properties: {
                    project: meta.stack.project,
                    stack: meta.stack.stack,
                    phase: meta.stack.phase,
                    notes: meta.notes,
                    exemptions: exemptionsInPlay(evaluation.exemptions).map(({ status, exemption }) => ({
                        status,
                        ...exemption,
                    })),
                },
            },
        ],
    };
    return JSON.stringify(log, null, 2) + "\n";
}

function rule(p: PolicyInfo) {
    return {
        id: p.name,
        name: p.name,
        shortDescription: { text: p.description ?? p.name },
        help: p.remediation ? { text: p.remediation } : undefined,
        // SARIF requires an absolute URI; a docs pointer into the README is not one.
        helpUri: p.url && URL.canParse(p.url) ? p.url : undefined,
        defaultConfiguration: {
            level:
                p.enforcementLevel === "mandatory" ? "error" : p.enforcementLevel === "disabled" ? "none" : "warning",
            enabled: p.enforcementLevel !== "disabled",
        },
        properties: {
            pillar: p.pillar,
            severity: p.severity,
            enforcementLevel: p.enforcementLevel,
            tags: p.pillar ? [p.pillar] : [],
        },
    };
}

/** A relative URI reference for a path, as SARIF requires (forward slashes, percent-encoded). */
function artifactUri(path: string): string {
    return encodeURI(path.replace(/\\/g, "/"));
}
