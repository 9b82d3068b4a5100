// A profile's exemptions as `pulumi preview` shows them: the compiled pack driven over the Analyzer protocol
// with the profile in its policy config. The pack reads the real clock, so expiry dates sit far from today.
import { strict as assert } from "node:assert";
import { EngineEmulator, explicitProvider, type Diagnostic, type EmulatedResource } from "../emulator/engine";

const REGION = "clean-guard-disallowed-region";
const HOST = "clean-guard-untrusted-host";

const settings = {
    version: 1,
    tagExemptions: { policies: [HOST] },
    exemptions: [
        {
            policies: [REGION],
            urns: ["*::archive"],
            reason: "The archive leaves Beijing next quarter",
            owner: "storage-team",
            ticket: "LIVE-3",
            expires: "2999-12-31",
        },
        {
            policies: [REGION],
            urns: ["*::logs"],
            reason: "Logs were to move long ago",
            owner: "ops-team",
            ticket: "EXPIRED-3",
            expires: "2001-01-31",
        },
        {
            policies: ["clean-guard-data-residency"],
            urns: ["*::logs"],
            reason: "Names a policy the logs bucket does not break",
            owner: "data-team",
            ticket: "OTHER-3",
            expires: "2999-12-31",
        },
    ],
};

const china = explicitProvider("aws", "china", { region: "cn-north-1" });
const bucket = (name: string, inputs: Record<string, string | Record<string, string>> = {}): EmulatedResource => ({
    type: "aws:s3/bucket:Bucket",
    name,
    inputs,
    provider: china,
});
const stack = [
    bucket("archive"),
    bucket("logs"),
    bucket("mirror", {
        loggingTarget: "https://oss-eu-central-1.aliyuncs.com/logs",
        tags: { "clean-guard-exempt": "OPS-7 until the OSS mirror is retired" },
    }),
];

const named = (diags: Diagnostic[]) => diags.map((d) => `${d.policyName} ${d.urn.split("::").pop()}`).sort();

describe("exemptions through the engine", function () {
    this.timeout(60_000);
    let plain: Diagnostic[];
    let exempted: Diagnostic[];

    before(async () => {
        const preview = async (policyConfig: Parameters<typeof EngineEmulator.start>[0]) => {
            const engine = await EngineEmulator.start(policyConfig);
            try {
                return await engine.preview(stack);
            } finally {
                await engine.stop();
            }
        };
        plain = await preview({});
        exempted = await preview({ policyConfig: { [REGION]: { settings } } });
    });

    // The engine judges the provider instance too (it is a resource of the stack): no exemption names it.
    it("without exemptions every bucket and their provider break the region policy, the mirror the host policy too", () => {
        assert.deepEqual(named(plain), [
            `${REGION} archive`,
            `${REGION} china`,
            `${REGION} logs`,
            `${REGION} mirror`,
            `${HOST} mirror`,
        ]);
    });

    it("the live exemption and the allowed tag remove exactly the diagnostics they name", () => {
        const findings = exempted.filter((d) => d.policyName !== "clean-guard-unverified");
        assert.deepEqual(named(findings), [`${REGION} china`, `${REGION} logs`, `${REGION} mirror`]);
    });

    it("the expired exemption keeps its diagnostic, mandatory, naming the ticket, owner and expiry", () => {
        const logs = exempted.filter((d) => d.urn.endsWith("::logs"));
        assert.equal(logs.length, 1);
        assert.equal(logs[0].enforcementLevel, "mandatory");
        assert.match(logs[0].message, /exemption EXPIRED-3 of ops-team expired on 2001-01-31; it no longer applies/);
    });

    const notes = (about: RegExp) =>
        exempted.filter((d) => d.policyName === "clean-guard-unverified" && about.test(d.message));

    it("the exemption naming a policy nothing breaks is reported, advisory, with its owner and expiry", () => {
        const unused = notes(/matched no finding/);
        assert.equal(unused.length, 1, JSON.stringify(unused));
        assert.equal(unused[0].enforcementLevel, "advisory");
        assert.match(
            unused[0].message,
            /^exemption OTHER-3 \(owner data-team, expires 2999-12-31\) in .* matched no finding in this stack; remove it/m,
        );
    });

    it("the live exemption is shown, advisory, with its ticket, owner, expiry and reason", () => {
        const used = notes(/lifted by exemption LIVE-3/);
        assert.equal(used.length, 1, JSON.stringify(used));
        assert.equal(used[0].enforcementLevel, "advisory");
        assert.match(
            used[0].message,
            /^\[clean-guard-disallowed-region\] lifted by exemption LIVE-3 \(owner storage-team, expires 2999-12-31\) in .*: The archive leaves Beijing next quarter; /m,
        );
    });

    it("the tag exemption is shown on the resource that exempts itself, advisory, with the tag's reason", () => {
        const used = notes(/lifted by exemption tag clean-guard-exempt/);
        assert.deepEqual(
            used.map((d) => [d.urn.split("::").pop(), d.enforcementLevel]),
            [["mirror", "advisory"]],
        );
        assert.match(
            used[0].message,
            /^\[clean-guard-untrusted-host\] lifted by exemption tag clean-guard-exempt \(owner the resource's tag clean-guard-exempt, expires never \(.*\)\) in urn:pulumi:.*::mirror: OPS-7 until the OSS mirror is retired; /m,
        );
    });

    it("no other advisory note is added", () => {
        assert.equal(exempted.filter((d) => d.policyName === "clean-guard-unverified").length, 3);
    });
});
