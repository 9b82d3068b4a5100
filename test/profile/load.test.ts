import * as assert from "node:assert/strict";
import * as path from "node:path";
import { defaultCatalog } from "../../src/catalog/index";
import { defaultProfile, loadProfile, ProfileError } from "../../src/profile/load";
import type { CompiledProfile } from "../../src/profile/compile";
import { POLICY_NAMES } from "./policies";

const fixtures = path.join("test", "profile", "fixtures");
const load = (file: string): CompiledProfile => loadProfile({ path: file }, defaultCatalog(), POLICY_NAMES);

const UNTRUSTED = [
    "alibaba",
    "baidu",
    "china-mobile",
    "china-telecom",
    "china-unicom",
    "tencent",
    "huawei",
    "zte",
    "deepseek",
    "moonshot",
    "zhipu",
    "minimax",
];
const DEFAULT_LOOKUPS = {
    ec2: "auto",
    timeoutMs: 3000,
    budgetMs: 10000,
    cacheDir: ".clean-guard/cache",
    cacheTtlSeconds: 86400,
};

describe("profile: valid profiles load", () => {
    it("the built-in default disallows the untrusted vendors, mainland China and the China partitions, not Hong Kong", () => {
        const profile = defaultProfile(defaultCatalog());
        assert.equal(profile.source, "the built-in default profile");
        assert.deepEqual(profile.disallowed, {
            vendors: UNTRUSTED,
            countries: ["CN"],
            regions: [],
            partitions: ["aws-cn", "azure-china"],
        });
        assert.deepEqual(profile.classification, {
            keys: ["data-residency"],
            stackTag: "data-residency",
            stackDefaults: [],
            requiredFor: [],
            unknownPlaces: "advisory",
        });
        assert.deepEqual(profile.lookups, DEFAULT_LOOKUPS);
        assert.deepEqual(profile.tagExemptions, { tag: "clean-guard-exempt", policies: [] });
        assert.deepEqual(profile.exemptions, []);
        assert.deepEqual(profile.enforcement, {});
    });

    it("a minimal profile (`version: 1`) is the default under another name", () => {
        const file = path.join(fixtures, "valid", "minimal.yaml");
        const profile = load(file);
        // `rules` is what each profile compiled its own data into: the data is what must be equal.
        const { source: _source, rules: _rules, ...data } = profile;
        const { source: _defaultSource, rules: _defaultRules, ...defaults } = defaultProfile(defaultCatalog());
        assert.deepEqual(data, defaults);
        assert.equal(profile.source, file);
    });

    it("`extends: none` keeps only the file's rules; settings it leaves out keep their built-in values", () => {
        const profile = load(path.join(fixtures, "valid", "extends-none.yaml"));
        assert.deepEqual(profile.disallowed, {
            vendors: [],
            countries: ["RU"],
            regions: [
                { cloud: "gcp", region: "europe-west2" },
                { cloud: "azure", region: "westeurope" },
            ],
            partitions: [],
        });
        assert.deepEqual(profile.classification.keys, ["residency", "data-class"]);
        assert.equal(profile.classification.stackTag, "data-residency");
        assert.deepEqual(profile.lookups, { ...DEFAULT_LOOKUPS, ec2: "off" });
    });

    it("the regulated-organisation sample adds Hong Kong, its groups, stacks and one time-boxed exemption", () => {
        const file = path.join("examples", "profiles", "regulated-org.yaml");
        const profile = load(file);
        assert.deepEqual(profile.disallowed.countries, ["CN", "HK"]);
        assert.deepEqual(profile.disallowed.vendors, UNTRUSTED);
        assert.deepEqual(profile.jurisdictions["eu-plus-ch"].length, 28, "the 27 EU members and CH");
        assert.ok(profile.jurisdictions["eu-plus-ch"].includes("CH"));
        assert.deepEqual(profile.classification.stackDefaults, [
            { project: "eu-*", stack: "prod*", residency: "eu" },
            { project: "ca-*", residency: "ca" },
            { project: "ch-*", residency: "eu-plus-ch" },
        ]);
        assert.deepEqual(profile.enforcement, { "clean-guard-cross-border-replication": "advisory" });
        assert.equal(profile.lookups.ec2, "required");
        assert.equal(profile.lookups.budgetMs, 20000);
        assert.equal(profile.lookups.timeoutMs, 3000);
        assert.equal(profile.exemptions.length, 1);
        assert.deepEqual(
            [profile.exemptions[0].ticket, profile.exemptions[0].expires, profile.exemptions[0].origin],
            ["RISK-2291", "2026-12-31", `${file}:49`],
        );
    });

    it("country codes are accepted in either case and stored upper case", () => {
        const profile = loadProfile(
            { yamlText: "version: 1\ndisallow:\n  countries: [hk, Ru, IR]\n", name: "org.yaml" },
            defaultCatalog(),
            POLICY_NAMES,
        );
        assert.deepEqual(profile.disallowed.countries, ["CN", "HK", "RU", "IR"]);
    });

    it("an exemption that has already expired loads (it is reported when it matches, not refused)", () => {
        const text = [
            "version: 1",
            "exemptions:",
            "  - policies: [clean-guard-untrusted-image]",
            "    reason: Old base image",
            "    owner: platform-team",
            "    ticket: SEC-1",
            "    expires: 2020-01-31",
        ].join("\n");
        const profile = loadProfile({ yamlText: text, name: "org.yaml" }, defaultCatalog(), POLICY_NAMES);
        assert.equal(profile.exemptions[0].expires, "2020-01-31");
    });
});

