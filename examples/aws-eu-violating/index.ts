// The EU orders platform of aws-eu-compliant, plus the side doors through which its data leaves the EU.

import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DataPlatform } from "../aws-eu-compliant/platform";

const config = new pulumi.Config();
const home = new pulumi.Config("aws").require("region");
const classified = { "data-residency": "eu", app: "orders" };

const platform = new DataPlatform("orders", {
    home,
    copies: "eu-central-1",
    partition: "aws",
    registry: `123456789012.dkr.ecr.${home}.amazonaws.com`,
    tags: classified,
    dbPassword: config.requireSecret("dbPassword"),
});

// A reporting replica for the US analytics team. It carries no classification tag of its own: it is a
// copy of the EU database, so the database's classification goes with it.
new aws.rds.Instance("orders-db-reporting", {
    identifier: "orders-db-reporting",
    region: "us-east-1",
    replicateSourceDb: platform.databaseArn,
    instanceClass: "db.t4g.medium",
    storageEncrypted: true,
    skipFinalSnapshot: true,
    tags: { app: "orders", team: "us-analytics" },
});

// Nightly backups, kept in Ireland and copied to a disaster-recovery vault in North Virginia.
const vault = new aws.backup.Vault("orders-vault", { name: "orders-vault", tags: classified });
new aws.backup.Plan("orders-backup", {
    name: "orders-backup",
    rules: [
        {
            ruleName: "nightly",
            targetVaultName: vault.name,
            schedule: "cron(0 3 * * ? *)",
            copyActions: [{ destinationVaultArn: "arn:aws:backup:us-east-1:123456789012:backup-vault:orders-dr" }],
        },
    ],
    tags: classified,
});

// An "S3" that is Alibaba Cloud OSS in Hangzhou: the AWS provider speaks S3 to whatever endpoint it is given.
const oss = new aws.Provider("oss", {
    region: "eu-central-1",
    // Marked secret to keep it out of logs: the pack must still find the host, and never print it.
    endpoints: [{ s3: pulumi.secret("https://s3.oss-cn-hangzhou.aliyuncs.com") }],
    s3UsePathStyle: true,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
});
new aws.s3.Bucket("orders-exports", { bucket: "orders-exports", tags: { app: "orders" } }, { provider: oss });

// The warehouse's site-to-site VPN, terminated on a router whose BGP peer is China Telecom's backbone
// (AS4134): the orders data crosses an untrusted carrier's network on its way to the warehouse.
new aws.ec2.CustomerGateway("warehouse-gateway", {
    bgpAsn: "4134",
    ipAddress: "203.0.113.10",
    type: "ipsec.1",
    tags: { app: "orders", site: "warehouse" },
});

// A batch worker on a machine image picked by id: what the image is (who published it) only EC2 can say.
// Without AWS credentials the lookup cannot run, so the preview says it could not verify the image (advisory).
new aws.ec2.Instance("orders-batch", {
    ami: "ami-0a1b2c3d4e5f60718",
    instanceType: "t4g.small",
    tags: { app: "orders" },
});
