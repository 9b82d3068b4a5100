// Where a resource of an untrusted vendor's cloud (alicloud, tencentcloud, huaweicloud, volcengine, or a
// resource of any package run through such a provider) lives: its zone or region input, else its
// provider's region (stack config `alicloud:region` for the default provider). The vendor itself is
// already set by index.ts; the location lets messages say "Alibaba Cloud eu-central-1 (Frankfurt, DE)"
// and lets the region policies judge it like any other cloud's.

import type { CloudId } from "../../../catalog/types";
import type { Placement } from "../../../model/placement";
import type { LocateContext, Locator } from "../../core/context";
import { addNamedRegion, addReadLocation } from "../../core/places";
import { decodedProviderProps, providerLabel, readFirstString, unknownDuringPreview, type Read } from "../../core/read";

/** Zone inputs first: a zone (`cn-hangzhou-h`) names its region too, and is the more precise place. */
const OWN_KEYS = ["zoneId", "availabilityZone", "zone", "region", "regionId"] as const;
const PROVIDER_KEYS = ["region", "regionId"] as const;

export const locateUntrustedCloud: Locator = (resource, p, ctx) => {
    const cloud = p.vendor ? ctx.catalog.vendor(p.vendor)?.cloud : undefined;
    if (cloud) p.cloud = cloud;
    const own = readFirstString(resource.props, p.isProvider ? PROVIDER_KEYS : OWN_KEYS);
    if (own)
        return addVendorLocation(
            p,
            ctx,
            cloud,
            own,
            p.isProvider ? `the provider's input '${own.path}'` : `input '${own.path}'`,
        );
    if (p.isProvider) return missingRegion(p, "region", "the provider sets no region");
    const fromProvider = readFirstString(decodedProviderProps(resource), PROVIDER_KEYS);
    if (fromProvider) {
        return addVendorLocation(
            p,
            ctx,
            cloud,
            { ...fromProvider, path: `provider.${fromProvider.path}` },
            `${fromProvider.path} of ${providerLabel(resource) ?? "the provider"}`,
        );
    }
    const provider = providerLabel(resource);
    if (provider)
        missingRegion(
            p,
            "provider.region",
            `${provider} sets no region (an environment variable clean-guard cannot see may)`,
        );
};

function addVendorLocation(
    p: Placement,
    ctx: LocateContext,
    cloud: CloudId | undefined,
    read: Read<string>,
    via: string,
): void {
    if (cloud) {
        addReadLocation(p, ctx, read, { cloud, role: "primary", via }, via);
        return;
    }
    // A vendor without a region catalog (volcengine): the region is named in the message, never judged as known.
    if (read.unknown) return unknownDuringPreview(p, "location", read.path, via);
    if (!read.value && !read.opaque) return;
    const spec = { cloud: p.package, name: read.value ?? "", role: "primary" as const, via, path: read.path };
    if (!read.opaque && addNamedRegion(p, ctx, { ...spec, secret: read.secret })) return;
    p.undetermined.push({
        aspect: "location",
        reason: "unrecognised",
        path: read.path,
        detail: `${read.secret || read.opaque ? "a secret region" : `region '${read.value}'`} (${via}) belongs to a cloud whose regions clean-guard does not catalogue`,
    });
}

function missingRegion(p: Placement, path: string, detail: string): void {
    p.undetermined.push({ aspect: "location", reason: "missing", path, detail });
}