const POLICIES = POLICY_NAMES.join(", ");
const TOP_KEYS =
    "version, extends, disallow, jurisdictions, classification, enforcement, tagExemptions, lookups, exemptions";
const GROUPS = "clean-countries, eea, eu, five-eyes";

// Fixture file -> the whole message after `<path>`: line, key path, value found, what was expected.
const broken: Array<[string, string]> = [
    ["bad-yaml.yaml", ":4: not valid YAML: missed comma between flow collection entries at column 1"],
    ["duplicate-key.yaml", ":4: not valid YAML: duplicated mapping key at column 3"],
    ["empty.yaml", ": the profile is empty (expected a clean-guard profile: a mapping with at least `version: 1`)"],
    [
        "comments-only.yaml",
        ": the profile is empty (expected a clean-guard profile: a mapping with at least `version: 1`)",
    ],
    ["top-level-list.yaml", ":1: found a list (expected a clean-guard profile: a mapping with at least `version: 1`)"],
    ["unknown-top-level-key.yaml", `:2: disalow: unknown key (expected one of: ${TOP_KEYS})`],
    [
        "unknown-nested-key.yaml",
        ":4: disallow.cuntries: unknown key (expected one of: vendors, countries, regions, partitions)",
    ],
    ["version-missing.yaml", ":2: version: missing (expected 1)"],
    ["version-wrong.yaml", ":1: version: found 2 (expected 1)"],
    ["extends-unknown.yaml", ':2: extends: found "strict" (expected default or none)'],
    [
        "countries-not-a-list.yaml",
        ':3: disallow.countries: found "hk" (expected a list of ISO 3166-1 alpha-2 country codes, e.g. [cn, hk])',
    ],
    [
        "timeout-not-a-number.yaml",
        ':4: lookups.timeoutMs: found "3s" (expected a whole number of milliseconds, at least 1)',
    ],
    ["lookup-mode-unknown.yaml", ':3: lookups.ec2: found "sometimes" (expected auto, off or required)'],
    [
        "country-unknown.yaml",
        ':6: disallow.countries[2]: "XX" is not an ISO 3166-1 alpha-2 country code (expected e.g. "cn")',
    ],
    [
        "country-not-a-code.yaml",
        ':3: disallow.countries[0]: found "china" (expected an ISO 3166-1 alpha-2 country code, e.g. "cn")',
    ],
    [
        "vendor-unknown.yaml",
        ':3: disallow.vendors[1]: "alibaba-cloud" is not a known vendor (expected one of: alibaba, baidu, bytedance, china-mobile, china-telecom, china-unicom, deepseek, huawei, minimax, moonshot, tencent, zhipu, zte)',
    ],
    [
        "partition-unknown.yaml",
        ':3: disallow.partitions[0]: "aws-china" is not a known partition (expected a catalog partition id, e.g. "aws-cn" or "azure-china")',
    ],
    [
        "region-unknown.yaml",
        ':7: disallow.regions[1].region: "eu-west-9" is not a known region of aws (expected a region the catalog lists for aws)',
    ],
    [
        "cloud-unknown.yaml",
        ':4: disallow.regions[0].cloud: "oracle" is not a known cloud (expected "*" or one of: alicloud, aws, azure, baiducloud, digitalocean, gcp, huaweicloud, oci, tencentcloud)',
    ],
    [
        "residency-unknown.yaml",
        `:9: classification.stacks[1].residency: "europe" is not a country code or jurisdiction group (expected e.g. "de", a built-in group: ${GROUPS}, or one of this profile's groups: eu-plus-ch)`,
    ],
    [
        "group-shadows-built-in.yaml",
        ':3: jurisdictions.eea: "eea" is already a built-in group (expected a new name, e.g. "eea-plus-ch")',
    ],
    [
        "group-member-unknown.yaml",
        `:5: jurisdictions.eu-plus[1]: "qq" is not a country code or built-in group (expected e.g. "de" or one of: ${GROUPS})`,
    ],
    [
        "group-name-invalid.yaml",
        ':3: jurisdictions.DE: "DE" is not a valid name (expected a group name of 3 or more lower-case letters, digits or dashes, e.g. "eu-plus-ch")',
    ],
    [
        "enforcement-policy-unknown.yaml",
        `:4: enforcement.clean-guard-untrusted-vendor: "clean-guard-untrusted-vendor" is not a clean-guard policy (expected one of: ${POLICIES})`,
    ],
    [
        "enforcement-level-unknown.yaml",
        ':3: enforcement.clean-guard-data-residency: found "warn" (expected advisory, mandatory, remediate or disabled)',
    ],
    [
        "tag-exemption-policy-unknown.yaml",
        `:3: tagExemptions.policies[1]: "clean-guard-residency" is not a clean-guard policy (expected "*" or one of: ${POLICIES})`,
    ],
    [
        "exemption-policy-unknown.yaml",
        `:3: exemptions[0].policies[0]: "clean-guard-disallowed-regions" is not a clean-guard policy (expected "*" or one of: ${POLICIES})`,
    ],
    [
        "exemption-date-not-a-date.yaml",
        ':8: exemptions[0].expires: "2026-02-30" is not a calendar date (expected a date YYYY-MM-DD, e.g. "2026-06-30")',
    ],
    [
        "exemption-date-wrong-shape.yaml",
        ':8: exemptions[0].expires: found "30/06/2026" (expected a date YYYY-MM-DD, e.g. "2026-06-30")',
    ],
    ["exemption-without-reason.yaml", ":3: exemptions[0].reason: missing (expected a non-empty reason)"],
    [
        "exemption-without-owner.yaml",
        ':3: exemptions[0].owner: missing (expected a non-empty owner, e.g. "platform-team@example.com")',
    ],
    [
        "exemption-without-ticket.yaml",
        ':3: exemptions[0].ticket: missing (expected a non-empty ticket id, e.g. "SEC-1234")',
    ],
    [
        "exemption-without-expiry.yaml",
        ':3: exemptions[0].expires: missing (expected a date YYYY-MM-DD, e.g. "2026-06-30")',
    ],
    ["exemption-empty-reason.yaml", ':4: exemptions[0].reason: found "" (expected a non-empty reason)'],
    [
        "exemption-selector-empty-list.yaml",
        ":4: exemptions[0].urns: found an empty list (expected a non-empty list of globs)",
    ],
    [
        "exemptions-overlap.yaml",
        ':15: exemptions[2]: covers policy "clean-guard-data-residency" for the same urns, types, stacks and projects as exemptions[0] at line 3 (expected one exemption per policy and resources: merge them or narrow one)',
    ],
    [
        "exemptions-overlap-wildcard.yaml",
        ':9: exemptions[1]: covers policy "clean-guard-untrusted-image" for the same urns, types, stacks and projects as exemptions[0] at line 3 (expected one exemption per policy and resources: merge them or narrow one)',
    ],
    ["no-such-file.yaml", ": cannot read the profile: no such file (expected a readable YAML file)"],
];

