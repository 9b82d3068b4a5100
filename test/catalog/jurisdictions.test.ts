// Jurisdiction groups and countries, and the catalog summary.

import assert from "assert";
import { catalogSummary, defaultCatalog, loadCatalog } from "../../src/catalog";
import { fixtureCatalogDir } from "./fixture-dir";
import { euMembers as eu } from "./reference-tables";

const catalog = defaultCatalog();

describe("jurisdiction groups", () => {
    const cases: Array<[string, string[] | undefined]> = [
        ["eu", eu],
        ["EU", eu],
        ["eea", [...eu, "IS", "LI", "NO"].sort()],
        ["five-eyes", ["AU", "CA", "GB", "NZ", "US"]],
        ["clean-countries", ["BG", "BR", "DO", "EC", "EE", "GE", "MK", "SZ"]],
        ["de", ["DE"]],
        ["DE", ["DE"]],
        [" ca ", ["CA"]],
        ["uk", undefined],
        ["xk", undefined],
        ["europe", undefined],
        ["nato", undefined],
        ["", undefined],
    ];
    for (const [name, countries] of cases) {
        it(`${JSON.stringify(name)} -> ${countries ? countries.join(", ") : "unknown"}`, () => {
            const found = catalog.jurisdiction(name);
            assert.deepStrictEqual(found && [...found].sort(), countries);
        });
    }

    it("names the groups", () => {
        assert.deepStrictEqual(catalog.jurisdictionGroups().sort(), ["clean-countries", "eea", "eu", "five-eyes"]);
    });

    it("the EU has no member outside the EEA, and the UK is in neither", () => {
        const eea = catalog.jurisdiction("eea");
        assert.deepStrictEqual(
            [...(catalog.jurisdiction("eu") ?? [])].filter((c) => !eea?.has(c)),
            [],
        );
        assert.deepStrictEqual([catalog.jurisdiction("eu")?.has("GB"), eea?.has("GB")], [false, false]);
    });
});

describe("countries", () => {
    it("knows all 249 ISO 3166-1 alpha-2 codes", () => {
        assert.strictEqual((catalog.facts?.() ?? []).filter((f) => f.kind === "country").length, 249);
    });

    const cases: Array<[string, boolean, string | undefined]> = [
        ["DE", true, "Germany"],
        ["de", true, "Germany"],
        ["GB", true, "United Kingdom"],
        ["TW", true, "Taiwan"],
        ["HK", true, "Hong Kong SAR China"],
        ["SZ", true, "Eswatini"],
        ["UK", false, undefined],
        ["EU", false, undefined],
        ["XK", false, undefined],
        ["ZZ", false, undefined],
    ];
    for (const [code, isCountry, name] of cases) {
        it(`${code}: ${isCountry ? name : "not an ISO code"}`, () => {
            assert.deepStrictEqual([catalog.isCountry(code), catalog.countryName(code)], [isCountry, name]);
        });
    }
});

describe("catalogSummary", () => {
    it("counts regions per cloud, countries, groups and identifiers of the shipped catalog", () => {
        const text = catalogSummary(catalog);
        for (const line of [
            /aws +55 regions, 8 partitions/,
            /Countries: 249/,
            /eu \(27\), eea \(30\), five-eyes \(5\), clean-countries \(8\)/,
            /alibaba +packages 6, domains 4, cdnDomains 3, registries 1, asns 2, imageMarkers 2, ai-service 4 \[clean-cloud, disallowed by default\]/,
            /bytedance .*allowed by default/,
            /False friends \(never flagged\): ecloud/,
            /Entries without a source: none/,
        ]) {
            assert.match(text, line);
        }
    });

    it("lists an entry without a source and an unverified one", () => {
        const text = catalogSummary(loadCatalog(fixtureCatalogDir("unsourced")));
        assert.match(text, /Entries without a source: 1\n {2}domains alibaba aliyuncs\.com/);
        assert.match(text, /Unverified entries \(third-party or inferred\): 1\n {2}domains alibaba alibabacloud\.com/);
    });
});
