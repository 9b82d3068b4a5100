// The orders data platform the AWS examples deploy: object storage with replication, a PostgreSQL
// database with a read replica, a DynamoDB global table, a Lambda API and an ECS worker. Everything it
// creates carries the stack's classification tag; where copies go is the caller's choice.

import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface PlatformArgs {
    /** The region the platform runs in (its provider's region). */
    home: string;
    /** The region that receives the copies: the replica bucket, the read replica, the table replica. */
    copies: string;
    /** `aws` or `aws-cn`: ARNs differ between partitions. */
    partition: string;
    /** Where the container images come from, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
    registry: string;
    /** The tags every resource carries, classification included. */
    tags: Record<string, string>;
    dbPassword: pulumi.Input<string>;
}

const ACCOUNT = "123456789012";

export class DataPlatform extends pulumi.ComponentResource {
    /** The primary database's ARN, for replicas and backups outside the component. */
    readonly databaseArn: pulumi.Output<string>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("examples:orders:DataPlatform", name, {}, opts);
        const parent = { parent: this };
        const { tags, partition } = args;
        const role = (roleName: string) => `arn:${partition}:iam::${ACCOUNT}:role/${roleName}`;

        const data = new aws.s3.Bucket("orders-data", { bucket: `orders-data-${args.home}`, tags }, parent);
        const replica = new aws.s3.Bucket(
            "orders-replica",
            { bucket: `orders-replica-${args.copies}`, region: args.copies, tags },
            parent,
        );
        // S3 replicates only versioned buckets.
        for (const [bucketName, bucket, region] of [
            ["orders-data", data, undefined],
            ["orders-replica", replica, args.copies],
        ] as const) {
            new aws.s3.BucketVersioning(
                `${bucketName}-versioning`,
                { bucket: bucket.bucket, region, versioningConfiguration: { status: "Enabled" } },
                parent,
            );
        }
        new aws.s3.BucketReplicationConfig(
            "orders-replication",
            {
                bucket: data.bucket,
                role: role("orders-replication"),
                rules: [
                    {
                        id: "everything",
                        status: "Enabled",
                        destination: { bucket: pulumi.interpolate`arn:${partition}:s3:::${replica.bucket}` },
                    },
                ],
            },
            parent,
        );

        const db = new aws.rds.Instance(
            "orders-db",
            {
                identifier: "orders-db",
                engine: "postgres",
                engineVersion: "16.4",
                instanceClass: "db.t4g.medium",
                allocatedStorage: 50,
                storageEncrypted: true,
                username: "orders",
                password: args.dbPassword,
                backupRetentionPeriod: 7,
                skipFinalSnapshot: true,
                tags,
            },
            parent,
        );
        this.databaseArn = pulumi.interpolate`arn:${partition}:rds:${args.home}:${ACCOUNT}:db:${db.identifier}`;
        new aws.rds.Instance(
            "orders-db-replica",
            {
                identifier: "orders-db-replica",
                region: args.copies,
                replicateSourceDb: this.databaseArn,
                instanceClass: "db.t4g.medium",
                storageEncrypted: true,
                skipFinalSnapshot: true,
                tags,
            },
            parent,
        );

        new aws.dynamodb.Table(
            "orders-events",
            {
                billingMode: "PAY_PER_REQUEST",
                hashKey: "orderId",
                rangeKey: "at",
                attributes: [
                    { name: "orderId", type: "S" },
                    { name: "at", type: "S" },
                ],
                // Global tables replicate through the table's stream.
                streamEnabled: true,
                streamViewType: "NEW_AND_OLD_IMAGES",
                replicas: [{ regionName: args.copies }],
                tags,
            },
            parent,
        );

        new aws.lambda.Function(
            "orders-api",
            {
                packageType: "Image",
                imageUri: `${args.registry}/orders-api:1.4.2`,
                role: role("orders-api"),
                timeout: 10,
                tags,
            },
            parent,
        );
        new aws.ecs.TaskDefinition(
            "orders-worker",
            {
                family: "orders-worker",
                requiresCompatibilities: ["FARGATE"],
                networkMode: "awsvpc",
                cpu: "512",
                memory: "1024",
                executionRoleArn: role("orders-worker-execution"),
                containerDefinitions: JSON.stringify([
                    { name: "worker", image: `${args.registry}/orders-worker:1.4.2`, essential: true },
                ]),
                tags,
            },
            parent,
        );
        this.registerOutputs({ databaseArn: this.databaseArn });
    }
}
