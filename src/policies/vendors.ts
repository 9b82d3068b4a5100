// How policies name an untrusted vendor and the rule it breaks, the same way everywhere.

import type { Catalog } from "../catalog/types";
import type { Profile } from "../profile/types";

/** The vendor id when the profile disallows it, else undefined. */
export function disallowedVendor(vendor: string | undefined, profile: Profile): string | undefined {
    return vendor !== undefined && profile.disallowed.vendors.includes(vendor) ? vendor : undefined;
}

export function vendorName(vendor: string, catalog: Catalog): string {
    return catalog.vendor(vendor)?.name ?? vendor;
}

/** `Alibaba Group (Alibaba Cloud, Aliyun) is an untrusted vendor (Clean Network: clean-cloud) disallowed by built-in default`. */
export function untrustedVendorRule(vendor: string, profile: Profile, catalog: Catalog): string {
    const pillars = catalog.vendor(vendor)?.pillars.join(", ") || "untrusted";
    return `${vendorName(vendor, catalog)} is an untrusted vendor (Clean Network: ${pillars}) disallowed by ${profile.source}`;
}
