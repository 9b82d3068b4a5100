// Inputs past any provider schema: a 10 MB property, 100,000-element arrays, nesting 1,000 deep, megabytes of
// JSON in a string, hundreds of thousands of URLs in one script. Each is judged within a bounded time, or
// reported as not fully inspected ("cannot verify", at the policy's level); none passes silently, and no
// message carries megabytes of the input back to the user.
//
// The documented bounds (src/locate): inputs are walked 48 levels deep, JSON inside a string is read up to
// 1 MiB; anything beyond is reported "too-large". Everything else is read in full, in linear time.
import { strict as assert } from "node:assert";
import type { Finding } from "../../src/model/finding";
import type { Value } from "../../src/model/values";
import { defaultProvider, EngineEmulator } from "../emulator/engine";
import { awsResource } from "../support/builders";
import { outcomeOf, judgeResource, type Outcome } from "../policies/judge";

const OSS = "https://s3.oss-cn-hangzhou.aliyuncs.com/exports";
const MB = 1024 * 1024;
/** A message names what it found; it does not echo megabytes of input. */
const MAX_MESSAGE = 4_096;

function nested(depth: number, leaf: Value, wrap: (inner: Value) => Value): Value {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = wrap(v);
    return v;
}

const lambda = (variables: Record<string, Value>, region?: Value) =>
    awsResource(
        "aws:lambda/function:Function",
        { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", environment: { variables } },
        { providerRegion: "eu-west-1", ...(region === undefined ? {} : { region }) },
    );

/** Each input, and what a reviewer expects: `policy outcome` per finding, or nothing at all for a clean input. */
const CASES: Array<[what: string, build: () => ReturnType<typeof lambda>, expected: string[]]> = [
    ["a 10 MB environment value, clean", () => lambda({ BLOB: "x".repeat(10 * MB) }), []],
    [
        "a 10 MB environment value ending in an OSS endpoint",
        () => lambda({ BLOB: `${"x".repeat(10 * MB)} ${OSS}` }),
        ["clean-guard-untrusted-host violation"],
    ],
    [
        "a 10 MB URL path on an OSS endpoint",
        () => lambda({ BLOB: `${OSS}/${"k".repeat(10 * MB)}` }),
        ["clean-guard-untrusted-host violation"],
    ],
    [
        "50,000 array elements as JSON in a string, the OSS endpoint last",
        () => lambda({ LIST: JSON.stringify([...Array.from({ length: 50_000 }, (_, i) => `item-${i}`), OSS]) }),
        ["clean-guard-untrusted-host violation"],
    ],
    [
        "100,000 array elements as JSON in a string (over 1 MiB): not read, so cannot verify",
        () => lambda({ LIST: JSON.stringify([...Array.from({ length: 100_000 }, (_, i) => `item-${i}`), OSS]) }),
        ["clean-guard-untrusted-host unverified"],
    ],
    [
        "100,000 array elements as an input, the endpoint last",
        () =>
            awsResource(
                "aws:s3/bucket:Bucket",
                {
                    corsRules: [
                        {
                            allowedOrigins: [
                                ...Array.from({ length: 100_000 }, (_, i) => `https://a${i}.example.com`),
                                OSS,
                            ],
                        },
                    ],
                },
                { providerRegion: "eu-west-1" },
            ),
        ["clean-guard-untrusted-host violation"],
    ],
    [
        "200,000 URLs in one script, all on OSS",
        () => lambda({ SCRIPT: Array.from({ length: 200_000 }, (_, i) => `curl ${OSS}/part-${i}`).join("\n") }),
        ["clean-guard-untrusted-host violation"],
    ],
    [
        "200,000 distinct hosts in one script",
        () =>
            lambda({ SCRIPT: Array.from({ length: 200_000 }, (_, i) => `curl https://h${i}.example.com/`).join("\n") }),
        [],
    ],
    [
        "an endpoint nested 1,000 levels deep in objects: not read, so cannot verify",
        () => lambda({ DEEP: JSON.stringify(nested(1000, OSS, (inner) => ({ next: inner }))) }),
        ["clean-guard-untrusted-host unverified"],
    ],
    [
        "an endpoint nested 1,000 levels deep in arrays, as an input",
        () =>
            awsResource(
                "aws:s3/bucket:Bucket",
                { deep: nested(1000, OSS, (inner) => [inner]) },
                { providerRegion: "eu-west-1" },
            ),
        ["clean-guard-untrusted-host unverified"],
    ],
    [
        "2 MiB of JSON in a string: not read, so cannot verify",
        () => lambda({ DOC: JSON.stringify({ pad: "p".repeat(2 * MB), sink: OSS }) }),
        ["clean-guard-untrusted-host unverified"],
    ],
    [
        "a 10 MB region name, on unclassified data: a warning",
        () => lambda({}, "r".repeat(10 * MB)),
        ["clean-guard-disallowed-region advisory"],
    ],
    [
        "a 1 MB host name on an untrusted domain",
        () => lambda({ SINK: `https://${"a.".repeat(MB / 2)}aliyuncs.com/` }),
        ["clean-guard-untrusted-host violation"],
    ],
];

/** The outcomes a reviewer expects, each message short, few findings, and a readable fix for what was not read. */
function assertJudged(findings: Finding[], expected: string[]): void {
    const outcomes = [...new Set(findings.map((f) => `${f.policy} ${outcomeOf(f) satisfies Outcome}`))].sort();
    assert.deepEqual(outcomes, expected, findings.map((f) => f.message.slice(0, 300)).join("\n"));
    for (const f of findings) assert.ok(f.message.length < MAX_MESSAGE, `a ${f.message.length}-character message`);
    assert.ok(findings.length <= 10, `${findings.length} findings for one resource`);
    // An input too large to read is fixed by making it readable, not by pointing it at another host.
    for (const f of findings.filter((x) => /was not read/.test(x.found))) assert.match(f.fix ?? "", /1 MiB/);
}

// Untimed: speed is the bench's to show; mocha's timeout catches a quadratic walk or a hang, and a stack
// blow-up fails the test outright.
describe("limits: inputs larger than any schema", function () {
    this.timeout(120_000);
    for (const [what, build, expected] of CASES) {
        it(`${what}: ${expected.length ? expected.join(", ") : "pass"}`, async () => {
            assertJudged(await judgeResource(build()), expected);
        });
    }
});

/** `count` bare broker endpoints, `kafka-<i>.example.org:9092`, comma-separated, then `last`. */
const brokers = (count: number, last: string) =>
    [...Array.from({ length: count }, (_, i) => `kafka-${i}.example.org:9092`), last].join(",");

// Untimed: mocha's timeout is the bound; what matters is that each finishes, and its verdict.
describe("limits: long lists of endpoints and deep nesting", function () {
    this.timeout(60_000);
    const cases: Array<[what: string, build: () => ReturnType<typeof lambda>, expected: string[]]> = [
        [
            "20,000 endpoints in one list, an OSS endpoint last",
            () => lambda({ BROKERS: brokers(20_000, "s3.oss-cn-hangzhou.aliyuncs.com:9092") }),
            ["clean-guard-untrusted-host violation"],
        ],
        ["20,000 clean endpoints in one list", () => lambda({ BROKERS: brokers(20_000, "b.example.net:9092") }), []],
        [
            "100,000 endpoints in one list (over 2 MB), an OSS endpoint last",
            () => lambda({ BROKERS: brokers(100_000, "s3.oss-cn-hangzhou.aliyuncs.com:9092") }),
            ["clean-guard-untrusted-host violation"],
        ],
        [
            "an endpoint nested 2,000 levels deep in JSON in a string: not read, so cannot verify",
            () => lambda({ DEEP: JSON.stringify(nested(2000, OSS, (inner) => ({ next: [inner] }))) }),
            ["clean-guard-untrusted-host unverified"],
        ],
        [
            "an endpoint nested 2,000 levels deep in objects, as an input",
            () =>
                awsResource(
                    "aws:s3/bucket:Bucket",
                    { deep: nested(2000, OSS, (inner) => ({ next: inner })) },
                    { providerRegion: "eu-west-1" },
                ),
            ["clean-guard-untrusted-host unverified"],
        ],
    ];
    for (const [what, build, expected] of cases) {
        it(`${what}: ${expected.length ? expected.join(", ") : "pass"}`, async () =>
            assertJudged(await judgeResource(build()), expected));
    }
});

describe("limits: a 10 MB property through the engine", function () {
    this.timeout(120_000);
    let engine: EngineEmulator;
    before(async () => (engine = await EngineEmulator.start({ stackConfig: { "aws:region": "eu-west-1" } })));
    after(async () => engine?.stop());

    it("crosses the Analyzer protocol and is judged, the message short", async () => {
        const diags = await engine.analyze({
            type: "aws:lambda/function:Function",
            name: "big",
            inputs: { environment: { variables: { BLOB: `${"x".repeat(10 * MB)}/${OSS}` } } },
            provider: defaultProvider("aws", { "aws:region": "eu-west-1" }),
        });
        assert.deepEqual(
            diags.map((d) => `${d.policyName} ${d.enforcementLevel}`),
            ["clean-guard-untrusted-host mandatory"],
        );
        assert.ok(diags[0].message.length < MAX_MESSAGE, `a ${diags[0].message.length}-character message`);
    });
});
