// What a policy concludes about one resource. Policies return findings as values; the edge (the
// Pulumi pack adapter, the CLI reporters) decides how to show them.

import type { Location } from "./placement";

export type FindingKind =
    /** the rule is broken */
    | "violation"
    /** the policy could not decide: never a pass */
    | "unverified";

/** What a policy's judge returns: the three parts of a message a user reads once. */
export interface Verdict {
    kind: FindingKind;
    /** What was found and where it came from: `region cn-north-1 (AWS China, operated by Sinnet, CN) from provider 'china'`. No secret value may appear here. */
    found: string;
    /** The rule it breaks, with the jurisdiction where one applies. */
    rule: string;
    /** How to fix it; defaults to the policy's remediation. */
    fix?: string;
    /**
     * For `unverified`: the question resolves itself at `up` (a value unknown during preview), so the
     * finding is advisory whatever the policy's enforcement level.
     */
    advisory?: boolean;
    /** The location judged, for reports and maps. */
    location?: Location;
}

export interface Finding extends Verdict {
    policy: string;
    resource: { urn: string; type: string; name: string };
    /** The finding in one reading: resource, found, rule, fix. */
    message: string;
}
