// locate: where does one resource keep, copy and send its data? One locator per provider family adds
// what it knows to a Placement; hosts, tags and the vendor are found the same way for every family.

import { emptyPlacement, type Placement } from "../model/placement";
import { isProviderType, packageOf, type NormalisedResource } from "../model/resource";
import { locateAws } from "./aws";
import { locateAwsNative } from "./aws-native";
import { locateAzureClassic } from "./azure-classic";
import { locateAzureNative } from "./azure-native";
import type { LocateContext, Locator } from "./context";
import { locateGcp } from "./gcp";
import { locateGeneric } from "./generic";
import { locateKubernetes } from "./kubernetes";
import { readPeers } from "./peers";
import { placeDataZone } from "./processing";
import { scanInputs } from "./scan";
import { readTags } from "./tags";
import { locateUntrustedCloud } from "./untrusted-cloud";

const LOCATORS: Readonly<Record<string, Locator>> = {
    aws: locateAws,
    "aws-native": locateAwsNative,
    "azure-native": locateAzureNative,
    azure: locateAzureClassic,
    gcp: locateGcp,
    kubernetes: locateKubernetes,
};

export function locate(resource: NormalisedResource, ctx: LocateContext): Placement {
    const pkg = packageOf(resource.type);
    const p = emptyPlacement({ urn: resource.urn, type: resource.type, name: resource.name }, pkg);
    p.isProvider = isProviderType(resource.type);
    if (resource.provider && !resource.provider.name.startsWith("default")) p.providerName = resource.provider.name;
    const vendor = ctx.catalog.vendorOfPackage(pkg) ?? vendorOfProvider(resource, ctx);
    if (vendor) p.vendor = vendor.vendor.id;
    p.tags = readTags(resource);
    const locator = LOCATORS[pkg] ?? (p.vendor ? locateUntrustedCloud : locateGeneric);
    locator(resource, p, ctx);
    scanInputs(resource, p, ctx);
    readPeers(resource, p);
    placeDataZone(p, ctx.catalog);
    p.undetermined = onePerQuestion(p.undetermined);
    return p;
}

/** A component or resource of another package run through an untrusted cloud's provider instance. */
function vendorOfProvider(resource: NormalisedResource, ctx: LocateContext) {
    return resource.provider ? ctx.catalog.vendorOfPackage(packageOf(resource.provider.type)) : undefined;
}

/** A family's locator and the generic scan may both notice the same unreadable input: say it once. */
function onePerQuestion(entries: Placement["undetermined"]): Placement["undetermined"] {
    const seen = new Set<string>();
    return entries.filter((u) => {
        const key = `${u.aspect}\u0000${u.reason}\u0000${u.path}`;
        return !seen.has(key) && seen.add(key);
    });
}
