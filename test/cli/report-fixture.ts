// A small evaluation, written as the engine would hand it over, with a trap for every reporter: a secret
// location and a secret host whose values must never be printed, and markup in a message.

import type { Finding } from "../../src/model/finding";
import { emptyPlacement, type Location, type Placement } from "../../src/model/placement";
import type { ReportedEvaluation } from "../../src/report/evaluation";
import type { PolicyInfo, ReportMeta } from "../../src/report/meta";
import type { EnforcementLevel } from "../../src/profile/types";

export const SECRET_REGION = "me-secret-9";
export const SECRET_HOST = "hidden-tenant.oss-cn-shanghai.aliyuncs.com";

const urn = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;
const BUCKET = "aws:s3/bucket:Bucket";
const TABLE = "aws:dynamodb/table:Table";

function located(
    role: Location["role"],
    name: string,
    country: string | undefined,
    path: string,
    secret = false,
): Location {
    return {
        role,
        scope: "region",
        cloud: "aws",
        name,
        countries: country ? [country] : [],
        via: "input 'region'",
        path,
        secret,
    };
}

function placement(type: string, name: string, locations: Location[], extra: Partial<Placement> = {}): Placement {
    const resource = { urn: urn(type, name), type, name };
    return { ...emptyPlacement(resource, "aws"), cloud: "aws", locations, ...extra };
}

const logsPrimary = located("primary", "eu-west-1", "IE", "region");
const logsReplica = located("replica", "cn-north-1", "CN", "replicationConfiguration.rules[0].destination.bucket");
const logs = placement(BUCKET, "logs", [logsPrimary, logsReplica], {
    hosts: [{ host: SECRET_HOST, vendor: "alibaba", path: "endpoints[0].s3", secret: true }],
});
const orders = placement(TABLE, "orders", [
    located("primary", "eu-central-1", "DE", "region"),
    located("replica", SECRET_REGION, undefined, "replicas[0].regionName", true),
]);
const media = placement(BUCKET, "media", [located("primary", "us-east-1", "US", "region")]);
const audit = placement(BUCKET, "audit", [located("primary", "eu-north-1", "SE", "region")]);

function finding(
    p: Placement,
    policy: string,
    kind: Finding["kind"],
    found: string,
    extra: Partial<Finding> = {},
): Finding {
    const rule = "data must stay where the organisation allows";
    return {
        policy,
        kind,
        resource: p.resource,
        found,
        rule,
        fix: "move it",
        message: `${p.resource.type} '${p.resource.name}': ${found}. ${rule}. Fix: move it`,
        ...extra,
    };
}

export const evaluation: ReportedEvaluation = {
    placements: new Map([logs, orders, media, audit].map((p) => [p.resource.urn, p])),
    findings: [
        finding(
            logs,
            "clean-guard-cross-border-replication",
            "violation",
            'replica in cn-north-1 (CN) <via> "rule" & co',
            {
                location: logsReplica,
            },
        ),
        finding(logs, "clean-guard-untrusted-host", "violation", "endpoint [secret] belongs to alibaba"),
        finding(orders, "clean-guard-cross-border-replication", "unverified", "replica region [secret] cannot be read"),
        finding(orders, "clean-guard-unverified", "unverified", "tags unknown during preview", { advisory: true }),
        finding(media, "clean-guard-data-residency", "violation", "us-east-1 (US) is outside eu"),
    ],
};

/** What each policy is, as `src/policies` exports it; data-residency is advisory in this run. */
const levels: Array<[string, EnforcementLevel]> = [
    ["clean-guard-untrusted-provider", "mandatory"],
    ["clean-guard-disallowed-region", "mandatory"],
    ["clean-guard-data-residency", "advisory"],
    ["clean-guard-cross-border-replication", "mandatory"],
    ["clean-guard-untrusted-host", "mandatory"],
    ["clean-guard-untrusted-image", "mandatory"],
    ["clean-guard-untrusted-carrier", "mandatory"],
    ["clean-guard-unverified", "advisory"],
];
const policies = new Map<string, PolicyInfo>(
    levels.map(([name, enforcementLevel]) => [
        name,
        {
            name,
            enforcementLevel,
            pillar: "clean-cloud",
            severity: "critical",
            description: `${name} description`,
            remediation: `${name} remediation`,
            url: `README.md#${name}`,
        },
    ]),
);

export const meta: ReportMeta = {
    tool: { name: "clean-guard", version: "0.1.0" },
    source: { path: "preview.json", kind: "preview" },
    stack: { project: "shop", stack: "dev", tags: new Map(), phase: "preview" },
    resourceCount: 7,
    policies,
    notes: ["skipped 1 resource being deleted"],
    generatedAt: new Date("2026-11-28T12:00:00Z"),
};
