// Where the pack's profile comes from: the policy config (`profile` path or inline `settings`),
// else CLEAN_GUARD_PROFILE, else the built-in default. Resolved once per distinct source, not per resource.

import * as fs from "node:fs";
import * as path from "node:path";
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { Catalog } from "../catalog/types";
import { describeValue, ProfileError } from "./errors";
import { defaultProfile, loadProfile } from "./load";
import type { CompiledProfile } from "./compile";

/** Added to every clean-guard policy's config schema. Inline settings are checked by our own schema. */
export const profileConfigSchema: PolicyConfigSchema["properties"] = {
    profile: {
        type: "string",
        description:
            "Path to the organisation's clean-guard profile (YAML). Relative paths resolve against CLEAN_GUARD_PROFILE_BASE or the current directory. Overrides CLEAN_GUARD_PROFILE.",
    },
    settings: {
        type: "object",
        description:
            "An inline profile with the same keys as the profile file (version: 1, extends, disallow, jurisdictions, classification, enforcement, tagExemptions, lookups, exemptions). Use either this or `profile`.",
    },
};

const SETTINGS_NAME = "policy config 'settings'";
const CACHE_LIMIT = 32;

// Per catalog: source key -> the profile, or the error it failed with (a broken profile stays broken).
const caches = new WeakMap<Catalog, Map<string, CompiledProfile | ProfileError>>();

export function resolveProfile(
    policyConfig: Record<string, unknown> | undefined,
    env: NodeJS.ProcessEnv,
    catalog: Catalog,
    knownPolicies: readonly string[],
): CompiledProfile {
    const configured = policyConfig?.profile;
    const settings = policyConfig?.settings;
    if (configured !== undefined && settings !== undefined) {
        throw new ProfileError(
            "policy config",
            undefined,
            "profile",
            "set together with 'settings' (expected one of them)",
        );
    }
    if (configured !== undefined && (typeof configured !== "string" || configured === "")) {
        throw new ProfileError(
            "policy config",
            undefined,
            "profile",
            `found ${describeValue(configured)} (expected a path to a YAML profile)`,
        );
    }
    if (settings !== undefined) {
        return cached(catalog, `settings ${JSON.stringify(settings)} ${knownPolicies.join()}`, () =>
            loadProfile({ inline: settings, name: SETTINGS_NAME }, catalog, knownPolicies),
        );
    }
    const written = configured ?? (env.CLEAN_GUARD_PROFILE || undefined);
    if (written === undefined) return defaultProfile(catalog);
    const file = path.resolve(env.CLEAN_GUARD_PROFILE_BASE || process.cwd(), written);
    // The modification time is in the key so an edited file is read again; a missing file has no
    // key and goes straight to loadProfile, which names the problem.
    const mtime = statTime(file);
    if (mtime === undefined) return loadProfile({ path: file }, catalog, knownPolicies);
    return cached(catalog, `file ${file} ${mtime} ${knownPolicies.join()}`, () =>
        loadProfile({ path: file }, catalog, knownPolicies),
    );
}

function statTime(file: string): number | undefined {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
}

function cached(catalog: Catalog, key: string, load: () => CompiledProfile): CompiledProfile {
    let cache = caches.get(catalog);
    if (cache === undefined) {
        cache = new Map();
        caches.set(catalog, cache);
    }
    let entry = cache.get(key);
    if (entry === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        try {
            entry = load();
        } catch (e) {
            if (!(e instanceof ProfileError)) throw e;
            entry = e;
        }
        cache.set(key, entry);
    }
    if (entry instanceof ProfileError) throw entry;
    return entry;
}

/** The profile known when the pack starts, before any policy config arrives: CLEAN_GUARD_PROFILE or the default. */
export function startupProfile(
    env: NodeJS.ProcessEnv,
    catalog: Catalog,
    knownPolicies: readonly string[],
): CompiledProfile {
    return resolveProfile(undefined, env, catalog, knownPolicies);
}
