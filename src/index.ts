// The clean-guard library: everything a pack, the CLI or another organisation's pack can reuse.
// Importing it has no side effects (only policy-pack/index.ts starts a policy pack).
export * from "./model/values";
export * from "./model/resource";
export * from "./model/placement";
export * from "./model/finding";
export type * from "./catalog/types";
export type * from "./profile/types";
