// The pack's configuration as the engine sent it (ConfigureAnalyzer): which profile the policies' config names,
// and which policies are disabled. Derived once per Configure call (once per run), not on every request.

import { currentPolicyConfiguration, type PolicyConfiguration } from "./engine-requests";

interface PackConfiguration {
    /** The profile settings of the pack: the one policy config (any policy) that names them; all must agree. */
    profile?: Record<string, unknown>;
    /** Why the profile settings are unusable: two policies name different ones. */
    conflict?: string;
    disabled: Set<string>;
}

const derived = new WeakMap<ReadonlyMap<string, PolicyConfiguration>, PackConfiguration>();

function packConfiguration(): PackConfiguration {
    const configuration = currentPolicyConfiguration();
    let out = derived.get(configuration);
    if (out) return out;
    out = { disabled: new Set() };
    let chosen: { policy: string; key: string } | undefined;
    for (const [policy, { properties, enforcementLevel }] of configuration) {
        if (enforcementLevel === "disabled") out.disabled.add(policy);
        const config = { profile: properties.profile, settings: properties.settings };
        if (config.profile === undefined && config.settings === undefined) continue;
        const key = JSON.stringify(config);
        if (chosen && chosen.key !== key && !out.conflict) {
            out.conflict = `clean-guard policy config: '${chosen.policy}' and '${policy}' name different profiles; set 'profile'/'settings' the same on every clean-guard policy, or on one only`;
        }
        if (!chosen) {
            chosen = { policy, key };
            out.profile = config;
        }
    }
    derived.set(configuration, out);
    return out;
}

export function profileConfig(): Record<string, unknown> | undefined {
    const { profile, conflict } = packConfiguration();
    if (conflict) throw new Error(conflict);
    return profile;
}

export function disabledPolicies(): Set<string> {
    return packConfiguration().disabled;
}
