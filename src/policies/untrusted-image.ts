import type { Catalog } from "../catalog/types";
import type { Verdict } from "../model/finding";
import type { Image, ImageFacts, Placement } from "../model/placement";
import { SECRET_MASK } from "../model/values";
import { definePolicy, type JudgeContext } from "./define";
import { disallowedVendor, untrustedVendorRule, vendorName } from "./vendors";
import { unverifiedAspects } from "./undetermined";

// Clean Apps and Clean Cloud: software pulled from an untrusted vendor's registry, or a machine image
// branded or published by one, runs with the data it is given; provenance is judged, not the region.
export const untrustedImage = definePolicy({
    name: "clean-guard-untrusted-image",
    pillar: "clean-cloud",
    severity: "high",
    // During preview, machine images are looked up in the stack pass, where all of them share batched calls.
    judgesAcrossResources: true,
    description:
        "Container images and Helm charts must not come from an untrusted vendor's registry, and machine images must not be branded or published by an untrusted vendor (EC2 AMI provenance is looked up at preview).",
    remediation:
        "Pull the image or chart from a trusted registry (mirror it after review), or use a machine image from a trusted publisher",
    judge(p, ctx) {
        const verdicts: Verdict[] = [];
        for (const image of p.images) {
            const vendor = disallowedVendor(image.vendor, ctx.profile);
            if (vendor) verdicts.push(fromVendor(image, vendor, ctx));
            else if (image.kind === "machine-image") verdicts.push(...judgeMachineImage(p, image, ctx));
        }
        return [...verdicts, ...unverifiedAspects(p, ["image"], "where this image comes from", ctx)];
    },
});

function refOf(image: Image): string {
    return image.secret ? SECRET_MASK : image.ref;
}

const KIND: Record<Image["kind"], string> = {
    container: "container image",
    "helm-chart": "Helm chart",
    "machine-image": "machine image",
};

function fromVendor(image: Image, vendor: string, { profile, catalog }: JudgeContext): Verdict {
    const registry = image.registry && !image.secret ? ` from registry ${image.registry}` : "";
    return {
        kind: "violation",
        found: `${KIND[image.kind]} ${refOf(image)}${registry} (${vendorName(vendor, catalog)}) at ${image.path}`,
        rule: untrustedVendorRule(vendor, profile, catalog),
    };
}

/** How to make a machine image's provenance checkable, by why it could not be checked. */
const LOOKUP_FIX = {
    region: "set the region of the resource or of its provider, so the image is looked up where it is used",
    notFound: "use an image id that exists in the resource's region and is visible to the deploying account",
    failed: "give the pack AWS credentials that may call ec2:DescribeImages, or check the image by hand and record an exemption",
};

/**
 * What EC2 said of a machine image (the enrich stage asked it). During a preview's per-resource pass the question
 * waits for the stack pass, where every image of the stack shares batched calls: nothing to say yet.
 */
function judgeMachineImage(p: Placement, image: Image, ctx: JudgeContext): Verdict[] {
    if (image.facts) return judgeFacts(image, image.facts, ctx);
    const failure = image.lookupFailure;
    if (failure?.reason === "not-found")
        return [cannotLookUp(image, `EC2 does not know it in ${image.region}`, LOOKUP_FIX.notFound, false)];
    if (failure) {
        // The failure's sentence names the image id: a secret one is not repeated.
        const why = image.secret ? `the lookup failed (${failure.reason})` : failure.detail;
        return [cannotLookUp(image, why, LOOKUP_FIX.failed, failure.advisory)];
    }
    if (image.region || ctx.lookupsInStackPass) return [];
    // No region: the resource's own location is undetermined; if that resolves at `up`, so does this.
    const regionLater = p.undetermined.some((u) => u.aspect === "location" && u.advisory);
    return [cannotLookUp(image, "the region to look it up in is not known", LOOKUP_FIX.region, regionLater)];
}

function cannotLookUp(image: Image, why: string, fix: string, advisory: boolean): Verdict {
    return {
        kind: "unverified",
        found: `machine image ${refOf(image)} at ${image.path}: ${why}`,
        rule: advisory
            ? "clean-guard cannot tell who published this machine image; with `lookups.ec2: auto` that is a warning, with `required` it blocks"
            : "clean-guard cannot tell who published this machine image, and does not let through what it cannot check",
        fix,
        ...(advisory ? { advisory: true } : {}),
    };
}

/** What EC2 says about an image, field by field: branding in any of them, or an owner alias of a vendor. */
const FACT_FIELDS: ReadonlyArray<[string, keyof ImageFacts]> = [
    ["name", "name"],
    ["description", "description"],
    ["owner alias", "ownerAlias"],
    ["platform details", "platformDetails"],
    ["location", "imageLocation"],
];

function judgeFacts(image: Image, facts: ImageFacts, { profile, catalog }: JudgeContext): Verdict[] {
    for (const [label, field] of FACT_FIELDS) {
        const text = facts[field];
        const match = text ? catalog.vendorOfImageText(text) : undefined;
        const vendor = disallowedVendor(match?.vendor.id, profile);
        if (!match || !vendor) continue;
        return [
            {
                kind: "violation",
                found: `machine image ${refOf(image)} at ${image.path} has ${label} '${text}' (${brand(match.matched, vendor, catalog)})`,
                rule: untrustedVendorRule(vendor, profile, catalog),
            },
        ];
    }
    return [];
}

function brand(matched: string, vendor: string, catalog: Catalog): string {
    return `'${matched}' is ${vendorName(vendor, catalog)}'s`;
}
