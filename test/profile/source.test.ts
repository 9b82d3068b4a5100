import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultCatalog } from "../../src/catalog/index";
import { ProfileError } from "../../src/profile/load";
import { resolveProfile } from "../../src/profile/source";
import type { Profile } from "../../src/profile/types";
import { POLICY_NAMES } from "./policies";

// Each profile disallows one country, so a test can tell which source won by that country alone.
const profileFor = (country: string) => `version: 1\ndisallow:\n  countries: [${country}]\n`;
const ownCountries = (p: Profile) => p.disallowed.countries.filter((c) => c !== "CN");

describe("profile: resolveProfile", () => {
    let dir: string;
    let envFile: string;
    let configFile: string;
    const resolve = (config: Record<string, unknown> | undefined, env: NodeJS.ProcessEnv) =>
        resolveProfile(config, env, defaultCatalog(), POLICY_NAMES);

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "clean-guard-profile-"));
        envFile = path.join(dir, "from-env.yaml");
        configFile = path.join(dir, "from-config.yaml");
        fs.writeFileSync(envFile, profileFor("ru"));
        fs.writeFileSync(configFile, profileFor("ir"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    describe("precedence: policy config > CLEAN_GUARD_PROFILE > built-in default", () => {
        const settings = { version: 1, disallow: { countries: ["kp"] } };
        // [what, policy config, env (paths relative to the temp dir are written as "<dir>/..."), winner]
        const cases: Array<
            [string, () => Record<string, unknown> | undefined, () => NodeJS.ProcessEnv, string[] | "default"]
        > = [
            ["nothing set: the built-in default", () => undefined, () => ({}), "default"],
            [
                "an empty CLEAN_GUARD_PROFILE counts as unset",
                () => undefined,
                () => ({ CLEAN_GUARD_PROFILE: "" }),
                "default",
            ],
            ["CLEAN_GUARD_PROFILE alone", () => undefined, () => ({ CLEAN_GUARD_PROFILE: envFile }), ["RU"]],
            [
                "a relative CLEAN_GUARD_PROFILE resolves against CLEAN_GUARD_PROFILE_BASE",
                () => undefined,
                () => ({ CLEAN_GUARD_PROFILE: "from-env.yaml", CLEAN_GUARD_PROFILE_BASE: dir }),
                ["RU"],
            ],
            [
                "policy config `profile` beats the environment",
                () => ({ profile: configFile }),
                () => ({ CLEAN_GUARD_PROFILE: envFile }),
                ["IR"],
            ],
            [
                "a relative policy config `profile` resolves against CLEAN_GUARD_PROFILE_BASE too",
                () => ({ profile: "from-config.yaml" }),
                () => ({ CLEAN_GUARD_PROFILE_BASE: dir }),
                ["IR"],
            ],
            [
                "policy config `settings` beats the environment",
                () => ({ settings }),
                () => ({ CLEAN_GUARD_PROFILE: envFile }),
                ["KP"],
            ],
            [
                "a config of other keys only leaves the environment in charge",
                () => ({ unrelated: true }),
                () => ({ CLEAN_GUARD_PROFILE: envFile }),
                ["RU"],
            ],
        ];
        for (const [what, config, env, winner] of cases) {
            it(what, () => {
                const profile = resolve(config(), env());
                if (winner === "default") assert.equal(profile.source, "the built-in default profile");
                else assert.deepEqual(ownCountries(profile), winner);
            });
        }

        it("a relative path without CLEAN_GUARD_PROFILE_BASE resolves against the current directory", () => {
            const relative = path.join("examples", "profiles", "regulated-org.yaml");
            const profile = resolve(undefined, { CLEAN_GUARD_PROFILE: relative });
            assert.equal(profile.source, path.resolve(relative));
        });
    });

    describe("a configuration that cannot be used stops with one error", () => {
        const cases: Array<[string, Record<string, unknown> | undefined, () => NodeJS.ProcessEnv, () => string]> = [
            [
                "both `profile` and `settings`",
                { profile: "a.yaml", settings: { version: 1 } },
                () => ({}),
                () => "policy config: profile: set together with 'settings' (expected one of them)",
            ],
            [
                "`profile` that is not a path",
                { profile: 42 },
                () => ({}),
                () => "policy config: profile: found 42 (expected a path to a YAML profile)",
            ],
            [
                "inline `settings` that break the schema",
                { settings: { version: 1, disallow: { countries: ["xx"] } } },
                () => ({}),
                () =>
                    `policy config 'settings': disallow.countries[0]: "xx" is not an ISO 3166-1 alpha-2 country code (expected e.g. "cn")`,
            ],
            [
                "CLEAN_GUARD_PROFILE naming a missing file (named as resolved)",
                undefined,
                () => ({ CLEAN_GUARD_PROFILE: "nope.yaml", CLEAN_GUARD_PROFILE_BASE: dir }),
                () =>
                    `${path.join(dir, "nope.yaml")}: cannot read the profile: no such file (expected a readable YAML file)`,
            ],
        ];
        for (const [what, config, env, message] of cases) {
            it(what, () => {
                assert.throws(
                    () => resolve(config, env()),
                    (e: unknown) => e instanceof ProfileError && e.message === message(),
                );
            });
        }
    });

    describe("caching", () => {
        it("the same file, unchanged, is read once: every resource gets the same profile object", () => {
            const env = { CLEAN_GUARD_PROFILE: envFile };
            assert.equal(resolve(undefined, env), resolve(undefined, env));
        });

        it("an edited file (newer modification time) is read again", () => {
            const file = path.join(dir, "edited.yaml");
            fs.writeFileSync(file, profileFor("by"));
            fs.utimesSync(file, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
            const before = resolve({ profile: file }, {});
            assert.deepEqual(ownCountries(before), ["BY"]);
            fs.writeFileSync(file, profileFor("sy"));
            fs.utimesSync(file, new Date("2026-01-02T00:00:00Z"), new Date("2026-01-02T00:00:00Z"));
            assert.deepEqual(ownCountries(resolve({ profile: file }, {})), ["SY"]);
        });

        it("inline settings are keyed by their content, not by the object passed", () => {
            const a = resolve({ settings: { version: 1, disallow: { countries: ["cu"] } } }, {});
            const b = resolve({ settings: { version: 1, disallow: { countries: ["cu"] } } }, {});
            const c = resolve({ settings: { version: 1, disallow: { countries: ["ve"] } } }, {});
            assert.equal(a, b);
            assert.notEqual(a, c);
            assert.deepEqual(ownCountries(c), ["VE"]);
        });

        it("a broken file keeps failing with the same error until it changes", () => {
            const file = path.join(dir, "broken.yaml");
            fs.writeFileSync(file, "version: 1\nlookups:\n  ec2: sometimes\n");
            const message = `${file}:3: lookups.ec2: found "sometimes" (expected auto, off or required)`;
            assert.throws(() => resolve({ profile: file }, {}), { message });
            assert.throws(() => resolve({ profile: file }, {}), { message });
            fs.writeFileSync(file, profileFor("mm"));
            fs.utimesSync(file, new Date("2026-03-01T00:00:00Z"), new Date("2026-03-01T00:00:00Z"));
            assert.deepEqual(ownCountries(resolve({ profile: file }, {})), ["MM"]);
        });
    });
});
