import * as assert from "node:assert/strict";
import { defaultCatalog } from "../../src/catalog/index";
import { ExemptionUsage, matchExemption, type ExemptionSubject } from "../../src/profile/exemptions";
import { loadProfile } from "../../src/profile/load";
import { POLICY_NAMES } from "./policies";

// One profile with exemptions that differ in one selector each, so every case below shows which
// selector decided. Tickets name the exemptions in the expectations.
const loadOrgProfile = () =>
    loadProfile(
        {
            name: "org.yaml",
            yamlText: `
version: 1
tagExemptions:
  policies: [clean-guard-untrusted-image]
exemptions:
  - policies: [clean-guard-data-residency]
    urns: ["urn:pulumi:prod::billing::*::invoices"]
    reason: Invoices archive moves to eu-central-1 in Q3
    owner: billing-team
    ticket: BY-URN
    expires: 2026-12-31
  - policies: [clean-guard-untrusted-host]
    types: ["aws:s3/*"]
    projects: ["legacy-*"]
    reason: Mirror to OSS during migration
    owner: platform-team
    ticket: BY-TYPE-AND-PROJECT
    expires: 2026-12-31
  - policies: ["*"]
    stacks: ["sandbox-*"]
    reason: Sandboxes hold no customer data
    owner: platform-team
    ticket: BY-STACK
    expires: 2026-12-31
  - policies: [clean-guard-untrusted-carrier]
    reason: Peering contract ends in January
    owner: network-team
    ticket: EXPIRED
    expires: 2026-01-31
  - policies: [clean-guard-untrusted-provider]
    types: ["alicloud:*"]
    reason: Never hit in these tests
    owner: platform-team
    ticket: NEVER-USED
    expires: 2026-12-31
`,
        },
        defaultCatalog(),
        POLICY_NAMES,
    );
const profile = loadOrgProfile();

const NOW = new Date("2026-06-15T12:00:00Z");

function subject(overrides: Partial<ExemptionSubject>): ExemptionSubject {
    return {
        policy: "clean-guard-data-residency",
        urn: "urn:pulumi:prod::billing::aws:s3/bucket:Bucket::invoices",
        type: "aws:s3/bucket:Bucket",
        stack: "prod",
        project: "billing",
        tags: {},
        ...overrides,
    };
}

const legacyBucket = {
    urn: "urn:pulumi:prod::legacy-shop::aws:s3/bucket:Bucket::assets",
    type: "aws:s3/bucket:Bucket",
    project: "legacy-shop",
};

// [what, subject, ticket of the matching exemption or undefined, expired]
const cases: Array<[string, ExemptionSubject, string | undefined, boolean]> = [
    ["the URN glob and the policy match", subject({}), "BY-URN", false],
    [
        "the URN glob crosses the type token's slash and a parent's `$`",
        subject({ urn: "urn:pulumi:prod::billing::my:app$aws:s3/bucket:Bucket::invoices" }),
        "BY-URN",
        false,
    ],
    ["same resource, another policy", subject({ policy: "clean-guard-untrusted-image" }), undefined, false],
    [
        "same policy, a resource of another name",
        subject({ urn: "urn:pulumi:prod::billing::aws:s3/bucket:Bucket::invoices-copy" }),
        undefined,
        false,
    ],
    [
        "type and project both match",
        subject({ ...legacyBucket, policy: "clean-guard-untrusted-host" }),
        "BY-TYPE-AND-PROJECT",
        false,
    ],
    [
        "the type matches but the project does not",
        subject({ ...legacyBucket, project: "shop", policy: "clean-guard-untrusted-host" }),
        undefined,
        false,
    ],
    [
        "the project matches but the type does not",
        subject({ ...legacyBucket, type: "aws:sqs/queue:Queue", policy: "clean-guard-untrusted-host" }),
        undefined,
        false,
    ],
    [
        "`*` policies on a sandbox stack",
        subject({ stack: "sandbox-alice", policy: "clean-guard-untrusted-image" }),
        "BY-STACK",
        false,
    ],
    [
        "a stack that only starts like a sandbox",
        subject({ stack: "sandbo", policy: "clean-guard-untrusted-image" }),
        undefined,
        false,
    ],
    [
        "an exemption past its day still matches, as expired",
        subject({ policy: "clean-guard-untrusted-carrier" }),
        "EXPIRED",
        true,
    ],
];

