import * as assert from "node:assert/strict";
import { compare, type ExpectedFinding } from "../../src/cli/demo";
import type { Finding } from "../../src/model/finding";
import type { ReportMeta } from "../../src/report/meta";

const meta: ReportMeta = {
    tool: { name: "clean-guard", version: "0" },
    source: { path: "examples/x", kind: "program" },
    stack: { tags: new Map(), phase: "preview" },
    resourceCount: 3,
    policies: new Map([["clean-guard-unverified", { name: "clean-guard-unverified", enforcementLevel: "advisory" }]]),
    notes: [],
    generatedAt: new Date(0),
};

function finding(policy: string, name: string, kind: Finding["kind"] = "violation"): Finding {
    const type = "aws:s3/bucket:Bucket";
    return {
        policy,
        kind,
        resource: { urn: `urn:pulumi:dev::x::${type}::${name}`, type, name },
        found: "f",
        rule: "r",
        message: "m",
    };
}

const found = [
    finding("clean-guard-disallowed-region", "orders"),
    finding("clean-guard-unverified", "logs", "unverified"),
];

describe("demo: findings against an example's expectations", () => {
    const cases: Array<[string, ExpectedFinding[], string[]]> = [
        [
            "exactly the expected findings",
            [
                { policy: "clean-guard-disallowed-region", resource: "orders", level: "mandatory" },
                { policy: "clean-guard-unverified", resource: "logs", level: "advisory" },
            ],
            [],
        ],
        [
            "levels written as SARIF levels, resources as URNs",
            [
                {
                    policy: "clean-guard-disallowed-region",
                    resource: "urn:pulumi:dev::x::aws:s3/bucket:Bucket::orders",
                    level: "error",
                },
                { policy: "clean-guard-unverified", resource: "logs", level: "note" },
            ],
            [],
        ],
        [
            "a finding at the wrong level",
            [
                { policy: "clean-guard-disallowed-region", resource: "orders", level: "advisory" },
                { policy: "clean-guard-unverified", resource: "logs", level: "advisory" },
            ],
            [
                "missing: clean-guard-disallowed-region on 'orders' (advisory)",
                "unexpected: clean-guard-disallowed-region on 'orders' (mandatory): f",
            ],
        ],
        [
            "an expected finding not produced, twice",
            [
                { policy: "clean-guard-disallowed-region", resource: "orders", level: "mandatory" },
                { policy: "clean-guard-disallowed-region", resource: "orders", level: "mandatory" },
                { policy: "clean-guard-unverified", resource: "logs", level: "advisory" },
            ],
            ["missing: clean-guard-disallowed-region on 'orders' (mandatory)"],
        ],
        [
            "nothing expected",
            [],
            [
                "unexpected: clean-guard-disallowed-region on 'orders' (mandatory): f",
                "unexpected: clean-guard-unverified on 'logs' (advisory): f",
            ],
        ],
    ];
    for (const [what, expected, differences] of cases) {
        it(what, () => assert.deepEqual(compare(expected, found, meta), differences));
    }
});
