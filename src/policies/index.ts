// Every clean-guard policy, in the order they appear in Pulumi and in reports.
import type { PolicyDefinition } from "./define";
import { untrustedProvider } from "./untrusted-provider";

export const allPolicies: readonly PolicyDefinition[] = [untrustedProvider];

export { untrustedProvider };
export type { JudgeContext, Pillar, PolicyDefinition } from "./define";
