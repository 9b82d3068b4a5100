// `clean-guard scan`: read what Pulumi produced, evaluate it as the pack would, and prepare the report.

import { defaultCatalog } from "../catalog/index";
import { evaluate, type Evaluation } from "../engine/evaluate";
import { createEc2Lookups } from "../lookups/index";
import { readInput } from "../inputs/detect";
import type { InputKind } from "../inputs/scan-input";
import { allPolicies } from "../policies/index";
import { asReported, unverified } from "../policies/unverified";
import { defaultProfile, loadProfile } from "../profile/load";
import type { Profile } from "../profile/types";
import { summarise, type PolicyInfo, type ReportMeta } from "../report/meta";
import { packageVersion } from "./package-info";
import type { Progress } from "./progress";

export interface ScanOptions {
    kind?: InputKind;
    /** Stack of a program directory. */
    stack?: string;
    /** Profile YAML; the built-in default when absent. */
    profile?: string;
    /** Stack tags the JSON formats do not carry (`data-residency=eu`). */
    stackTags?: ReadonlyMap<string, string>;
    progress?: Progress;
}

export interface ScanResult {
    evaluation: Evaluation;
    meta: ReportMeta;
    /** Findings that fail the run (exit code 1). */
    blocking: number;
}

export async function scan(target: string, options: ScanOptions = {}): Promise<ScanResult> {
    const progress = options.progress;
    progress?.stage(`reading ${target}`);
    const input = await readInput(target, { kind: options.kind, stack: options.stack });
    const stack = { ...input.stack, tags: new Map([...input.stack.tags, ...(options.stackTags ?? [])]) };

    progress?.stage("loading catalog and profile");
    const catalog = defaultCatalog();
    const profile = options.profile
        ? loadProfile({ path: options.profile }, catalog, [...allPolicies.map((p) => p.name), unverified.name])
        : defaultProfile(catalog);

    progress?.stage(`judging ${input.resources.length} resources`);
    // Machine images are looked up in EC2 as the pack does (off without AWS credentials, per `lookups.ec2`).
    const lookups = createEc2Lookups(profile.lookups);
    const judged = await evaluate(input.resources, stack, { policies: allPolicies, profile, catalog, lookups });
    const evaluation = { ...judged, findings: judged.findings.map(asReported) };
    const meta: ReportMeta = {
        tool: { name: "clean-guard", version: packageVersion() },
        source: { path: target, kind: input.kind },
        stack,
        resourceCount: input.resources.length,
        policies: policyInfo(profile),
        notes: input.notes,
        generatedAt: new Date(),
    };
    return { evaluation, meta, blocking: summarise(evaluation.findings, meta).blocking };
}

/** Each policy's metadata with the enforcement level the profile sets for this run. */
function policyInfo(profile: Profile): Map<string, PolicyInfo> {
    const info = (p: typeof unverified, pillar?: string): [string, PolicyInfo] => [
        p.name,
        {
            name: p.name,
            pillar,
            severity: p.severity,
            description: p.description,
            remediation: p.remediation,
            url: p.url,
            enforcementLevel: profile.enforcement[p.name] ?? p.enforcementLevel,
        },
    ];
    return new Map([...allPolicies.map((p) => info(p, p.pillar)), info(unverified)]);
}
