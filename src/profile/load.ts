// Loads an organisation profile: YAML syntax, then the schema, then names and dates against the
// catalog and the policy list. Any problem is ONE ProfileError; there is no partial profile.

import * as fs from "node:fs";
import * as path from "node:path";
import type { Catalog } from "../catalog/types";
import { buildProfile } from "./build";
import { ProfileError, type ProfileOrigin } from "./errors";
import { checkProfileFile } from "./file";
import { checkSemantics } from "./semantics";
import type { CompiledProfile } from "./compile";
import { parseProfileYaml } from "./read-yaml";

export { ProfileError } from "./errors";

export interface ProfileSource {
    /** A YAML file. */
    path?: string;
    /** An already-parsed object with the file's keys (Pulumi policy config `settings`). */
    inline?: unknown;
    /** YAML text. */
    yamlText?: string;
    /** How messages name an `inline` or `yamlText` source. */
    name?: string;
}

export const DEFAULT_PROFILE_PATH = path.join(__dirname, "default.yaml");
const DEFAULT_PROFILE_NAME = "the built-in default profile";

const defaults = new WeakMap<Catalog, CompiledProfile>();

/** The built-in default profile (src/profile/default.yaml), loaded once per catalog. */
export function defaultProfile(catalog: Catalog): CompiledProfile {
    let profile = defaults.get(catalog);
    if (profile === undefined) {
        const { value, origin } = parseProfileYaml(fs.readFileSync(DEFAULT_PROFILE_PATH, "utf8"), DEFAULT_PROFILE_NAME);
        const file = checkProfileFile(value, origin);
        checkSemantics(file, { catalog, knownPolicies: [], origin, inheritedGroups: [] });
        profile = buildProfile(file, origin, catalog, undefined, undefined);
        defaults.set(catalog, profile);
    }
    return profile;
}

export function loadProfile(
    source: ProfileSource,
    catalog: Catalog,
    knownPolicies: readonly string[],
): CompiledProfile {
    const { value, origin } = read(source);
    const file = checkProfileFile(value, origin);
    const base = defaultProfile(catalog);
    const rules = file.extends === "none" ? undefined : base;
    checkSemantics(file, {
        catalog,
        knownPolicies,
        origin,
        inheritedGroups: Object.keys(rules?.jurisdictions ?? {}),
    });
    return buildProfile(file, origin, catalog, rules, base);
}

function read(source: ProfileSource): { value: unknown; origin: ProfileOrigin } {
    if (source.path !== undefined) {
        let text: string;
        try {
            text = fs.readFileSync(source.path, "utf8");
        } catch (e) {
            const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
            throw new ProfileError(
                source.path,
                undefined,
                "",
                `cannot read the profile: ${reason} (expected a readable YAML file)`,
            );
        }
        return parseProfileYaml(text, source.path);
    }
    if (source.yamlText !== undefined) return parseProfileYaml(source.yamlText, source.name ?? "profile text");
    const name = source.name ?? "inline profile";
    return { value: source.inline, origin: { name, lineOf: () => undefined } };
}
