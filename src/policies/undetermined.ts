// What the locators could not establish, as "cannot verify" verdicts: one wording for every policy.
// A value unknown during preview is advisory (`up` will know it and check for real); anything else
// (an unknown region name, an unresolved reference, an unreadable secret) will not resolve by itself,
// so it stands at the policy's own level: clean-guard fails closed.
// One exception follows the risk: a place the catalog cannot name (a region of a cloud it does not know, a
// new location name) on a resource whose data carries no classification is a warning. Blocking every droplet
// in a region the catalog lacks would get the gate uninstalled, and what the default rules protect against
// (untrusted vendors, mainland China) is caught by the vendor and partition rules whatever the name. Classified
// data, or a profile with `classification.unknownPlaces: mandatory`, keeps it at the policy's level.

import type { Verdict } from "../model/finding";
import type { Placement, Undetermined, UndeterminedReason } from "../model/placement";
import { classificationOf } from "./classification";
import type { JudgeContext } from "./define";
import { disallowedVendor } from "./vendors";

export type Aspect = Undetermined["aspect"];

/** How to make a check possible, per reason; reasons absent here fall back to the policy's remediation. */
const FIX: Partial<Record<UndeterminedReason, string>> = {
    "unknown-during-preview": "nothing, if the value comes from another resource: it is checked at `pulumi up`",
    unrecognised:
        "correct the value (a typo, or a name clean-guard's catalog does not list yet); a new region needs a catalog entry with its public source",
    "unresolved-reference":
        "reference a resource of this stack (or write the region directly) so its location can be checked, or record an exemption",
    "secret-ciphertext":
        "run the check where the stack's secrets can be decrypted (`pulumi preview` with the secrets provider)",
    missing: "set the value explicitly on the resource or its provider",
    "too-large":
        "keep the input within what clean-guard reads (48 levels of nesting; 1 MiB of JSON or 256 KiB of YAML in a string): flatten it, or keep the document outside the program; or record an exemption",
};

/**
 * One verdict per undetermined entry of the given aspects. `question` says what the policy wanted to know
 * (`whether the region is disallowed`), so two policies reporting the same entry read differently.
 */
export function unverifiedAspects(
    p: Placement,
    aspects: readonly Aspect[],
    question: string,
    ctx: JudgeContext,
): Verdict[] {
    const entries = p.undetermined.filter((u) => aspects.includes(u.aspect));
    const warnOnly = entries.some(unnamedPlace) && unnamedPlaceIsWarning(p, ctx);
    return entries.map((u) => (warnOnly && unnamedPlace(u) ? warning(u, question, ctx) : unverified(u, question)));
}

/** A place clean-guard cannot name: an unknown name, or a paired-region copy of a resource that states no region. */
function unnamedPlace(u: Undetermined): boolean {
    if (u.reason === "missing") return u.aspect === "secondary-location";
    return (
        u.reason === "unrecognised" &&
        (u.aspect === "location" || u.aspect === "secondary-location" || u.aspect === "processing")
    );
}

function unnamedPlaceIsWarning(p: Placement, ctx: JudgeContext): boolean {
    if (ctx.profile.classification.unknownPlaces === "mandatory") return false;
    if (disallowedVendor(p.vendor, ctx.profile)) return false;
    return classificationOf(p, ctx).jurisdictions.length === 0;
}

function warning(u: Undetermined, question: string, ctx: JudgeContext): Verdict {
    return {
        kind: "unverified",
        found: u.detail,
        rule: `clean-guard cannot tell ${question}; the resource's data carries no data-residency classification, so this is a warning, not a block (classified data, or classification.unknownPlaces: mandatory in ${ctx.profile.source}, blocks it)`,
        advisory: true,
        fix: `${u.fix ?? FIX.unrecognised}; or set the profile's classification.unknownPlaces to mandatory to block places clean-guard cannot name`,
    };
}

function unverified(u: Undetermined, question: string): Verdict {
    const fix = u.fix ?? FIX[u.reason];
    return {
        kind: "unverified",
        found: u.detail,
        rule: u.advisory
            ? `clean-guard checks ${question} once the value is known, at \`pulumi up\``
            : `clean-guard cannot tell ${question}, and does not let through what it cannot check`,
        ...(u.advisory ? { advisory: true } : {}),
        ...(fix ? { fix } : {}),
    };
}
