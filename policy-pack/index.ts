// The pack the Pulumi engine runs (`pulumi preview --policy-pack <this repository>`). The only module
// that constructs a PolicyPack: constructing one starts the gRPC server the engine talks to.

import { PolicyPack } from "@pulumi/policy";
import { CatalogError, defaultCatalog } from "../src/catalog/index";
import { captureEngineRequests } from "../src/pack/engine-requests";
import { remediationLevels, toPulumiPolicies } from "../src/pack/pulumi-policies";
import { allPolicies } from "../src/policies/index";
import { ProfileError } from "../src/profile/errors";
import { startupProfile } from "../src/profile/source";

// A broken catalog or profile stops the pack here, before the engine sends anything, with one clear error:
// its message (file, line, key, value found, what was expected), not a stack trace wrapped around it.
const startProfile = startOrExit(() =>
    startupProfile(
        process.env,
        defaultCatalog(),
        allPolicies.map((p) => p.name),
    ),
);

const policies = toPulumiPolicies(allPolicies, { startProfile });

// Every policy here is clean-guard's, reading the engine's request itself.
captureEngineRequests({ onlyCleanGuardPolicies: true, remediations: remediationLevels(policies) });

new PolicyPack("clean-guard", {
    description:
        "Keeps citizens' data off untrusted clouds, carriers and vendors (the Clean Network lines) and inside the jurisdictions the organisation allows.",
    displayName: "clean-guard: Clean Network and data residency",
    provider: "multi-cloud",
    tags: ["clean-network", "data-residency", "sovereignty"],
    policies,
});

function startOrExit<T>(load: () => T): T {
    try {
        return load();
    } catch (e) {
        if (!(e instanceof CatalogError || e instanceof ProfileError)) throw e;
        process.stderr.write(`clean-guard: ${e.message}\n`);
        process.exit(1);
    }
}
