import { definePolicy } from "./define";
import { describeLocation } from "./describe";
import { disallowedVendor, untrustedVendorRule, vendorName } from "./vendors";

// Clean Cloud: a resource of an untrusted cloud's package stores and processes its data on that cloud,
// whatever region it names (an Alibaba bucket in Frankfurt is still on Alibaba Cloud).
export const untrustedProvider = definePolicy({
    name: "clean-guard-untrusted-provider",
    pillar: "clean-cloud",
    severity: "critical",
    description:
        "Resources, components and provider instances must not come from an untrusted cloud's package (Alibaba Cloud, Tencent Cloud, Huawei Cloud, Baidu AI Cloud, ...), wherever they run.",
    remediation:
        "Provision the resource with a trusted cloud's provider instead and migrate its data; if it must stay, record a time-boxed exemption in the organisation's profile",
    judge(p, { profile, catalog }) {
        const vendor = disallowedVendor(p.vendor, profile);
        if (!vendor) return [];
        const cloud = vendorName(vendor, catalog);
        const primary = p.locations.find((l) => l.role === "primary");
        const what = p.isProvider ? "provider instance" : "resource";
        const through = p.providerName && !p.isProvider ? ` through provider '${p.providerName}'` : "";
        return [
            {
                kind: "violation",
                found: `${what} of package '${p.package}' runs on ${cloud}${through}${primary ? `, ${describeLocation(primary, catalog)}` : ""}`,
                rule: untrustedVendorRule(vendor, profile, catalog),
                location: primary,
            },
        ];
    },
});
