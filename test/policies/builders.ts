// Resources the policy tests need beyond the shared builders (test/support/builders.ts), in the shapes the
// engine sends: azure-native and gcp type tokens and input names of the installed SDKs.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props, Value } from "../../src/model/values";
import { defaultProvider, resource, type ResourceOptions } from "../support/builders";

/** `azure-native.storage.StorageAccount`; `sku` is the replication SKU (`Standard_GRS`, `Standard_LRS`). */
export function storageAccount(
    location: Value,
    sku: string,
    props: Props = {},
    opts: ResourceOptions = {},
): NormalisedResource {
    return resource(
        "azure-native:storage:StorageAccount",
        "citizens",
        { resourceGroupName: "rg", kind: "StorageV2", location, sku: { name: sku }, ...props },
        { provider: defaultProvider("azure-native", {}, "3_28_0"), ...opts },
    );
}

/** `gcp.storage.Bucket` in a region, multi-region (`US`, `EU`) or dual-region. */
export function gcsBucket(location: Value, props: Props = {}, opts: ResourceOptions = {}): NormalisedResource {
    return resource(
        "gcp:storage/bucket:Bucket",
        "citizens",
        { location, name: "citizens", ...props },
        { provider: defaultProvider("gcp", { project: "shop-prod" }, "9_37_0"), ...opts },
    );
}

/** `aws.iam.Role`: global control-plane configuration, placed in the provider's partition. */
export function iamRole(props: Props, opts: ResourceOptions): NormalisedResource {
    return resource(
        "aws:iam/role:Role",
        "app",
        { assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}', ...props },
        opts,
    );
}
