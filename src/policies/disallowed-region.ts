import type { Location } from "../model/placement";
import { definePolicy } from "./define";
import { describeLocation } from "./describe";
import { disallowedPlace, disallowedRule } from "./disallowed-places";
import { judgeLocation } from "./possible-places";
import { unverifiedAspects } from "./undetermined";

// Clean Cloud: data in a mainland-China region is subject to Chinese law whoever runs the region (AWS China
// is operated by Sinnet and NWCD, Azure China by 21Vianet), so the region itself is the breach.
const PROCESSING_FIX =
    "Point the input at an endpoint or setting in an allowed region (the data is processed where the endpoint is, wherever the resource runs); if it must stay, record a time-boxed exemption in the organisation's profile";

export const disallowedRegion = definePolicy({
    name: "clean-guard-disallowed-region",
    pillar: "clean-cloud",
    severity: "critical",
    judgesAcrossResources: true,
    description:
        "Resources and provider instances must not be placed in a country, region or partition the organisation disallows (by default mainland China: AWS China, Azure operated by 21Vianet, and every cloud's CN regions).",
    remediation:
        "Move the resource (or the provider instance it uses) to an allowed region and migrate its data; if it must stay, record a time-boxed exemption in the organisation's profile",
    judge(p, ctx) {
        const { profile, catalog } = ctx;
        const rule = (l: Location): string[] => {
            const place = disallowedPlace(l, profile, catalog);
            return place ? [disallowedRule(place, profile)] : [];
        };
        // Where data is sent to be processed is a place it goes, whatever its classification; it moves with the
        // endpoint or setting that sends it there, not with the resource.
        const judged = (l: Location) => judgeLocation(l, rule, () => describeLocation(l, catalog), catalog);
        const violations = [
            ...p.locations.filter((l) => l.role === "primary").flatMap(judged),
            ...p.locations
                .filter((l) => l.role === "processing")
                .flatMap(judged)
                .map((v) => ({ ...v, fix: v.fix ?? PROCESSING_FIX })),
        ];
        return [
            ...violations,
            ...unverifiedAspects(p, ["location"], "whether the resource's location is disallowed", ctx),
        ];
    },
});
