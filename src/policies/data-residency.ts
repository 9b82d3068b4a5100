import type { Verdict } from "../model/finding";
import type { Location, Placement } from "../model/placement";
import type { CompiledProfile } from "../profile/compile";
import {
    classificationOf,
    ownClassificationKey,
    residencyRules,
    stackJurisdictions,
    type Jurisdiction,
} from "./classification";
import { definePolicy, type JudgeContext, type TagRemediation } from "./define";
import { describeLocation } from "./describe";
import { judgeLocation } from "./possible-places";
import { unverifiedAspects } from "./undetermined";

// Data residency: citizens' data classified for a jurisdiction (`data-residency: eu` on the resource, or on
// the whole stack) is stored and processed inside it. Copies of that data are judged by
// clean-guard-cross-border-replication.
export const dataResidency = definePolicy({
    name: "clean-guard-data-residency",
    pillar: "data-residency",
    severity: "high",
    judgesAcrossResources: true,
    description:
        "Resources classified with a data-residency jurisdiction (tag or label `data-residency: de`, `eu`, `eea`, `five-eyes`, `clean-countries`, or set for the whole stack) must keep their data inside it, in a location pinned to that jurisdiction.",
    remediation:
        "Place the resource in a region inside the classification's jurisdiction (a single region, not a global or wider multi-region location), or correct the classification if the data is not what it says",
    judge(p, ctx) {
        const { jurisdictions, problems } = classificationOf(p, ctx);
        const applying = jurisdictions.filter((j) => !j.inheritedFrom);
        const processing = processedOutside(p, jurisdictions, ctx);
        if (applying.length === 0) {
            const pending = pendingClassification(p, ctx);
            if (problems.length === 0 && pending.length > 0) return [...pending, ...processing];
            return [...(problems.length > 0 ? problems : unclassified(p, ctx.profile)), ...processing];
        }
        return [
            ...problems,
            ...outsideOf(p, "primary", applying, ctx),
            ...processing,
            ...unplaced(p, ctx),
            ...unverifiedAspects(
                p,
                ["location", "classification"],
                "whether this classified resource stays in its jurisdiction",
                ctx,
            ),
        ];
    },
    remediate: stampStackClassification,
});

const PROCESSING_FIX =
    "Process the data only inside the jurisdiction: point the setting at a region inside it (for a model, a Bedrock inference profile of that geography such as eu., an Azure OpenAI Standard or DataZone deployment in a region inside it, a regional Vertex AI endpoint), or correct the classification if the data is not what it says";

/**
 * Where the data is processed (a model endpoint, an inference profile) answers to the same rule as where it is kept,
 * for every classification of the data the resource handles, its parent's or source's included; a setting whose
 * processing place cannot be told is reported whatever the classification (a warning on unclassified data).
 */
function processedOutside(p: Placement, jurisdictions: readonly Jurisdiction[], ctx: JudgeContext): Verdict[] {
    // A model named in configuration of a global control plane (an IAM policy allowing bedrock:InvokeModel on a
    // profile's ARN) is a permission, not processing.
    if (p.locations.some((l) => l.role === "primary" && l.controlPlane)) return [];
    const applying = jurisdictions.filter((j) => !j.carried);
    return [
        ...outsideOf(p, "processing", applying, ctx).map((v) => ({ ...v, fix: PROCESSING_FIX })),
        ...unverifiedAspects(p, ["processing"], "where this resource's data is processed", ctx),
    ];
}

/** The resource's locations of one role, each judged (as a set of possible places) against every jurisdiction. */
function outsideOf(
    p: Placement,
    role: Location["role"],
    applying: readonly Jurisdiction[],
    ctx: JudgeContext,
): Verdict[] {
    if (applying.length === 0) return [];
    return p.locations
        .filter((l) => l.role === role)
        .flatMap((l) =>
            judgeLocation(
                l,
                (at) => residencyRules(at, applying, ctx),
                () => describeLocation(l, ctx.catalog),
                ctx.catalog,
            ),
        );
}

