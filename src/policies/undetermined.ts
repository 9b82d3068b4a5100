// What the locators could not establish, as "cannot verify" verdicts: one wording for every policy.
// A value unknown during preview is advisory (`up` will know it and check for real); anything else
// (an unknown region name, an unresolved reference, an unreadable secret) will not resolve by itself,
// so it stands at the policy's own level: clean-guard fails closed.

import type { Verdict } from "../model/finding";
import type { Placement, Undetermined, UndeterminedReason } from "../model/placement";

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
export function unverifiedAspects(p: Placement, aspects: readonly Aspect[], question: string): Verdict[] {
    return p.undetermined.filter((u) => aspects.includes(u.aspect)).map((u) => unverified(u, question));
}

function unverified(u: Undetermined, question: string): Verdict {
    const fix = FIX[u.reason];
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
