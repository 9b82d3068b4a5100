// Cloudflare: R2 buckets and D1 databases placed by their jurisdiction, else anywhere Cloudflare stores them.

import type { Family } from "../../core/family";
import { locateCloudflare } from "./cloudflare";

export const cloudflareFamily: Family = {
    name: "Cloudflare",
    clouds: ["cloudflare"],
    packages: {
        // Cloudflare's tags are lists of strings, not a map a classification could be stamped into.
        cloudflare: { locate: locateCloudflare, cloud: "cloudflare", tagging: { word: "tag" } },
    },
};
