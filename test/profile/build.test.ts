// The built-in default profile is where every setting an organisation's profile leaves out comes from: a default
// that stops setting one must fail loudly, naming the setting, not hand the policies an undefined value.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { defaultCatalog } from "../../src/catalog";
import { buildProfile } from "../../src/profile/build";
import { checkProfileFile } from "../../src/profile/file";
import { DEFAULT_PROFILE_PATH } from "../../src/profile/load";
import { parseProfileYaml } from "../../src/profile/read-yaml";

const SETTINGS = [
    "classification.keys",
    "classification.stackTag",
    "classification.unknownPlaces",
    "tagExemptions.tag",
    "lookups.ec2",
    "lookups.timeoutMs",
    "lookups.budgetMs",
    "lookups.cacheDir",
    "lookups.cacheTtlSeconds",
];

/** The built-in default as its file says, optionally without one setting. */
function builtIn(without?: string) {
    const { value, origin } = parseProfileYaml(fs.readFileSync(DEFAULT_PROFILE_PATH, "utf8"), "default.yaml");
    if (without) {
        const [section, key] = without.split(".");
        delete (value as Record<string, Record<string, unknown>>)[section][key];
    }
    return buildProfile(checkProfileFile(value, origin), origin, defaultCatalog(), undefined, undefined);
}

describe("the built-in default profile's settings", () => {
    it("sets every setting an organisation's profile may leave out", () => {
        const profile = builtIn() as unknown as Record<string, Record<string, unknown>>;
        for (const setting of SETTINGS) {
            const [section, key] = setting.split(".");
            assert.notEqual(profile[section][key], undefined, setting);
        }
    });

    for (const setting of SETTINGS) {
        it(`a default without ${setting} is refused, naming it`, () => {
            assert.throws(
                () => builtIn(setting),
                new RegExp(`^Error: the built-in default profile does not set ${setting}$`),
            );
        });
    }
});