describe("profile: matchExemption", () => {
    for (const [what, s, ticket, expired] of cases) {
        it(what, () => {
            const match = matchExemption(profile, s, NOW);
            assert.equal(match?.exemption.ticket, ticket);
            if (ticket !== undefined) assert.equal(match?.expired, expired);
        });
    }

    it("an exemption applies through the whole of its last day (UTC) and stops after it", () => {
        // Loaded here, not only when the file loads: the mutation run credits the expiry's computation to the
        // tests that ran it.
        const profile = loadOrgProfile();
        const carrier = subject({ policy: "clean-guard-untrusted-carrier" });
        assert.equal(matchExemption(profile, carrier, new Date("2026-01-31T23:59:59Z"))?.expired, false);
        assert.equal(matchExemption(profile, carrier, new Date("2026-02-01T00:00:00Z"))?.expired, true);
    });

    describe("a resource's own tag", () => {
        const tagged = { "clean-guard-exempt": "Vendor image approved in SEC-77" };
        it("exempts from a policy the profile lists in tagExemptions, with the tag's text as the reason", () => {
            const match = matchExemption(
                profile,
                subject({ policy: "clean-guard-untrusted-image", tags: tagged }),
                NOW,
            );
            assert.equal(match?.via, "tag");
            assert.equal(match?.expired, false);
            assert.equal(match?.exemption.reason, "Vendor image approved in SEC-77");
        });
        it("does not exempt from a policy the profile does not list", () => {
            assert.equal(
                matchExemption(profile, subject({ policy: "clean-guard-untrusted-host", tags: tagged }), NOW),
                undefined,
            );
        });
        it("does not exempt under the default profile, which lists no policy", () => {
            const plain = loadProfile({ yamlText: "version: 1", name: "org.yaml" }, defaultCatalog(), POLICY_NAMES);
            assert.equal(
                matchExemption(plain, subject({ policy: "clean-guard-untrusted-image", tags: tagged }), NOW),
                undefined,
            );
        });
        it("an empty tag exempts nothing: every exemption says why", () => {
            const empty = { "clean-guard-exempt": " " };
            assert.equal(
                matchExemption(profile, subject({ policy: "clean-guard-untrusted-image", tags: empty }), NOW),
                undefined,
            );
        });
        it("a tag of another name does nothing", () => {
            const other = { exempt: "please" };
            assert.equal(
                matchExemption(profile, subject({ policy: "clean-guard-untrusted-image", tags: other }), NOW),
                undefined,
            );
        });
    });
});

describe("profile: ExemptionUsage", () => {
    it("lists the exemptions a run never matched, and the expired ones that still matched, with counts", () => {
        const usage = new ExemptionUsage(profile);
        const run: ExemptionSubject[] = [
            subject({}),
            subject({ ...legacyBucket, policy: "clean-guard-untrusted-host" }),
            subject({ policy: "clean-guard-untrusted-carrier" }),
            subject({
                policy: "clean-guard-untrusted-carrier",
                urn: "urn:pulumi:prod::billing::aws:ec2/vpnConnection:VpnConnection::peer",
            }),
            subject({ policy: "clean-guard-untrusted-image", tags: { "clean-guard-exempt": "approved" } }),
        ];
        for (const s of run) usage.record(matchExemption(profile, s, NOW));
        assert.deepEqual(
            usage.unused().map((e) => e.ticket),
            ["BY-STACK", "NEVER-USED"],
        );
        assert.deepEqual(
            usage.expiredHits().map(({ exemption, findings }) => [exemption.ticket, findings]),
            [["EXPIRED", 2]],
        );
        assert.deepEqual(
            usage.used().map((e) => e.ticket),
            ["BY-URN", "BY-TYPE-AND-PROJECT", "tag clean-guard-exempt"],
        );
    });

    it("an expired exemption that only matched after expiry is not counted as used", () => {
        const usage = new ExemptionUsage(profile);
        usage.record(matchExemption(profile, subject({ policy: "clean-guard-untrusted-carrier" }), NOW));
        assert.deepEqual(usage.used(), []);
        assert.ok(!usage.unused().some((e) => e.ticket === "EXPIRED"), "it matched, so it is not dead");
    });

    it("unused exemptions say where they were written", () => {
        const usage = new ExemptionUsage(profile);
        assert.deepEqual(
            usage.unused().map((e) => `${e.ticket} ${e.origin}`),
            [
                "BY-URN org.yaml:6",
                "BY-TYPE-AND-PROJECT org.yaml:12",
                "BY-STACK org.yaml:19",
                "EXPIRED org.yaml:25",
                "NEVER-USED org.yaml:30",
            ],
        );
    });
});