/**
 * A resource classified by its own tag or label whose location the program does not say at all (a
 * Kubernetes object: the cluster's location is not in the program): its owner asked for a check clean-guard
 * cannot make, so it says so rather than pass. Stack-wide classifications do not ask this of every resource.
 */
function unplaced(p: Placement, ctx: JudgeContext): Verdict[] {
    const key = ownClassificationKey(p, ctx.profile);
    // References to other resources place it in the stack pass (a resource group, a failover partner).
    if (!key || p.locations.length > 0 || p.references.length > 0) return [];
    if (p.undetermined.some((u) => u.aspect === "location")) return [];
    return [
        {
            kind: "unverified",
            found: `the resource is classified by its ${p.tagging.word} '${key}', but where it keeps its data is not in the program`,
            rule: "clean-guard cannot tell whether this classified resource stays in its jurisdiction, and does not let through what it cannot check",
            fix: "classify the resources that place the data (the cluster, its node pools and volumes' storage), or record a time-boxed exemption for this one",
        },
    ];
}

/**
 * Stamps the stack's classification onto a resource that holds data, supports tags and carries none, so
 * the classification travels with the resource (cloud-side tag policies, audits). Only when the stack names
 * exactly one jurisdiction: otherwise which one to stamp is not obvious.
 */
function stampStackClassification(p: Placement, ctx: JudgeContext): TagRemediation | undefined {
    const input = p.tagging.input;
    const names = new Set(stackJurisdictions(ctx).map((j) => j.name));
    const key = ctx.profile.classification.keys[0];
    if (!input || names.size !== 1 || p.isProvider || p.locations.length === 0) return undefined;
    if (ownClassificationKey(p, ctx.profile) !== undefined) return undefined;
    return { input, key, value: [...names][0] };
}

/**
 * A resource that keeps data, with no classification known, whose classification tag (or whole map of tags) is not
 * known during preview: whether its data must stay in a jurisdiction is decided at `pulumi up`, and preview says so.
 */
function pendingClassification(p: Placement, ctx: JudgeContext): Verdict[] {
    const pending = p.pendingTags;
    if (!pending || (p.locations.length === 0 && !p.undetermined.some((u) => u.aspect === "location"))) return [];
    const key = ctx.profile.classification.keys.find((k) => pending.keys.includes(k));
    const map = pending.maps[0];
    if (key === undefined && map === undefined) return [];
    const word = p.tagging.word;
    return [
        {
            kind: "unverified",
            advisory: true,
            found:
                key === undefined
                    ? `the resource's ${word}s ('${map}') are not known during preview, so whether its data is classified is not known`
                    : `the resource's ${word} '${key}' is not known during preview, so which jurisdiction its data must stay in is not known`,
            rule: "clean-guard checks whether this resource keeps its data in its jurisdiction once the value is known, at `pulumi up`",
            fix: "nothing, if the value comes from another resource: it is checked at `pulumi up`",
        },
    ];
}

/** Resources of the profile's `classification.requiredFor` types must say what data they hold. */
function unclassified(p: Placement, profile: CompiledProfile): Verdict[] {
    const required = profile.classification.requiredFor;
    if (!profile.rules.requiresClassification?.(p.resource.type)) return [];
    const keys = profile.classification.keys;
    return [
        {
            kind: "violation",
            found: `the resource carries no data-residency classification (tag or label ${keys.map((k) => `'${k}'`).join(" or ")}), and its stack sets none`,
            rule: `${profile.source} requires one on every resource of type ${required.join(", ")}`,
            fix: `tag the resource with ${keys[0]}: <jurisdiction> (an ISO country code like de, or a group like eu), or classify the whole stack with the stack tag '${profile.classification.stackTag}'`,
        },
    ];
}
