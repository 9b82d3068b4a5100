import { SECRET_MASK } from "../model/values";
import { definePolicy } from "./define";
import { disallowedVendor, untrustedVendorRule, vendorName } from "./vendors";
import { unverifiedAspects } from "./undetermined";

// Clean Path and Clean Cloud: data sent to an untrusted vendor's host (an S3-compatible endpoint of Alibaba
// OSS, a webhook, an origin, a URL in an environment variable) ends up on that vendor's cloud, whichever
// cloud the sending resource runs on.
export const untrustedHost = definePolicy({
    name: "clean-guard-untrusted-host",
    pillar: "clean-cloud",
    severity: "critical",
    description:
        "Inputs must not send data to hosts of an untrusted vendor: S3-compatible endpoints of Alibaba OSS, Tencent COS, Huawei OBS or Baidu BOS, CDN origins, webhooks, URLs in environment variables, DNS records.",
    remediation:
        "Point the input at a host of a trusted provider (or remove the endpoint override so the provider's own endpoint is used), and move the data stored behind the untrusted host",
    judge(p, ctx) {
        const { profile, catalog } = ctx;
        // An untrusted chart or image reference is reported by clean-guard-untrusted-image, and an AI vendor's model
        // API by clean-guard-untrusted-ai-service, each of which names what it is.
        const images = new Set(p.images.filter((i) => disallowedVendor(i.vendor, profile)).map((i) => i.path));
        const violations = p.hosts.flatMap((h) => {
            const vendor = disallowedVendor(h.vendor, profile);
            if (!vendor || images.has(h.path) || h.service !== undefined) return [];
            const host = h.secret ? SECRET_MASK : h.host;
            return [
                {
                    kind: "violation" as const,
                    found: `host ${host} (${vendorName(vendor, catalog)}) at ${h.path}`,
                    rule: untrustedVendorRule(vendor, profile, catalog),
                },
            ];
        });
        return [...violations, ...unverifiedAspects(p, ["host"], "where this input sends data", ctx)];
    },
});
