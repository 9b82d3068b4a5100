// A policy is a page a reviewer reads top to bottom: what it protects and how to fix a breach come first,
// as data; the check comes last and is short, because the locators did the hard work.

import type { Severity } from "@pulumi/policy";
import type { Catalog } from "../catalog/types";
import type { Verdict } from "../model/finding";
import type { Placement } from "../model/placement";
import type { StackContext } from "../model/resource";
import type { CompiledProfile } from "../profile/compile";
import type { EnforcementLevel } from "../profile/types";

/** The Clean Network line a policy serves, or plain data residency. */
export type Pillar = "clean-cloud" | "clean-path" | "clean-carrier" | "clean-apps" | "clean-store" | "data-residency";

export interface JudgeContext {
    profile: CompiledProfile;
    catalog: Catalog;
    stack: StackContext;
    /** Every placement of the stack, by URN: present in the stack pass only. */
    placements?: ReadonlyMap<string, Placement>;
    /**
     * Judging one resource during a preview: outside facts (EC2 images) are looked up in the stack pass, where
     * every resource's share one batch (a cold preview then costs one call per region per 100 images, not one per
     * resource), so the per-resource pass has none yet. At `up`, resources are enriched one by one against the
     * cache the preview filled.
     */
    lookupsInStackPass?: boolean;
}

export interface PolicyDefinition {
    /** Stable, kebab-case, prefixed `clean-guard-` so the pack's policies group together in Pulumi Cloud. */
    name: string;
    pillar: Pillar;
    severity: Severity;
    description: string;
    remediation: string;
    /** Default level; the organisation's profile or Pulumi's policy config may change it. */
    enforcementLevel: EnforcementLevel;
    /** The policy's section of the documentation. */
    url: string;
    /**
     * The policy's verdicts can depend on other resources of the stack (a resource group's location, a
     * replication destination, a copy's source), so it also judges in the engine's AnalyzeStack call. Policies
     * that judge each resource on its own skip that call, which spares the engine's copy of every resource.
     */
    judgesAcrossResources?: boolean;
    /** The verdicts for one resource. Empty means the resource complies. */
    judge(placement: Placement, ctx: JudgeContext): Verdict[] | Promise<Verdict[]>;
    /**
     * Under Pulumi's `remediate` level: a safe, obvious change to the resource's inputs, or undefined. The
     * engine shows every remediation it applies; the resource is then judged as changed.
     */
    remediate?(placement: Placement, ctx: JudgeContext): TagRemediation | undefined;
}

/** Sets one tag (or label) in the resource's tag input, keeping every other input as it is. */
export interface TagRemediation {
    /** The input holding the resource's tags: `tags`, or `labels` on Google Cloud. */
    input: "tags" | "labels";
    key: string;
    value: string;
}

/** Where each policy's section of the README lives; `homepage` in package.json, once published, prefixes it. */
export const DOCS = "README.md#";

export function definePolicy(
    definition: Omit<PolicyDefinition, "enforcementLevel" | "url"> & { enforcementLevel?: EnforcementLevel },
): PolicyDefinition {
    return { enforcementLevel: "mandatory", url: `${DOCS}${definition.name}`, ...definition };
}
