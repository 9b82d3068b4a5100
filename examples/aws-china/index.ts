// The EU orders platform of aws-eu-compliant, deployed as it is to AWS China (Beijing, copies in Ningxia).

import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DataPlatform } from "../aws-eu-compliant/platform";

const config = new pulumi.Config();
const home = new pulumi.Config("aws").require("region");
const registry = `123456789012.dkr.ecr.${home}.amazonaws.com.cn`;

// The image repository comes from the stack's default provider (aws:region in Pulumi.china.yaml) ...
new aws.ecr.Repository("orders-images", { name: "orders-api", tags: { app: "orders" } });

// ... the platform from an explicit provider for the same region.
const china = new aws.Provider("china", { region: "cn-north-1" });
new DataPlatform(
    "orders",
    {
        home,
        copies: "cn-northwest-1",
        partition: "aws-cn",
        registry,
        tags: { "data-residency": "eu", app: "orders" },
        dbPassword: config.requireSecret("dbPassword"),
    },
    { providers: { aws: china } },
);
