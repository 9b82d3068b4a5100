// The clean-guard library: everything a pack, the CLI or another organisation's pack can reuse.
// Importing it has no side effects (only policy-pack/index.ts starts a policy pack). A pack that reuses
// the policies calls captureEngineRequests() before constructing its PolicyPack, then passes
// toPulumiPolicies(allPolicies) (or a selection) as its policies.
export * from "./model/values";
export * from "./model/resource";
export * from "./model/placement";
export * from "./model/finding";
export * from "./catalog/index";
export type * from "./profile/types";
export { loadProfile, defaultProfile, ProfileError } from "./profile/load";
export { resolveProfile, startupProfile, profileConfigSchema } from "./profile/source";
export { locate } from "./locate/index";
export { locateStack } from "./locate/stack";
export { evaluate, evaluateResource, evaluateStack, type Evaluation, type EvaluationOptions } from "./engine/evaluate";
export * from "./policies/index";
export { definePolicy } from "./policies/define";
export { toPulumiPolicies, UNVERIFIED_POLICY } from "./pack/pulumi-policies";
export { captureEngineRequests, type CaptureOptions } from "./pack/engine-requests";
export { createEc2Lookups, type Ec2Lookups } from "./lookups/index";
