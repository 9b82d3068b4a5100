// AWS types that live in no region. Two kinds, judged differently:
//
// - `edge`: the service serves or inspects the data at edge locations worldwide (CloudFront caches, Global
//   Accelerator's anycast network, WAF Classic on CloudFront). The data may be in any country of the
//   partition, so the location is `global` with the partition's countries when the partition is one country
//   (aws-cn: CN) and none otherwise: residency then says "not pinned", which is the truth.
// - `control-plane`: configuration held by a global control plane (IAM, Route 53 zones and records,
//   Organizations, billing). It is placed at the partition of the provider's region (an IAM role made with an
//   aws-cn provider lives in AWS China) and flagged `controlPlane`, so a residency rule can tell "holds
//   configuration in the partition" from "serves data from anywhere". The commercial partition's IAM, Route 53
//   and CloudFront control planes run in us-east-1 (IAM User Guide, "AWS global services";
//   /work/shared/reference/residency-research.md A3), which is not where the user's data is.
//
// Keyed by the module of the type token (`iam` in `aws:iam/role:Role` and `aws-native:iam:Role`) so that
// aws and aws-native share the table.

import { reveal, type Props } from "../../../model/values";

export type GlobalKind = "edge" | "control-plane";

interface ModuleRule {
    kind: GlobalKind;
    /** Members (type names, first letter lower case) that differ from the module's kind. */
    edge?: readonly string[];
    /** Member name prefixes that are regional after all (Route 53 Resolver runs in a VPC's region). */
    regionalPrefixes?: readonly string[];
}

const GLOBAL_MODULES: Readonly<Record<string, ModuleRule>> = {
    iam: { kind: "control-plane" },
    organizations: { kind: "control-plane" },
    route53: { kind: "control-plane", regionalPrefixes: ["resolver", "profiles"] },
    route53domains: { kind: "control-plane" },
    shield: { kind: "control-plane" },
    budgets: { kind: "control-plane" },
    costexplorer: { kind: "control-plane" },
    cur: { kind: "control-plane" },
    account: { kind: "control-plane" },
    cloudfront: {
        kind: "control-plane",
        edge: [
            "distribution",
            "distributionTenant",
            "multitenantDistribution",
            "function",
            "connectionFunction",
            "keyValueStore",
            "keyvaluestoreKey",
            "keyvaluestoreKeysExclusive",
        ],
    },
    globalaccelerator: { kind: "control-plane", edge: ["accelerator", "customRoutingAccelerator"] },
    waf: { kind: "control-plane", edge: ["webAcl"] },
};

/** `aws:iam/role:Role` -> iam, role; `aws-native:cloudfront:Distribution` -> cloudfront, distribution. */
export function awsTypeParts(type: string): { module: string; member: string } {
    const [, middle = "", last = ""] = type.split(":");
    const module = middle.split("/")[0];
    return { module: module.toLowerCase(), member: last.charAt(0).toLowerCase() + last.slice(1) };
}

/**
 * WAFv2 objects are regional unless made for CloudFront (`scope: CLOUDFRONT`); then a web ACL inspects
 * requests at the edge and the rest is configuration.
 */
const WAFV2: ModuleRule = { kind: "control-plane", edge: ["webAcl"] };

export function globalKindOf(type: string, props: Props): GlobalKind | undefined {
    const { module, member } = awsTypeParts(type);
    const rule =
        module === "wafv2" ? (reveal(props.scope).value === "CLOUDFRONT" ? WAFV2 : undefined) : GLOBAL_MODULES[module];
    if (!rule) return undefined;
    if (rule.regionalPrefixes?.some((prefix) => member.startsWith(prefix))) return undefined;
    return rule.edge?.includes(member) ? "edge" : rule.kind;
}
