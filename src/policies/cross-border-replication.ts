import type { Verdict } from "../model/finding";
import type { Location } from "../model/placement";
import { classificationOf, residencyRules } from "./classification";
import { definePolicy, type JudgeContext } from "./define";
import { describeLocation } from "./describe";
import { disallowedPlace, disallowedRule } from "./disallowed-places";
import { judgeLocation } from "./possible-places";
import { unverifiedAspects } from "./undetermined";

// Data residency through side doors: a replica, backup, failover pair or multi-region member
// holds the same data as the primary, so it answers to the same rules; and a resource that holds a copy of
// classified data (an RDS read replica of a tagged database) carries its source's classification.
export const crossBorderReplication = definePolicy({
    name: "clean-guard-cross-border-replication",
    pillar: "data-residency",
    severity: "high",
    judgesAcrossResources: true,
    description:
        "Replicas, backups, failover and geo-redundant pairs, and multi-region members must not be in a disallowed place nor outside the jurisdiction of the data they copy; a copy of classified data carries its source's classification.",
    remediation:
        "Point the replica, backup or failover target at a region inside the data's jurisdiction (for Azure storage, choose a redundancy whose paired region is inside it, or LRS/ZRS), or stop replicating the data",
    judge(p, ctx) {
        const { jurisdictions } = classificationOf(p, ctx);
        const verdicts: Verdict[] = [];
        // Processing keeps no copy: data residency judges it.
        for (const l of p.locations.filter((at) => at.role !== "processing")) {
            // A resource's own primary location answers to its own and its stack's classification elsewhere;
            // here it answers only to the classification of the data it copies.
            // A resource that only moves the data (a replication rule) keeps none where it runs itself.
            const applying =
                l.role === "primary" ? jurisdictions.filter((j) => j.inheritedFrom && !j.carried) : jurisdictions;
            const rule = (at: Location): string[] => [
                ...(at.role === "primary" ? [] : disallowedReason(at, ctx)),
                ...residencyRules(at, applying, ctx),
            ];
            const found = `${l.role === "primary" ? "holds a copy of classified data in" : l.role} ${describeLocation(l, ctx.catalog)}`;
            verdicts.push(...judgeLocation(l, rule, found, ctx.catalog));
        }
        return [
            ...verdicts,
            ...unverifiedAspects(p, ["secondary-location"], "where this copy of the data is kept", ctx),
        ];
    },
});

function disallowedReason(l: Location, { profile, catalog }: JudgeContext): string[] {
    const place = disallowedPlace(l, profile, catalog);
    return place ? [disallowedRule(place, profile)] : [];
}
