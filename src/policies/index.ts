// Every clean-guard policy, in the order they appear in Pulumi and in reports.
import { crossBorderReplication } from "./cross-border-replication";
import { dataResidency } from "./data-residency";
import type { PolicyDefinition } from "./define";
import { disallowedRegion } from "./disallowed-region";
import { untrustedAiService } from "./untrusted-ai-service";
import { untrustedCarrier } from "./untrusted-carrier";
import { untrustedHost } from "./untrusted-host";
import { untrustedImage } from "./untrusted-image";
import { untrustedProvider } from "./untrusted-provider";

export const allPolicies: readonly PolicyDefinition[] = [
    untrustedProvider,
    disallowedRegion,
    dataResidency,
    crossBorderReplication,
    untrustedHost,
    untrustedAiService,
    untrustedImage,
    untrustedCarrier,
];

export {
    crossBorderReplication,
    dataResidency,
    disallowedRegion,
    untrustedAiService,
    untrustedCarrier,
    untrustedHost,
    untrustedImage,
    untrustedProvider,
};
export type { JudgeContext, Pillar, PolicyDefinition } from "./define";
