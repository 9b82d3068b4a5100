// An EU orders store on Alibaba Cloud's Frankfurt region. The data stays in Germany, so residency
// holds, but Alibaba Cloud is an untrusted cloud wherever it runs.

import * as alicloud from "@pulumi/alicloud";

const tags = { "data-residency": "eu", app: "orders" };

// The network comes from the stack's default provider (alicloud:region in Pulumi.frankfurt.yaml) ...
const vpc = new alicloud.vpc.Network("orders-vpc", { vpcName: "orders", cidrBlock: "10.20.0.0/16", tags });
new alicloud.vpc.Switch("orders-vsw", {
    vpcId: vpc.id,
    vswitchName: "orders-a",
    cidrBlock: "10.20.1.0/24",
    zoneId: "eu-central-1a",
    tags,
});

// ... the bucket from an explicit provider for the same region.
const frankfurt = new alicloud.Provider("frankfurt", { region: "eu-central-1" });
new alicloud.oss.Bucket(
    "orders-data",
    { bucket: "acme-orders-data", storageClass: "Standard", tags },
    { provider: frankfurt },
);
