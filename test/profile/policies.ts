// The policy names of the contract (/tmp/brief/policy-names.md), as the pack passes them to the loader.
export const POLICY_NAMES = [
    "clean-guard-untrusted-provider",
    "clean-guard-disallowed-region",
    "clean-guard-data-residency",
    "clean-guard-cross-border-replication",
    "clean-guard-untrusted-host",
    "clean-guard-untrusted-image",
    "clean-guard-untrusted-carrier",
    "clean-guard-unverified",
];
