// A profile's exemptions through the whole evaluation, on a fixed clock: a live one removes exactly the
// findings it names, an expired one keeps its finding and says so, one naming another policy changes nothing,
// and a resource's own tag lifts only what the profile lets tags lift.
import { strict as assert } from "node:assert";
import { evaluateResource } from "../../src/engine/evaluate";
import type { Finding } from "../../src/model/finding";
import type { NormalisedResource } from "../../src/model/resource";
import { allPolicies } from "../../src/policies";
import { s3Bucket } from "../support/builders";
import { catalog, judgeResource, judgeStack, orgProfile, type JudgeOptions } from "../policies/judge";

const REGION = "clean-guard-disallowed-region";
const RESIDENCY = "clean-guard-data-residency";
const HOST = "clean-guard-untrusted-host";

/** An exemption of a policy the logs bucket does not break. */
const OTHER_POLICY = `  - policies: [${RESIDENCY}]
    urns: ["*::logs"]
    reason: Names a policy the logs bucket does not break
    owner: data-team
    ticket: OTHER-POLICY
    expires: 2026-12-31
`;

const profile = orgProfile(`
tagExemptions:
  policies: [${HOST}]
exemptions:
  - policies: [${REGION}]
    urns: ["*::archive"]
    reason: The archive leaves Beijing in Q3
    owner: storage-team
    ticket: LIVE-1
    expires: 2026-12-31
  - policies: [${REGION}]
    urns: ["*::logs"]
    reason: Logs were to move by January
    owner: ops-team
    ticket: EXPIRED-1
    expires: 2026-01-31
${OTHER_POLICY}`);

const NOW = new Date("2026-06-15T12:00:00Z");

// Every bucket is in AWS Beijing; the archive is also classified eu, the mirror also ships logs to Alibaba OSS
// and tags itself exempt.
const archive = s3Bucket({ tags: { "data-residency": "eu" } }, { providerRegion: "cn-north-1", name: "archive" });
const logs = s3Bucket({}, { providerRegion: "cn-north-1", name: "logs" });
const mirror = s3Bucket(
    {
        loggingTarget: "https://oss-eu-central-1.aliyuncs.com/logs",
        tags: { "clean-guard-exempt": "OPS-7 until the OSS mirror is retired" },
    },
    { providerRegion: "cn-north-1", name: "mirror" },
);
const stack = [archive, logs, mirror];

const named = (findings: Finding[]) => findings.map((f) => `${f.policy} ${f.resource.name}`).sort();

async function perResource(resources: NormalisedResource[], options: JudgeOptions): Promise<Finding[]> {
    return (await Promise.all(resources.map((r) => judgeResource(r, options)))).flat();
}

const passes: Array<[string, (options: JudgeOptions) => Promise<Finding[]>]> = [
    ["evaluateStack (the CLI, AnalyzeStack)", async (options) => (await judgeStack(stack, options)).all],
    ["evaluateResource (Analyze)", (options) => perResource(stack, options)],
];

