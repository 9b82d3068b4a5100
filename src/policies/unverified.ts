// clean-guard-unverified: Pulumi sets enforcement per policy, not per finding, so the "cannot verify" findings
// that must not block (a value unknown until `pulumi up`, an EC2 lookup that failed in `auto` mode, a place the
// catalog cannot name on unclassified data) are reported under this advisory companion, each prefixed with the
// policy it concerns. It judges nothing itself; the pack and the CLI route findings to it the same way.

import type { Finding } from "../model/finding";
import { DOCS, type PolicyDefinition } from "./define";

export const unverified: Pick<
    PolicyDefinition,
    "name" | "severity" | "enforcementLevel" | "description" | "remediation" | "url"
> = {
    name: "clean-guard-unverified",
    severity: "low",
    enforcementLevel: "advisory",
    description:
        "Says what the other clean-guard policies could not verify and need not block: values unknown during preview (checked for real at `pulumi up`), lookups that failed in auto mode, and places the catalog cannot name on data that carries no classification. It also shows the exemptions in play: who lifted which policy, why and until when, and those that match nothing.",
    remediation:
        "Usually nothing: a value unknown during preview is checked at `pulumi up`. For a place clean-guard cannot name, correct it or add it to the catalog with its public source.",
    url: `${DOCS}clean-guard-unverified`,
};

/** A finding as it is reported: an advisory "cannot verify" goes to the companion, naming the policy concerned. */
export function asReported(f: Finding): Finding {
    if (f.kind !== "unverified" || !f.advisory || f.policy === unverified.name) return f;
    return {
        ...f,
        policy: unverified.name,
        found: `[${f.policy}] ${f.found}`,
        message: `[${f.policy}] ${f.message}`,
    };
}
