// A profile's exemptions as `clean-guard scan --profile` shows them, in every report format: what each
// exemption did, and who answers for it until when. Expiry dates sit far from today so that the real clock
// the CLI reads cannot change the outcome.
import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { FORMATS, render, type Format } from "../../src/cli/formats";
import { scan, type ScanResult } from "../../src/cli/scan";

// What the real Pulumi CLI wrote for test/pulumi/programs/shop: a bucket 'archive' through the explicit
// provider 'china' in Beijing.
const PREVIEW = path.join("test", "cli", "fixtures", "real", "shop.preview.json");

const PROFILE = `version: 1
exemptions:
  - policies: [clean-guard-disallowed-region]
    urns: ["*::archive"]
    reason: The archive leaves Beijing next quarter
    owner: storage-team
    ticket: LIVE-2
    expires: 2999-12-31
  - policies: [clean-guard-disallowed-region]
    urns: ["*::china"]
    reason: The China provider was to be retired
    owner: network-team
    ticket: EXPIRED-2
    expires: 2001-01-31
  - policies: [clean-guard-data-residency]
    urns: ["*::archive"]
    reason: Names a policy the archive does not break
    owner: data-team
    ticket: OTHER-2
    expires: 2999-12-31
`;

/** [ticket, owner, expires, what it did] */
const IN_PLAY: Array<[string, string, string, string]> = [
    ["LIVE-2", "storage-team", "2999-12-31", "used"],
    ["EXPIRED-2", "network-team", "2001-01-31", "expired"],
    ["OTHER-2", "data-team", "2999-12-31", "matched nothing"],
];

const named = (r: ScanResult) => r.evaluation.findings.map((f) => `${f.policy} ${f.resource.name}`).sort();

describe("scan --profile: exemptions in every report", function () {
    this.timeout(60_000);
    let dir: string;
    let plain: ScanResult;
    let exempted: ScanResult;
    const reports = new Map<Format, string>();

    before(async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), "clean-guard-exemptions-"));
        const profile = path.join(dir, "org.yaml");
        writeFileSync(profile, PROFILE);
        plain = await scan(PREVIEW);
        exempted = await scan(PREVIEW, { profile });
        for (const format of FORMATS)
            reports.set(format, await render(format, exempted.evaluation, exempted.meta, { color: false }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("the live exemption removes exactly the finding it names", () => {
        const removed = named(plain).filter((f) => !named(exempted).includes(f));
        assert.deepEqual(removed, ["clean-guard-disallowed-region archive"]);
        assert.equal(named(exempted).length, named(plain).length - 1);
    });

    it("the expired exemption keeps its finding, and the finding says so", () => {
        const china = exempted.evaluation.findings.filter(
            (f) => f.policy === "clean-guard-disallowed-region" && f.resource.name === "china",
        );
        assert.equal(china.length, 1);
        assert.match(
            china[0].message,
            /exemption EXPIRED-2 of network-team expired on 2001-01-31; it no longer applies/,
        );
        assert.equal(exempted.blocking, plain.blocking - 1, "the kept finding still fails the run");
    });

    it("text lists each exemption with what it did, its ticket, owner and expiry", () => {
        const text = reports.get("text")!;
        assert.match(text, /^exemptions: 1 used, 1 matched nothing, 1 findings kept because their exemption expired$/m);
        for (const [ticket, owner, expires, status] of IN_PLAY) {
            assert.match(text, new RegExp(`^  ${status}: ${ticket} \\(owner ${owner}, expires ${expires}, `, "m"));
        }
    });

    it("json and sarif carry each exemption's ticket, owner, expiry and status", () => {
        const json = JSON.parse(reports.get("json")!).exemptions;
        const fromJson = [
            ...json.used.map((e: Record<string, string>) => [e.ticket, e.owner, e.expires, "used"]),
            ...json.expired.map(({ exemption: e }: { exemption: Record<string, string> }) => [
                e.ticket,
                e.owner,
                e.expires,
                "expired",
            ]),
            ...json.unused.map((e: Record<string, string>) => [e.ticket, e.owner, e.expires, "matched nothing"]),
        ];
        assert.deepEqual(fromJson, IN_PLAY);
        const sarif = JSON.parse(reports.get("sarif")!).runs[0].properties.exemptions;
        assert.deepEqual(
            sarif.map((e: Record<string, string>) => [e.ticket, e.owner, e.expires, e.status]),
            IN_PLAY,
        );
    });

    it("junit has one passing case per exemption whose output names its owner and expiry", () => {
        const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(reports.get("junit")!);
        const suite = xml.testsuites.testsuite.find((s: { name: string }) => s.name === "clean-guard exemptions");
        assert.equal(suite.tests, "3");
        assert.equal(suite.failures, "0");
        const cases = suite.testcase as Array<{ name: string; "system-out": string }>;
        assert.deepEqual(
            cases.map((c) => c.name),
            IN_PLAY.map(([ticket]) => `exemption ${ticket}`),
        );
        IN_PLAY.forEach(([ticket, owner, expires, status], i) =>
            assert.ok(
                cases[i]["system-out"].startsWith(`${status}: ${ticket} (owner ${owner}, expires ${expires}, `),
                cases[i]["system-out"],
            ),
        );
    });

    it("html has a table row per exemption: status, ticket, owner, expiry", () => {
        const html = reports.get("html")!;
        const table = /<table class="exemptions">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
        const rows = [...table.matchAll(/<tr>(<td>[\s\S]*?)<\/tr>/g)].map((row) =>
            [...row[1].matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]),
        );
        assert.deepEqual(
            rows.map(([status, ticket, owner, expires]) => [ticket, owner, expires, status]),
            IN_PLAY,
        );
    });

    it("text, junit and html add nothing when no exemption is in play", async () => {
        const shown = (format: Format) => render(format, plain.evaluation, plain.meta, { color: false });
        assert.doesNotMatch(await shown("text"), /^exemptions:/m);
        assert.doesNotMatch(await shown("junit"), /clean-guard exemptions/);
        assert.doesNotMatch(await shown("html"), /<h2>Exemptions<\/h2>/);
    });
});