describe("exemptions through the evaluation", () => {
    it("the stack breaks these policies without exemptions", async () => {
        assert.deepEqual(named((await judgeStack(stack)).all), [
            `${RESIDENCY} archive`,
            `${REGION} archive`,
            `${REGION} logs`,
            `${REGION} mirror`,
            `${HOST} mirror`,
        ]);
    });

    for (const [pass, judge] of passes) {
        describe(pass, () => {
            it("a live exemption and an allowed tag remove exactly the findings they name", async () => {
                assert.deepEqual(named(await judge({ profile, now: NOW })), [
                    `${RESIDENCY} archive`,
                    `${REGION} logs`,
                    `${REGION} mirror`,
                ]);
            });

            it("an expired exemption keeps its finding, which names the ticket, owner and expiry", async () => {
                const kept = (await judge({ profile, now: NOW })).filter((f) => f.resource.name === "logs");
                assert.equal(kept.length, 1);
                assert.match(
                    kept[0].message,
                    /'logs': aws region cn-north-1 .* \(exemption EXPIRED-1 of ops-team expired on 2026-01-31; it no longer applies\)$/,
                );
            });

            it("the exemption holds through its last day (UTC) and lapses after it", async () => {
                const lastDay = await judge({ profile, now: new Date("2026-12-31T23:59:59Z") });
                assert.ok(!named(lastDay).includes(`${REGION} archive`), "LIVE-1 still applies on 2026-12-31");
                const after = await judge({ profile, now: new Date("2027-01-01T00:00:00Z") });
                const archiveRegion = after.filter((f) => f.policy === REGION && f.resource.name === "archive");
                assert.equal(archiveRegion.length, 1, "LIVE-1 has lapsed on 2027-01-01");
                assert.match(archiveRegion[0].message, /exemption LIVE-1 of storage-team expired on 2026-12-31/);
            });

            it("before its expiry the expired exemption did exempt", async () => {
                const january = await judge({ profile, now: new Date("2026-01-31T12:00:00Z") });
                assert.ok(!named(january).includes(`${REGION} logs`));
            });

            it("an exemption naming a policy the resource does not break changes nothing", async () => {
                const withOnlyThat = orgProfile(`exemptions:\n${OTHER_POLICY}`);
                const plain = await judge({ profile: orgProfile(""), now: NOW });
                const exempted = await judge({ profile: withOnlyThat, now: NOW });
                assert.deepEqual(
                    exempted.map((f) => f.message),
                    plain.map((f) => f.message),
                );
            });
        });
    }

    it("the evaluation reports which exemptions were used, expired or matched nothing", async () => {
        const { exemptions } = await judgeStack(stack, { profile, now: NOW });
        assert.deepEqual(
            exemptions.used.map((e) => [e.ticket, e.owner, e.expires, e.origin, e.reason]),
            [
                ["LIVE-1", "storage-team", "2026-12-31", "org.yaml:6", "The archive leaves Beijing in Q3"],
                [
                    "tag clean-guard-exempt",
                    "the resource's tag clean-guard-exempt",
                    "",
                    mirror.urn,
                    "OPS-7 until the OSS mirror is retired",
                ],
            ],
        );
        assert.deepEqual(
            exemptions.expired.map(({ exemption, finding }) => [exemption.ticket, finding.resource.name]),
            [["EXPIRED-1", "logs"]],
        );
        assert.deepEqual(
            exemptions.unused.map((e) => e.ticket),
            ["OTHER-POLICY"],
        );
    });
});

describe("exemptions by stack and project", () => {
    const rehearsal = orgProfile(`
tagExemptions:
  policies: ["*"]
exemptions:
  - policies: [${REGION}]
    stacks: [dev]
    projects: [shop]
    reason: The shop's dev stack rehearses the China launch
    owner: launch-team
    ticket: BY-STACK
    expires: 2026-12-31
`);
    const regionFindings = (findings: Finding[]) => findings.filter((f) => f.policy === REGION);
    const inStack = (r: NormalisedResource, stack: string) => ({
        ...r,
        urn: r.urn.replace("urn:pulumi:dev::", `urn:pulumi:${stack}::`),
    });

    it("exempts the stack and project it names", async () => {
        assert.deepEqual(regionFindings(await judgeResource(logs, { profile: rehearsal, now: NOW })), []);
    });

    it("not another stack of the same project", async () => {
        const prod = inStack(logs, "prod");
        const findings = await judgeResource(prod, { profile: rehearsal, now: NOW, stackName: "prod" });
        assert.equal(regionFindings(findings).length, 1);
    });

    it("when the run does not know the stack's names, reads them from the resource's URN", async () => {
        const unnamed = { tags: new Map(), config: new Map(), phase: "update" as const };
        const options = { policies: allPolicies, profile: rehearsal, catalog, now: NOW };
        assert.deepEqual(regionFindings((await evaluateResource(logs, unnamed, options)).findings), []);
        const prod = (await evaluateResource(inStack(logs, "prod"), unnamed, options)).findings;
        assert.equal(regionFindings(prod).length, 1);
    });

    it("a resource whose URN is no Pulumi URN (a hand-edited export) is still judged, and exempted by its type", async () => {
        const unnamed = { tags: new Map(), config: new Map(), phase: "update" as const };
        const byType = orgProfile(`
exemptions:
  - policies: [${REGION}]
    types: ["aws:s3/bucket:Bucket"]
    reason: Buckets are moving out of Beijing
    owner: storage-team
    ticket: BY-TYPE
    expires: 2026-12-31
`);
        const bare = { ...logs, urn: "logs-bucket" };
        const judged = async (p: typeof byType) =>
            regionFindings(
                (await evaluateResource(bare, unnamed, { policies: allPolicies, profile: p, catalog, now: NOW }))
                    .findings,
            );
        assert.equal((await judged(orgProfile(""))).length, 1, "without the exemption the region is rejected");
        assert.deepEqual(await judged(byType), []);
    });

    it("a tag exempts from every policy when the profile lists `*` for tags", async () => {
        const findings = await judgeResource(inStack(mirror, "prod"), {
            profile: rehearsal,
            now: NOW,
            stackName: "prod",
        });
        assert.deepEqual(named(findings), []);
    });
});
