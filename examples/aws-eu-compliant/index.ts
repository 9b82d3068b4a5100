import * as pulumi from "@pulumi/pulumi";
import { DataPlatform } from "./platform";

const config = new pulumi.Config();
const home = new pulumi.Config("aws").require("region");

new DataPlatform("orders", {
    home,
    copies: "eu-central-1",
    partition: "aws",
    registry: `123456789012.dkr.ecr.${home}.amazonaws.com`,
    tags: { "data-residency": "eu", app: "orders" },
    dbPassword: config.requireSecret("dbPassword"),
});
