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
