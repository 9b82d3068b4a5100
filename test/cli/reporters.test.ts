import * as assert from "node:assert/strict";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
// The OASIS SARIF 2.1.0 schema (rtm.5, as published on SchemaStore), shipped by Microsoft's SARIF matchers.
import SARIF_SCHEMA from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
import { describePlacement } from "../../src/report/describe";
import { formatHtml } from "../../src/report/html";
import { formatJson } from "../../src/report/json";
import { formatJunit } from "../../src/report/junit";
import { formatSarif, SARIF_SCHEMA_URI } from "../../src/report/sarif";
import { formatText } from "../../src/report/text";
import { evaluation, meta, SECRET_HOST, SECRET_REGION } from "./report-fixture";

const urnOf = (name: string) => [...evaluation.placements.keys()].find((u) => u.endsWith(`::${name}`))!;

describe("report: placement description", () => {
    const cases: Array<[string, string]> = [
        [
            "logs",
            "aws:s3/bucket:Bucket 'logs' -> eu-west-1 (IE) primary; replica cn-north-1 (CN) via replicationConfiguration.rules[0].destination.bucket; hosts: [secret] (alibaba)",
        ],
        [
            "orders",
            "aws:dynamodb/table:Table 'orders' -> eu-central-1 (DE) primary; replica [secret] (country unknown) via replicas[0].regionName",
        ],
        ["media", "aws:s3/bucket:Bucket 'media' -> us-east-1 (US) primary"],
    ];
    for (const [name, expected] of cases) {
        it(name, () => assert.equal(describePlacement(evaluation.placements.get(urnOf(name))!), expected));
    }
});

describe("report: text", () => {
    it("ends with the summary: violations (mandatory ones), cannot-verify, resources scanned", () => {
        const text = formatText(evaluation, meta);
        assert.match(text, /^3 violations \(2 mandatory\), 2 cannot-verify, 7 resources scanned$/m);
        assert.match(text, /^note: skipped 1 resource being deleted$/m);
    });
    it("heads each resource's findings with its placement", () => {
        const text = formatText(evaluation, meta);
        for (const name of ["logs", "orders", "media"]) {
            assert.ok(text.includes(describePlacement(evaluation.placements.get(urnOf(name))!)), name);
        }
    });
    it("labels blocking, warning and advisory findings", () => {
        const text = formatText(evaluation, meta);
        assert.equal(text.match(/BLOCK/g)?.length, 3);
        assert.equal(text.match(/WARN/g)?.length, 1);
        assert.equal(text.match(/NOTE/g)?.length, 1);
    });
    it("colours only when asked", () => {
        const ESC = "\u001b[";
        assert.ok(!formatText(evaluation, meta).includes(ESC));
        assert.ok(formatText(evaluation, meta, { color: true }).includes(`${ESC}31mBLOCK`));
    });
});

describe("report: json", () => {
    const report = JSON.parse(formatJson(evaluation, meta));
    it("has the documented shape and summary", () => {
        assert.equal(report.schema, "clean-guard-report/1");
        assert.deepEqual(report.summary, { resources: 7, violations: 3, mandatory: 2, unverified: 2, blocking: 3 });
        assert.deepEqual(report.stack, { project: "shop", stack: "dev", phase: "preview" });
    });
    it("gives each finding its level", () => {
        const levels = report.findings.map((f: { policy: string; level: string }) => `${f.policy}:${f.level}`);
        assert.deepEqual(levels, [
            "clean-guard-cross-border-replication:error",
            "clean-guard-untrusted-host:error",
            "clean-guard-cross-border-replication:error",
            "clean-guard-unverified:note",
            "clean-guard-data-residency:warning",
        ]);
    });
    it("includes every placement, secrets masked", () => {
        assert.equal(report.placements.length, 4);
        const orders = report.placements.find((p: { resource: { name: string } }) => p.resource.name === "orders");
        assert.equal(orders.locations[1].name, "[secret]");
    });
});

describe("report: JUnit", () => {
    const xml = formatJunit(evaluation, meta);
    const parsed = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: "",
        isArray: (name) => name === "testsuite" || name === "testcase",
    }).parse(xml);
    const suites: Array<Record<string, string> & { testcase: unknown[] }> = parsed.testsuites.testsuite;
    it("is well-formed XML despite markup in a message", () => assert.equal(XMLValidator.validate(xml), true));
    it("has one suite per policy and the right totals", () => {
        assert.equal(suites.length, 8);
        const totals = parsed.testsuites;
        // 5 findings + 4 policies without findings, one passing case each
        assert.deepEqual([totals.tests, totals.failures, totals.errors, totals.skipped], ["9", "3", "1", "1"]);
    });
    const perSuite: Array<[string, string, string, string, string]> = [
        // policy, tests, failures, errors, skipped
        ["clean-guard-cross-border-replication", "2", "1", "1", "0"],
        ["clean-guard-untrusted-host", "1", "1", "0", "0"],
        ["clean-guard-data-residency", "1", "1", "0", "0"],
        ["clean-guard-unverified", "1", "0", "0", "1"],
        ["clean-guard-untrusted-carrier", "1", "0", "0", "0"],
    ];
    for (const [policy, tests, failures, errors, skipped] of perSuite) {
        it(`${policy}: ${tests} tests, ${failures} failures, ${errors} errors, ${skipped} skipped`, () => {
            const suite = suites.find((s) => s.name === policy)!;
            assert.deepEqual(
                [suite.tests, suite.failures, suite.errors, suite.skipped],
                [tests, failures, errors, skipped],
            );
            assert.equal(suite.testcase.length, Number(tests));
        });
    }
    it("keeps the escaped text intact", () => assert.ok(xml.includes("&lt;via&gt; &quot;rule&quot; &amp; co")));
});

