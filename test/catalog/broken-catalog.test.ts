// A broken catalog must stop the pack with one error that says where to fix it.

import assert from "assert";
import { CatalogError, loadCatalog } from "../../src/catalog";
import { fixtureCatalogDir, fixturePath } from "./fixture-dir";

interface Expected {
    file: string;
    line: number;
    key: string;
    value: unknown;
    expected: RegExp;
}

describe("a broken catalog fails with file, line, key, value and what was expected", () => {
    const cases: Array<[string, string, Expected]> = [
        [
            "YAML that does not parse",
            "bad-yaml",
            { file: "azure.yaml", line: 7, key: "", value: "     regions: []", expected: /valid YAML/ },
        ],
        [
            "a region in a country that does not exist",
            "unknown-country",
            {
                file: "azure.yaml",
                line: 10,
                key: "partitions[0].regions[1].country",
                value: "XX",
                expected: /ISO 3166-1 alpha-2/,
            },
        ],
        [
            "a country written as a name",
            "schema-pattern",
            {
                file: "azure.yaml",
                line: 11,
                key: "partitions[0].regions[0].country",
                value: "Netherlands",
                expected: /ISO 3166-1 alpha-2 code in capitals/,
            },
        ],
        [
            "a pair naming an unknown region",
            "unknown-pair",
            {
                file: "azure.yaml",
                line: 10,
                key: "partitions[0].regions[1].pair",
                value: "atlantis",
                expected: /a region of azure/,
            },
        ],
        [
            "a group naming an unknown country",
            "group-unknown-country",
            {
                file: "jurisdictions.yaml",
                line: 8,
                key: "groups[0].countries[2]",
                value: "UK",
                expected: /ISO 3166-1 alpha-2/,
            },
        ],
        [
            "a region id used twice",
            "duplicate-region",
            {
                file: "azure.yaml",
                line: 11,
                key: "partitions[0].regions[2].id",
                value: "westeurope",
                expected: /not used before/,
            },
        ],
        [
            "a vendor id used twice",
            "duplicate-vendor",
            { file: "vendors.yaml", line: 7, key: "vendors[1].id", value: "alibaba", expected: /not used before/ },
        ],
        [
            "a required key missing",
            "missing-key",
            { file: "azure.yaml", line: 5, key: "partitions[0].name", value: undefined, expected: /required/ },
        ],
        [
            "a misspelt key",
            "unknown-key",
            {
                file: "azure.yaml",
                line: 11,
                key: "partitions[0].regions[0].contry",
                value: "NL",
                expected: /no such key/,
            },
        ],
        [
            "a false friend that an identifier would flag",
            "false-friend-flagged",
            {
                file: "vendors.yaml",
                line: 11,
                key: "falseFriends[0].values[0]",
                value: "ecloud",
                expected: /china-mobile's 'ecloud'/,
            },
        ],
        [
            "groups that include each other",
            "group-cycle",
            {
                file: "jurisdictions.yaml",
                line: 5,
                key: "groups[0].include[0]",
                value: "east",
                expected: /cycle/,
            },
        ],
        [
            "a zone rule that misses its own example",
            "zone-example-wrong",
            {
                file: "azure.yaml",
                line: 6,
                key: "zoneRules[0].examples.northeurope1",
                value: "northeurope",
                expected: /finds nothing/,
            },
        ],
    ];
    for (const [what, fixture, want] of cases) {
        it(what, () => {
            assert.throws(
                () => loadCatalog(fixtureCatalogDir(fixture)),
                (e: unknown) => {
                    assert.ok(e instanceof CatalogError, `expected a CatalogError, got ${String(e)}`);
                    assert.deepStrictEqual(
                        { file: e.file, line: e.line, key: e.key, value: e.value },
                        { file: want.file, line: want.line, key: want.key, value: want.value },
                    );
                    assert.match(e.expected, want.expected);
                    assert.ok(e.message.startsWith(`catalog ${want.file} line ${want.line}: `), e.message);
                    return true;
                },
            );
        });
    }

    it("a missing directory names the directory", () => {
        assert.throws(() => loadCatalog(fixturePath("no-such-dir")), /no-such-dir.*a readable catalog directory/);
    });

    it("the valid fixture loads", () => {
        const catalog = loadCatalog(fixturePath("valid"));
        assert.strictEqual(catalog.region("azure", "West Europe")?.country, "NL");
    });
});
