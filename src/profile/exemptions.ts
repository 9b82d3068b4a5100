// Which exemption, if any, lifts a policy for a resource; and which exemptions a run never used.

import type { CompiledProfile } from "./compile";
import type { Exemption, Profile } from "./types";

export interface ExemptionSubject {
    policy: string;
    urn: string;
    type: string;
    stack: string;
    project: string;
    tags: Readonly<Record<string, string>>;
}

export interface ExemptionMatch {
    exemption: Exemption;
    /** The exemption matched but its day has passed: it no longer exempts and must be reported. */
    expired: boolean;
    /** `tag`: the resource's own tag, accepted because the profile's tagExemptions names the policy. */
    via: "profile" | "tag";
}

/**
 * A live profile exemption wins over an expired one; an expired one is still returned so the
 * finding can say why it was not exempted. A resource's own tag counts only for policies the
 * organisation listed in tagExemptions: a resource cannot otherwise exempt itself.
 */
export function matchExemption(
    profile: CompiledProfile,
    subject: ExemptionSubject,
    now: Date,
): ExemptionMatch | undefined {
    let expired: ExemptionMatch | undefined;
    for (const c of profile.rules.exemptions) {
        if (!(c.policies.has(subject.policy) || c.policies.has("*"))) continue;
        if (!(c.urn(subject.urn) && c.type(subject.type) && c.stack(subject.stack) && c.project(subject.project))) {
            continue;
        }
        if (now.getTime() < c.endsAt) return { exemption: c.exemption, expired: false, via: "profile" };
        expired ??= { exemption: c.exemption, expired: true, via: "profile" };
    }
    return tagExemption(profile, subject) ?? expired;
}

function tagExemption(profile: Profile, subject: ExemptionSubject): ExemptionMatch | undefined {
    const { tag, policies } = profile.tagExemptions;
    const reason = subject.tags[tag];
    // A tag without a reason exempts nothing: every exemption says why.
    if (reason === undefined || reason.trim() === "") return undefined;
    if (!(policies.includes(subject.policy) || policies.includes("*"))) return undefined;
    const exemption: Exemption = {
        policies: [subject.policy],
        urns: [subject.urn],
        reason,
        owner: `the resource's tag ${tag}`,
        ticket: `tag ${tag}`,
        // A tag carries no expiry: the organisation bounds it by listing (or unlisting) the policy.
        expires: "",
        origin: subject.urn,
    };
    return { exemption, expired: false, via: "tag" };
}

/** Records matches over a run, for the report's dead and expired exemptions. */
export class ExemptionUsage {
    private readonly hits = new Map<Exemption, { live: number; expired: number }>();

    constructor(private readonly profile: Profile) {}

    record(match: ExemptionMatch | undefined): void {
        if (match === undefined || match.via === "tag") return;
        const count = this.hits.get(match.exemption) ?? { live: 0, expired: 0 };
        if (match.expired) count.expired++;
        else count.live++;
        this.hits.set(match.exemption, count);
    }

    /** Profile exemptions that matched nothing this run: remove them or fix their selectors. */
    unused(): Exemption[] {
        return this.profile.exemptions.filter((e) => !this.hits.has(e));
    }

    /** Expired exemptions that still matched findings, with how many: renew them or fix the resources. */
    expiredHits(): Array<{ exemption: Exemption; findings: number }> {
        return [...this.hits]
            .filter(([, count]) => count.expired > 0)
            .map(([exemption, count]) => ({ exemption, findings: count.expired }));
    }

    /** Exemptions that lifted at least one finding. */
    used(): Exemption[] {
        return [...this.hits].filter(([, count]) => count.live > 0).map(([exemption]) => exemption);
    }
}
