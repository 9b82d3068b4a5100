// One path for every source (the engine, a preview's JSON, a stack export, a program under mocks):
// normalised resources -> placements -> verdicts -> findings with messages a user reads once.

import * as path from "node:path";
import type { Catalog } from "../catalog/types";
import type { Ec2Lookups } from "../lookups/index";
import type { Finding, Verdict } from "../model/finding";
import type { Placement } from "../model/placement";
import type { NormalisedResource, StackContext } from "../model/resource";
import { locate } from "../locate/index";
import { locateStack, placedAsAlone } from "../locate/stack";
import type { JudgeContext, PolicyDefinition } from "../policies/define";
import type { CompiledProfile } from "../profile/compile";
import { enrichPlacement, type EnrichOptions } from "./enrich";
import { applyExemptions, type ExemptionReport } from "./exemptions";
import { quotable } from "./quoted-values";

export interface EvaluationOptions {
    policies: readonly PolicyDefinition[];
    /** Compiled once by the caller (the pack's configuration, a CLI run): judging consults it for every resource. */
    profile: CompiledProfile;
    catalog: Catalog;
    lookups?: Ec2Lookups;
    now?: Date;
}

export interface Evaluation {
    findings: Finding[];
    placements: Map<string, Placement>;
    exemptions: ExemptionReport;
}

/** How many resources of a stack are judged at the same time (see evaluateStack). */
const JUDGED_TOGETHER = 1000;

/** Judges one resource on its own, as the engine's Analyze call does: no other resource is known. */
export async function evaluateResource(
    resource: NormalisedResource,
    stack: StackContext,
    options: EvaluationOptions,
): Promise<{ findings: Finding[]; placement: Placement }> {
    const placement = locate(resource, { catalog: options.catalog });
    const ctx = judgeContext(options, stack, stack.phase === "preview");
    if (!ctx.lookupsInStackPass) await enrichPlacement(placement, enrichOptions(options));
    const findings = await judgeAll(placement, ctx, options);
    return { findings: applyExemptions(findings, placement, ctx, options.now).kept, placement };
}

/**
 * Judges a whole stack. `findings` holds everything; `stackOnly` holds what only the stack pass can see
 * (references resolved to other resources, data inherited from a source), i.e. what the per-resource pass
 * did not already report, so that the pack never reports a finding twice.
 */
export async function evaluateStack(
    resources: readonly NormalisedResource[],
    stack: StackContext,
    options: EvaluationOptions,
): Promise<Evaluation & { stackOnly: Finding[] }> {
    const placements = locateStack(resources, { catalog: options.catalog });
    const ctx: JudgeContext = { ...judgeContext(options, stack), placements };
    // What the per-resource pass (the engine's Analyze calls) reported, to report only what it could not see.
    const soloCtx = judgeContext(options, stack, stack.phase === "preview");
    const judgeOne = async (resource: NormalisedResource): Promise<{ findings: Finding[]; stackOnly: Finding[] }> => {
        const placement = placements.get(resource.urn)!;
        const asAlone = judgedAsAlone(placement, soloCtx);
        await enrichPlacement(placement, enrichOptions(options));
        const findings = await judgeAll(placement, ctx, options);
        if (findings.length === 0 || asAlone) return { findings, stackOnly: [] };
        const alone = locate(resource, { catalog: options.catalog });
        // Enriched as the per-resource pass was (from the same cache), so that its findings compare equal.
        if (!soloCtx.lookupsInStackPass) await enrichPlacement(alone, enrichOptions(options));
        const solo = await judgeAll(alone, soloCtx, options);
        const seen = new Set(solo.map(findingKey));
        return { findings, stackOnly: findings.filter((f) => !seen.has(findingKey(f))) };
    };
    // Resources are judged a batch at a time, not one after the other, so that their EC2 lookups land in the
    // same batching window and share calls (one DescribeImages per region per 100 images, not one per
    // resource); a bounded batch keeps memory flat on very large stacks.
    const judged: Array<{ findings: Finding[]; stackOnly: Finding[] }> = [];
    for (let start = 0; start < resources.length; start += JUDGED_TOGETHER) {
        judged.push(...(await Promise.all(resources.slice(start, start + JUDGED_TOGETHER).map(judgeOne))));
    }
    const all = judged.flatMap((j) => j.findings);
    const stackOnly = judged.flatMap((j) => j.stackOnly);
    const exempted = applyExemptions(all, undefined, ctx, options.now, placements);
    const kept = new Set(exempted.kept);
    return {
        findings: exempted.kept,
        stackOnly: stackOnly.filter((f) => kept.has(f)),
        placements,
        exemptions: exempted.report,
    };
}

