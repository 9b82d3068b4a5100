// JUnit XML for CI dashboards: one testsuite per policy, one testcase per finding (a violation is a
// failure, a blocking "cannot verify" an error, an advisory one skipped) and one passing testcase for a
// policy without findings, so that every policy shows.

import type { Finding } from "../model/finding";
import { describeExemption, exemptionsInPlay, type ReportedEvaluation } from "./evaluation";
import { levelOf, type ReportMeta } from "./meta";
import { escapeMarkup as esc } from "./xml";
import { visibleEvaluation } from "./visible";

const EXEMPTIONS_SUITE = "clean-guard exemptions";

interface Counts {
    tests: number;
    failures: number;
    errors: number;
    skipped: number;
}

export function formatJunit(evaluation: ReportedEvaluation, meta: ReportMeta): string {
    evaluation = visibleEvaluation(evaluation);
    const byPolicy = new Map<string, Finding[]>([...meta.policies.keys()].map((name) => [name, []]));
    for (const f of evaluation.findings) {
        const group = byPolicy.get(f.policy);
        if (group) group.push(f);
        else byPolicy.set(f.policy, [f]);
    }
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const suites: string[] = [];
    for (const [policy, findings] of byPolicy) {
        const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
        const cases = findings.map((f) => testcase(f, meta, counts));
        if (findings.length === 0) {
            counts.tests++;
            cases.push(`    <testcase classname="${esc(policy)}" name="${esc(`${meta.resourceCount} resources`)}"/>`);
        }
        for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += counts[key];
        suites.push(`  <testsuite name="${esc(policy)}" ${attributes(counts)}>\n${cases.join("\n")}\n  </testsuite>`);
    }
    const exemptions = exemptionsInPlay(evaluation.exemptions);
    if (exemptions.length > 0) {
        // The exemptions pass: their findings, if any are kept, fail under their own policies.
        const counts: Counts = { tests: exemptions.length, failures: 0, errors: 0, skipped: 0 };
        total.tests += counts.tests;
        const cases = exemptions.map(
            ({ status, exemption }) =>
                `    <testcase classname="${EXEMPTIONS_SUITE}" name="${esc(`exemption ${exemption.ticket}`)}">\n      <system-out>${esc(`${status}: ${describeExemption(exemption)}`)}</system-out>\n    </testcase>`,
        );
        suites.push(
            `  <testsuite name="${EXEMPTIONS_SUITE}" ${attributes(counts)}>\n${cases.join("\n")}\n  </testsuite>`,
        );
    }
    const name = `${meta.tool.name} ${meta.stack.project ?? ""}/${meta.stack.stack ?? ""}`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(name)}" ${attributes(total)}>\n${suites.join("\n")}\n</testsuites>\n`;
}

function testcase(f: Finding, meta: ReportMeta, counts: Counts): string {
    counts.tests++;
    const open = `    <testcase classname="${esc(f.policy)}" name="${esc(`${f.resource.type} '${f.resource.name}'`)}">`;
    const body = `${f.message}\nresource: ${f.resource.urn}`;
    let outcome: string;
    if (f.kind === "violation") {
        counts.failures++;
        outcome = `<failure type="violation" message="${esc(f.found)}">${esc(body)}</failure>`;
    } else if (levelOf(f, meta) === "error") {
        counts.errors++;
        outcome = `<error type="unverified" message="${esc(f.found)}">${esc(body)}</error>`;
    } else {
        counts.skipped++;
        outcome = `<skipped message="${esc(`cannot verify: ${f.found}`)}"/>`;
    }
    return `${open}\n      ${outcome}\n    </testcase>`;
}

function attributes(c: Counts): string {
    return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}
