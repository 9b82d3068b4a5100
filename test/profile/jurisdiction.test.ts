import * as assert from "node:assert/strict";
import { defaultCatalog } from "../../src/catalog/index";
import { describeJurisdiction } from "../../src/profile/jurisdiction";
import { defaultProfile, loadProfile } from "../../src/profile/load";
import { printDefaultProfile } from "../../src/profile/print";
import { POLICY_NAMES } from "./policies";

const profile = loadProfile(
    { name: "org.yaml", yamlText: "version: 1\njurisdictions:\n  eu-plus-ch: [eu, ch]\n  swiss-only: [CH]\n" },
    defaultCatalog(),
    POLICY_NAMES,
);

describe("profile: classification values as countries", () => {
    // [value as written on a tag, some countries inside, some outside, count]
    const cases: Array<[string, string[], string[], number]> = [
        ["de", ["DE"], ["AT"], 1],
        ["DE", ["DE"], ["AT"], 1],
        ["eu", ["DE", "FR", "IE", "HR"], ["CH", "GB", "NO"], 27],
        ["eea", ["DE", "NO", "IS", "LI"], ["CH", "GB"], 30],
        ["five-eyes", ["US", "GB", "CA", "AU", "NZ"], ["DE"], 5],
        ["eu-plus-ch", ["DE", "CH"], ["GB", "NO"], 28],
        ["EU-Plus-CH", ["CH"], ["GB"], 28],
        ["swiss-only", ["CH"], ["DE"], 1],
    ];
    for (const [value, inside, outside, count] of cases) {
        it(`${value}: ${count} ${count === 1 ? "country" : "countries"}`, () => {
            const countries = profile.rules.countriesOf(value);
            assert.ok(countries, `${value} resolves`);
            assert.equal(countries.size, count);
            for (const c of inside) assert.ok(countries.has(c), `${c} is in ${value}`);
            for (const c of outside) assert.ok(!countries.has(c), `${c} is not in ${value}`);
        });
    }

    it("a value nothing knows is undefined, never an empty set that would allow nowhere or everywhere", () => {
        assert.equal(profile.rules.countriesOf("europe"), undefined);
        assert.equal(profile.rules.countriesOf("xx"), undefined);
    });

    const described: Array<[string, string]> = [
        ["eu", "eu (27 countries)"],
        ["de", "de (Germany)"],
        ["DE", "de (Germany)"],
        [" de ", "de (Germany)"],
        ["eu-plus-ch", "eu-plus-ch (28 countries)"],
        ["swiss-only", "swiss-only (1 country: CH)"],
        ["europe", "europe (unknown jurisdiction)"],
    ];
    for (const [value, text] of described) {
        it(`describes ${value} as "${text}"`, () =>
            assert.equal(describeJurisdiction(value, profile, defaultCatalog()), text));
    }
});

describe("profile: printDefaultProfile", () => {
    const text = printDefaultProfile();

    it("prints a profile that, copied as an organisation's own (`extends: none`), enforces exactly the default", () => {
        const copied = loadProfile(
            { yamlText: `${text}\nextends: none\n`, name: "copied.yaml" },
            defaultCatalog(),
            POLICY_NAMES,
        );
        // `rules` is what each profile compiled its own data into: the data is what must be equal.
        const { source: _copiedSource, rules: _copiedRules, ...rules } = copied;
        const { source: _defaultSource, rules: _defaultRules, ...defaults } = defaultProfile(defaultCatalog());
        assert.deepEqual(rules, defaults);
    });

    it("explains, in the printed comments, why Hong Kong is not disallowed and how to disallow it", () => {
        assert.match(text, /Hong Kong \(HK\) is NOT disallowed by default/);
        assert.match(text, /Add `hk` here in your own profile/);
    });
});
