import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import {
    awsNativeResource,
    awsResource,
    dynamoTable,
    rdsInstance,
    s3Bucket,
    s3Replication,
    secret,
    unknown,
} from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const eu = { providerRegion: "eu-west-1" };

/** Secondary locations only: `replica cn-north-1 CN`. */
const secondary = (p: Placement) => locationsText(p).filter((l) => !l.startsWith("primary"));
const references = (p: Placement) =>
    p.references.map((r) => `${r.relation} ${r.role} ${r.target || "(unknown)"} at ${r.path}`);

describe("aws locator: secondary locations from inputs", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "DynamoDB global table replica in China",
            dynamoTable({ replicas: [{ regionName: "eu-central-1" }, { regionName: "cn-north-1" }] }, eu),
            ["replica eu-central-1 DE", "replica cn-north-1 CN"],
        ],
        ["DynamoDB table without replicas", dynamoTable({}, eu), []],
        [
            "RDS snapshot copied to another region",
            awsResource(
                "aws:rds/snapshotCopy:SnapshotCopy",
                {
                    sourceDbSnapshotIdentifier: "snap",
                    targetDbSnapshotIdentifier: "copy",
                    destinationRegion: "cn-north-1",
                },
                eu,
            ),
            ["backup cn-north-1 CN"],
        ],
        [
            "EBS snapshots a lifecycle policy copies to another region",
            awsResource(
                "aws:dlm/lifecyclePolicy:LifecyclePolicy",
                {
                    description: "daily",
                    policyDetails: {
                        schedules: [
                            { name: "daily", crossRegionCopyRules: [{ target: "cn-northwest-1", encrypted: true }] },
                        ],
                    },
                },
                eu,
            ),
            ["backup cn-northwest-1 CN"],
        ],
        [
            "a lifecycle policy that keeps its snapshots at home",
            awsResource(
                "aws:dlm/lifecyclePolicy:LifecyclePolicy",
                { policyDetails: { schedules: [{ name: "daily" }] } },
                eu,
            ),
            [],
        ],
        [
            "Secrets Manager replica",
            awsResource(
                "aws:secretsmanager/secret:Secret",
                { name: "db", replicas: [{ region: "ap-southeast-1" }] },
                eu,
            ),
            ["replica ap-southeast-1 SG"],
        ],
        [
            "ECR registry replication to two regions",
            awsResource(
                "aws:ecr/replicationConfiguration:ReplicationConfiguration",
                {
                    replicationConfiguration: {
                        rules: [
                            {
                                destinations: [
                                    { region: "us-east-1", registryId: "1" },
                                    { region: "cn-northwest-1", registryId: "2" },
                                ],
                            },
                        ],
                    },
                },
                eu,
            ),
            ["replica us-east-1 US", "replica cn-northwest-1 CN"],
        ],
        [
            "AWS Backup copy to a vault in another region: region read from the ARN",
            awsResource(
                "aws:backup/plan:Plan",
                {
                    name: "daily",
                    rules: [
                        {
                            ruleName: "r",
                            targetVaultName: "main",
                            copyActions: [
                                { destinationVaultArn: "arn:aws:backup:us-east-1:123456789012:backup-vault:dr" },
                            ],
                        },
                    ],
                },
                eu,
            ),
            ["backup us-east-1 US"],
        ],
        [
            "Backup copy to AWS China",
            awsResource(
                "aws:backup/plan:Plan",
                {
                    name: "d",
                    rules: [
                        {
                            ruleName: "r",
                            targetVaultName: "m",
                            copyActions: [{ destinationVaultArn: "arn:aws-cn:backup:cn-north-1:1:backup-vault:dr" }],
                        },
                    ],
                },
                eu,
            ),
            ["backup cn-north-1 CN"],
        ],
        [
            "aws-native DynamoDB GlobalTable replicas",
            awsNativeResource(
                "aws-native:dynamodb:GlobalTable",
                { replicas: [{ region: "eu-west-1" }, { region: "us-west-2" }] },
                eu,
            ),
            ["replica eu-west-1 IE", "replica us-west-2 US"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(secondary(placed(r)), expected));

    it("a replica region unknown during preview is advisory, not absent", () => {
        const p = placed(dynamoTable({ replicas: [{ regionName: unknown() }] }, eu));
        assert.deepEqual(undeterminedsText(p), ["unknown-during-preview secondary-location replicas[0].regionName"]);
        assert.equal(p.undetermined[0].advisory, true);
    });

    it("a whole replica list unknown during preview is advisory too", () => {
        assert.deepEqual(undeterminedsText(placed(dynamoTable({ replicas: unknown("array") }, eu))), [
            "unknown-during-preview secondary-location replicas",
        ]);
    });

    it("a secret replica region is judged but its name never reaches a message", () => {
        const p = placed(dynamoTable({ replicas: [{ regionName: secret("mars-east-1") }] }, eu));
        assert.equal(p.locations[1].secret, true);
        assert.ok(p.undetermined.every((u) => !u.detail.includes("mars-east-1")));
    });
});