describe("profile: an exemption's expiry must be a day on the calendar", () => {
    const withExpiry = (expires: string) =>
        loadProfile(
            {
                name: "org.yaml",
                yamlText: `version: 1\nexemptions:\n  - policies: ["*"]\n    reason: r\n    owner: o\n    ticket: T-1\n    expires: "${expires}"\n`,
            },
            defaultCatalog(),
            POLICY_NAMES,
        );
    const cases: Array<[string, boolean]> = [
        ["2024-02-29", true],
        ["2026-02-29", false],
        ["2026-04-30", true],
        ["2026-04-31", false],
        ["2026-12-31", true],
        ["2026-13-01", false],
        ["2026-00-15", false],
        ["2026-01-00", false],
    ];
    for (const [expires, valid] of cases) {
        it(`${expires}: ${valid ? "accepted" : "refused, naming the line and the value"}`, () => {
            if (valid) assert.equal(withExpiry(expires).exemptions[0].expires, expires);
            else
                assert.throws(() => withExpiry(expires), {
                    message: `org.yaml:7: exemptions[0].expires: "${expires}" is not a calendar date (expected a date YYYY-MM-DD, e.g. "2026-06-30")`,
                });
        });
    }
});

describe("profile: a broken profile is one error naming file, line, key, value and expectation", () => {
    for (const [fixture, message] of broken) {
        it(fixture, () => {
            const file = path.join(fixtures, "broken", fixture);
            assert.throws(
                () => load(file),
                (e: unknown) => e instanceof ProfileError && e.message === `${file}${message}`,
                `expected: ${file}${message}`,
            );
        });
    }

    it("inline settings have no lines: the source and key path are named", () => {
        assert.throws(
            () =>
                loadProfile(
                    { inline: { version: 1, lookups: { ec2: "sometimes" } }, name: "policy config 'settings'" },
                    defaultCatalog(),
                    POLICY_NAMES,
                ),
            { message: `policy config 'settings': lookups.ec2: found "sometimes" (expected auto, off or required)` },
        );
    });
});

