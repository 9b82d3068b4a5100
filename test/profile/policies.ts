// The policy names the pack passes to the profile loader: every clean-guard policy and the advisory companion.
import { UNVERIFIED_POLICY } from "../../src/pack/pulumi-policies";
import { allPolicies } from "../../src/policies";

export const POLICY_NAMES = [...allPolicies.map((p) => p.name), UNVERIFIED_POLICY];