describe("aws locator: references to other resources", () => {
    const destinationArn = "arn:aws:s3:::orders-replica";
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "S3 replication rule",
            s3Replication("orders", [destinationArn], eu),
            ["carries primary orders at bucket", `copies-to replica ${destinationArn} at rules[0].destination.bucket`],
        ],
        [
            "legacy inline replicationConfiguration on a Bucket",
            s3Bucket(
                {
                    replicationConfiguration: {
                        role: "r",
                        rules: [{ status: "Enabled", destination: { bucket: destinationArn } }],
                    },
                },
                eu,
            ),
            [`copies-to replica ${destinationArn} at replicationConfiguration.rules[0].destination.bucket`],
        ],
        [
            "pulumi-aws v6 BucketV2 replication written inline, as lists",
            awsResource(
                "aws:s3/bucketV2:BucketV2",
                {
                    replicationConfigurations: [
                        { role: "r", rules: [{ status: "Enabled", destinations: [{ bucket: destinationArn }] }] },
                    ],
                },
                eu,
            ),
            [`copies-to replica ${destinationArn} at replicationConfigurations[0].rules[0].destinations[0].bucket`],
        ],
        [
            "aws-native S3 bucket replication",
            awsNativeResource(
                "aws-native:s3:Bucket",
                {
                    replicationConfiguration: {
                        role: "r",
                        rules: [{ status: "Enabled", destination: { bucket: destinationArn } }],
                    },
                },
                eu,
            ),
            [`copies-to replica ${destinationArn} at replicationConfiguration.rules[0].destination.bucket`],
        ],
        [
            "RDS read replica",
            rdsInstance({ replicateSourceDb: "orders-db" }, eu),
            ["copy-of replica orders-db at replicateSourceDb"],
        ],
        [
            "RDS cross-region replica by ARN",
            rdsInstance({ replicateSourceDb: "arn:aws:rds:us-east-1:1:db:orders" }, eu),
            ["copy-of replica arn:aws:rds:us-east-1:1:db:orders at replicateSourceDb"],
        ],
        [
            "Aurora member of a global cluster",
            awsResource(
                "aws:rds/cluster:Cluster",
                { engine: "aurora-mysql", globalClusterIdentifier: "orders-global" },
                eu,
            ),
            ["copy-of member orders-global at globalClusterIdentifier"],
        ],
        [
            "Global cluster from an existing cluster",
            awsResource(
                "aws:rds/globalCluster:GlobalCluster",
                { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:1:cluster:orders" },
                eu,
            ),
            ["copy-of member arn:aws:rds:eu-west-1:1:cluster:orders at sourceDbClusterIdentifier"],
        ],
        [
            "RDS automated backups replicated to this region",
            awsResource(
                "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
                { sourceDbInstanceArn: "arn:aws:rds:eu-west-1:1:db:orders" },
                { region: "us-west-2" },
            ),
            ["copy-of backup arn:aws:rds:eu-west-1:1:db:orders at sourceDbInstanceArn"],
        ],
        [
            "DynamoDB TableReplica",
            awsResource(
                "aws:dynamodb/tableReplica:TableReplica",
                { globalTableArn: "arn:aws:dynamodb:eu-west-1:1:table/orders" },
                { region: "cn-north-1" },
            ),
            ["copy-of replica arn:aws:dynamodb:eu-west-1:1:table/orders at globalTableArn"],
        ],
        [
            "KMS replica key",
            awsResource(
                "aws:kms/replicaKey:ReplicaKey",
                { primaryKeyArn: "arn:aws:kms:eu-west-1:1:key/mrk-1" },
                { region: "ap-east-1" },
            ),
            ["copy-of replica arn:aws:kms:eu-west-1:1:key/mrk-1 at primaryKeyArn"],
        ],
        [
            "ElastiCache member of a global datastore",
            awsResource(
                "aws:elasticache/replicationGroup:ReplicationGroup",
                { description: "d", globalReplicationGroupId: "ldgnf-orders" },
                eu,
            ),
            ["copy-of member ldgnf-orders at globalReplicationGroupId"],
        ],
        [
            "S3 Multi-Region Access Point",
            awsResource(
                "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
                { details: { name: "m", regions: [{ bucket: "a" }, { bucket: "b" }] } },
                eu,
            ),
            ["located-by member a at details.regions[0].bucket", "located-by member b at details.regions[1].bucket"],
        ],
        [
            "Backup vault ARN without a region is followed through the stack",
            awsResource(
                "aws:backup/plan:Plan",
                {
                    name: "d",
                    rules: [
                        { ruleName: "r", targetVaultName: "m", copyActions: [{ destinationVaultArn: "dr-vault" }] },
                    ],
                },
                eu,
            ),
            ["copies-to backup dr-vault at rules[0].copyActions[0].destinationVaultArn"],
        ],
        [
            "destination unknown during preview",
            s3Replication("orders", [unknown()], eu),
            ["carries primary orders at bucket", "copies-to replica (unknown) at rules[0].destination.bucket"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(references(placed(r)), expected));

    it("an unknown destination is marked unknown, so the stack pass may follow the engine's dependencies", () => {
        const ref = placed(s3Replication("orders", [unknown()], eu)).references[1];
        assert.equal(ref.unknown, true);
    });

    it("a secret source database stays a reference marked secret", () => {
        const ref = placed(rdsInstance({ replicateSourceDb: secret("orders-db") }, eu)).references[0];
        assert.equal(ref.secret, true);
    });

    it("a secret ciphertext destination cannot be followed and says so", () => {
        assert.deepEqual(undeterminedsText(placed(s3Replication("orders", [secret()], eu))), [
            "secret-ciphertext secondary-location rules[0].destination.bucket",
        ]);
    });
});

describe("aws locator: odd input never throws", () => {
    const odd: Array<[string, NormalisedResource]> = [
        ["replicas is a string", dynamoTable({ replicas: "eu-west-1" }, eu)],
        ["replica entries of the wrong kinds", dynamoTable({ replicas: [null, 3, { regionName: 5 }, ["x"]] }, eu)],
        [
            "replication configuration is an array",
            s3Bucket({ replicationConfiguration: [{ rules: [{ destination: { bucket: "b" } }] }] }, eu),
        ],
        ["region is a number", s3Bucket({}, { region: 42 })],
        ["null everywhere", awsResource("aws:backup/plan:Plan", { rules: [{ copyActions: null }], tags: null }, eu)],
        [
            "broken JSON in a container definition",
            awsResource("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: "[{not json" }, eu),
        ],
    ];
    for (const [what, r] of odd) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(secondary(p), []);
            assert.deepEqual(p.references, []);
        });
    }
});