/** The CLI's entry point: every finding of a stack. */
export async function evaluate(
    resources: readonly NormalisedResource[],
    stack: StackContext,
    options: EvaluationOptions,
): Promise<Evaluation> {
    const { findings, placements, exemptions } = await evaluateStack(resources, stack, options);
    return { findings, placements, exemptions };
}

/**
 * Whether judging the resource alone, as the per-resource pass did, gives what the stack pass gives, so that it
 * need not be judged a second time to tell its stack-only findings apart (read before the placement is enriched).
 * Its placement is what locating it alone makes; policies read other placements only through its copies
 * (classification), which it has none of; and a preview's per-resource pass, which leaves machine images and
 * zone ids to the stack pass's lookups, had none to leave.
 */
function judgedAsAlone(p: Placement, solo: JudgeContext): boolean {
    if (!placedAsAlone(p)) return false;
    if (!solo.lookupsInStackPass) return true;
    return !p.images.some((i) => i.kind === "machine-image") && !p.zoneLookups?.length;
}

function judgeContext(options: EvaluationOptions, stack: StackContext, lookupsInStackPass = false): JudgeContext {
    return { profile: options.profile, catalog: options.catalog, stack, lookupsInStackPass };
}

async function judgeAll(placement: Placement, ctx: JudgeContext, options: EvaluationOptions): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const policy of options.policies) {
        if (ctx.profile.enforcement[policy.name] === "disabled") continue;
        // Most judgements are synchronous: awaited only when pending, a resource does not wait a turn of the
        // event loop per policy.
        const verdicts = judgeSafely(policy, placement, ctx);
        for (const verdict of verdicts instanceof Promise ? await verdicts : verdicts)
            out.push(toFinding(policy, placement, verdict));
    }
    return out;
}

/**
 * A policy that throws (or rejects) must not crash the preview, nor pass: the resource gets a finding at the
 * policy's own level that names the policy and the error.
 */
function judgeSafely(
    policy: PolicyDefinition,
    placement: Placement,
    ctx: JudgeContext,
): Verdict[] | Promise<Verdict[]> {
    try {
        const verdicts = policy.judge(placement, ctx);
        return verdicts instanceof Promise ? verdicts.catch((e: unknown) => crashed(policy, e)) : verdicts;
    } catch (e) {
        return crashed(policy, e);
    }
}

function crashed(policy: PolicyDefinition, e: unknown): Verdict[] {
    return [
        {
            kind: "unverified",
            found: `policy ${policy.name} failed while judging this resource (${describeCrash(e)})`,
            rule: "A resource clean-guard could not judge is not allowed through",
            fix: "report this to the clean-guard maintainers with the resource's type; exempt the resource in the profile meanwhile if it must deploy",
        },
    ];
}

/**
 * A crash by its kind and the place it happened (`TypeError at aws.ts:42`), never by its message: a message
 * may quote the input being judged, and a secret among them.
 */
function describeCrash(e: unknown): string {
    if (!(e instanceof Error)) return `a thrown ${e === null ? "null" : typeof e}`;
    const frame = STACK_FRAME.exec(e.stack?.split("\n")[1] ?? "");
    return frame ? `${e.name} at ${path.basename(frame[1])}:${frame[2]}` : e.name;
}

/** `    at judge (/x/src/policies/vendors.ts:12:5)` or `    at /x/src/policies/vendors.ts:12:5`. */
const STACK_FRAME = /\(?([^\s()]+):(\d+):\d+\)?$/;

export function toFinding(policy: PolicyDefinition, placement: Placement, verdict: Verdict): Finding {
    const { type, name } = placement.resource;
    const fix = verdict.fix ?? policy.remediation;
    const lead = verdict.kind === "unverified" ? "cannot verify: " : "";
    const found = quotable(verdict.found);
    const rule = quotable(verdict.rule);
    const location = verdict.location && { ...verdict.location, name: quotable(verdict.location.name) };
    return {
        ...verdict,
        found,
        rule,
        ...(location ? { location } : {}),
        policy: policy.name,
        resource: placement.resource,
        fix,
        message: `${type} '${quotable(name)}': ${lead}${found}. ${rule}. Fix: ${fix}`,
    };
}

function findingKey(f: Finding): string {
    return `${f.policy}\u0000${f.resource.urn}\u0000${f.message}`;
}

function enrichOptions(options: EvaluationOptions): EnrichOptions {
    return { lookups: options.lookups, mode: options.profile.lookups.ec2, catalog: options.catalog };
}