describe("report: SARIF", () => {
    const log = JSON.parse(formatSarif(evaluation, meta));
    const run = log.runs[0];
    it("validates against the SARIF 2.1.0 JSON schema", () => {
        // The published schema's `language` pattern is not valid with the `u` flag ajv uses by default.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(SARIF_SCHEMA);
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });
    it("names the SARIF 2.1.0 schema", () => {
        assert.equal(log.$schema, SARIF_SCHEMA_URI);
        assert.equal(log.version, "2.1.0");
    });
    it("has one rule per policy, with its metadata", () => {
        assert.deepEqual(
            run.tool.driver.rules.map((r: { id: string }) => r.id),
            [...meta.policies.keys()],
        );
        const residency = run.tool.driver.rules.find((r: { id: string }) => r.id === "clean-guard-data-residency");
        assert.equal(residency.help.text, "clean-guard-data-residency remediation");
        assert.equal(residency.properties.enforcementLevel, "advisory");
        assert.equal(residency.defaultConfiguration.level, "warning");
    });
    it("gives each result its level, its rule and the resource URN as logical location", () => {
        const rows = run.results.map(
            (r: {
                ruleId: string;
                ruleIndex: number;
                level: string;
                locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }>;
            }) => [
                r.ruleId,
                run.tool.driver.rules[r.ruleIndex].id,
                r.level,
                r.locations[0].logicalLocations[0].fullyQualifiedName,
            ],
        );
        assert.deepEqual(rows, [
            ["clean-guard-cross-border-replication", "clean-guard-cross-border-replication", "error", urnOf("logs")],
            ["clean-guard-untrusted-host", "clean-guard-untrusted-host", "error", urnOf("logs")],
            ["clean-guard-cross-border-replication", "clean-guard-cross-border-replication", "error", urnOf("orders")],
            ["clean-guard-unverified", "clean-guard-unverified", "note", urnOf("orders")],
            ["clean-guard-data-residency", "clean-guard-data-residency", "warning", urnOf("media")],
        ]);
    });
});

describe("report: secrets", () => {
    const formats: Array<[string, () => string | Promise<string>]> = [
        ["text", () => formatText(evaluation, meta)],
        ["json", () => formatJson(evaluation, meta)],
        ["sarif", () => formatSarif(evaluation, meta)],
        ["junit", () => formatJunit(evaluation, meta)],
        ["html", () => formatHtml(evaluation, meta)],
    ];
    for (const [format, render] of formats) {
        it(`${format} never prints a secret location or host`, async () => {
            const out = await render();
            assert.ok(!out.includes(SECRET_REGION), "secret region printed");
            assert.ok(!out.includes(SECRET_HOST), "secret host printed");
        });
    }
});

describe("report: exemptions", () => {
    const exemption = {
        policies: ["clean-guard-data-residency"],
        urns: ["*::media"],
        reason: "US analytics contract",
        owner: "data-team",
        ticket: "SEC-42",
        expires: "2027-01-31",
    };
    const withExemptions = { ...evaluation, exemptions: { used: [exemption], unused: [], expired: [] } };
    it("text says how many were used, matched nothing or expired", () => {
        assert.match(
            formatText(withExemptions, meta),
            /^exemptions: 1 used, 0 matched nothing, 0 findings kept because their exemption expired$/m,
        );
        assert.doesNotMatch(formatText(evaluation, meta), /exemptions:/);
    });
    it("json lists them with owner and ticket", () => {
        const report = JSON.parse(formatJson(withExemptions, meta));
        assert.deepEqual(report.exemptions.used, [exemption]);
    });
});

describe("report: text for a large stack", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
        ...evaluation.findings[4],
        resource: {
            ...evaluation.findings[4].resource,
            urn: `urn:pulumi:dev::shop::aws:s3/bucket:Bucket::b${i}`,
            name: `b${i}`,
        },
    }));
    const text = formatText({ findings: many, placements: new Map() }, meta);
    it("draws tables for the first 50 resources, then one line per finding", () => {
        assert.equal(text.match(/┌/g)?.length, 50);
        assert.match(text, /^\(tables for the first 50 resources; one line per finding from here on\)$/m);
        const lines = text
            .split("\n")
            .filter((l) => /^WARN clean-guard-data-residency aws:s3\/bucket:Bucket 'b\d+': us-east-1/.test(l));
        assert.deepEqual(
            lines.map((l) => l.split("'")[1]),
            Array.from({ length: 10 }, (_, i) => `b${50 + i}`),
        );
    });
});