describe("profile: a wrong value is named as the organisation wrote it", () => {
    const cases: Array<[string, string]> = [
        [
            "disallow:\n  vendors: {}",
            "org.yaml:3: disallow.vendors: found an empty mapping (expected a list of vendor ids, e.g. [alibaba, huawei])",
        ],
        [
            "disallow:\n  vendors:",
            "org.yaml:3: disallow.vendors: found nothing (expected a list of vendor ids, e.g. [alibaba, huawei])",
        ],
        [
            "disallow:\n  vendors: {alibaba: true}",
            "org.yaml:3: disallow.vendors: found a mapping (expected a list of vendor ids, e.g. [alibaba, huawei])",
        ],
        [
            'enforcement:\n  "bad key!": advisory',
            `org.yaml:3: enforcement["bad key!"]: "bad key!" is not a clean-guard policy (expected one of: ${POLICY_NAMES.join(", ")})`,
        ],
    ];
    for (const [yamlText, message] of cases) {
        it(message.split(": ").slice(1, 3).join(": "), () =>
            assert.throws(
                () =>
                    loadProfile(
                        { name: "org.yaml", yamlText: `version: 1\n${yamlText}\n` },
                        defaultCatalog(),
                        POLICY_NAMES,
                    ),
                { message },
            ),
        );
    }
});
