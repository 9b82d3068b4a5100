// Every registered family, and the lists derived from them. To add a cloud or a provider family, add its
// folder here (registration, locator, tests) and its catalog data file: nothing else lists clouds.

import type { Family, PackageRegistration } from "../core/family";
import { awsFamily } from "./aws";
import { azureFamily } from "./azure";
import { cloudflareFamily } from "./cloudflare";
import { gcpFamily } from "./gcp";
import { kubernetesFamily } from "./kubernetes";
import { multiCloudFamily } from "./multi-cloud";
import { plainRegionFamily } from "./plain-region";
import { untrustedFamily } from "./untrusted";

export const FAMILIES: readonly Family[] = [
    awsFamily,
    azureFamily,
    gcpFamily,
    kubernetesFamily,
    untrustedFamily,
    plainRegionFamily,
    multiCloudFamily,
    cloudflareFamily,
];

const byPackage = new Map<string, PackageRegistration>(FAMILIES.flatMap((family) => Object.entries(family.packages)));

/** The registration of a Pulumi package (`aws`, `azure-native`), if a family declares it. */
export const registrationOf = (pkg: string): PackageRegistration | undefined => byPackage.get(pkg);

/** Every catalog cloud a family places resources in. */
export const registeredClouds = (): string[] => FAMILIES.flatMap((family) => [...family.clouds]);
