import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import {
    awsResource,
    azureNative,
    cloudResource,
    dynamoTable,
    gcpResource,
    rdsInstance,
    s3Bucket,
    s3Replication,
    unknown,
    urnOf,
} from "../support/builders";
import { resourceGroup as resourceGroupOf, storageAccount as accountIn } from "../support/builders";
import { gcsBucket, storageAccount } from "./builders";
import { assertFindings, judgeResource, judgeStack, type Expected } from "./judge";

const POLICY = "clean-guard-cross-border-replication";
const tagged = (value: string) => ({ tags: { "data-residency": value } });

/** A PostgreSQL, MySQL or MariaDB single server in Brazil South (paired one way with South Central US). */
const singleServer = (token: string, geoRedundantBackup: string, sdkVersion = "3_28_0") =>
    cloudResource("azure-native", sdkVersion, `azure-native:${token}`, {
        location: "brazilsouth",
        resourceGroupName: "rg",
        properties: { createMode: "Default", storageProfile: { geoRedundantBackup } },
        ...tagged("br"),
    });

const citusCluster = (enableGeoBackup: boolean) =>
    azureNative("dbforpostgresql:ServerGroupCluster", {
        location: "brazilsouth",
        resourceGroupName: "rg",
        enableGeoBackup,
        ...tagged("br"),
    });

describe(POLICY, () => {
    describe("copies a resource makes of its own data", () => {
        const cases: Array<[string, NormalisedResource, Expected]> = [
            [
                "an EU table replicated to Virginia: the role, the place and the input that put it there",
                dynamoTable(
                    { replicas: [{ regionName: "us-east-1" }], ...tagged("eu") },
                    { providerRegion: "eu-west-1" },
                ),
                [
                    [
                        "violation",
                        "replica aws region us-east-1 (United States (US)) from input 'replicas[0].regionName'",
                        "eu (27 countries)",
                    ],
                ],
            ],
            [
                "the same table replicated to Frankfurt",
                dynamoTable(
                    { replicas: [{ regionName: "eu-central-1" }], ...tagged("eu") },
                    { providerRegion: "eu-west-1" },
                ),
                [],
            ],
            [
                "an unclassified table replicated to Virginia",
                dynamoTable({ replicas: [{ regionName: "us-east-1" }] }, { providerRegion: "eu-west-1" }),
                [],
            ],
            [
                "any table replicated to mainland China",
                dynamoTable({ replicas: [{ regionName: "cn-north-1" }] }, { providerRegion: "eu-west-1" }),
                [["violation", "replica aws region cn-north-1", "Placement in partition aws-cn is disallowed"]],
            ],
            [
                "Brazilian data in geo-redundant storage goes to the paired region in the US",
                storageAccount("brazilsouth", "Standard_GRS", tagged("br")),
                [["violation", "southcentralus", "United States (US)", "br (Brazil)"]],
            ],
            [
                "the same account with locally redundant storage",
                storageAccount("brazilsouth", "Standard_LRS", tagged("br")),
                [],
            ],
            [
                "zone-redundant storage stays in the region",
                storageAccount("brazilsouth", "Standard_ZRS", tagged("br")),
                [],
            ],
            [
                "an EU bucket whose dual-region spans the US",
                gcsBucket("EU", {
                    labels: { "data-residency": "eu" },
                    customPlacementConfig: { dataLocations: ["europe-west1", "us-central1"] },
                }),
                [["violation", "member gcp region us-central1", "United States (US)"]],
            ],
            [
                "an EU dual-region bucket inside the EU",
                gcsBucket("EU", {
                    labels: { "data-residency": "eu" },
                    customPlacementConfig: { dataLocations: ["europe-west1", "europe-west4"] },
                }),
                [],
            ],
            [
                "a replica region unknown until `up`",
                dynamoTable(
                    { replicas: [{ regionName: unknown() }], ...tagged("eu") },
                    { providerRegion: "eu-west-1" },
                ),
                [["advisory", "not known during preview"]],
            ],
            [
                "a replica region nobody knows, of unclassified data, is a warning",
                dynamoTable({ replicas: [{ regionName: "eu-middle-7" }] }, { providerRegion: "eu-west-1" }),
                [["advisory", "eu-middle-7", "carries no data-residency classification"]],
            ],
            [
                "a replica region nobody knows, of classified data, fails closed",
                dynamoTable(
                    { replicas: [{ regionName: "eu-middle-7" }], ...tagged("eu") },
                    { providerRegion: "eu-west-1" },
                ),
                [["unverified", "eu-middle-7", "correct the value"]],
            ],
        ];
        for (const [what, r, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));
    });

    describe("copies the provider schemas name, found by the place-input audit (test/coverage)", () => {
        const eu = { providerRegion: "eu-west-1" };
        const CHINA = "Placement in partition aws-cn is disallowed";
        const cases: Array<[string, NormalisedResource, Expected]> = [
            [
                "an RDS snapshot copied to mainland China",
                awsResource("aws:rds/snapshotCopy:SnapshotCopy", { destinationRegion: "cn-north-1" }, eu),
                [["violation", "backup aws region cn-north-1", CHINA]],
            ],
            [
                "the same snapshot copied to Frankfurt",
                awsResource("aws:rds/snapshotCopy:SnapshotCopy", { destinationRegion: "eu-central-1" }, eu),
                [],
            ],
            [
                "EBS snapshots a lifecycle policy copies to mainland China",
                awsResource(
                    "aws:dlm/lifecyclePolicy:LifecyclePolicy",
                    { policyDetails: { schedules: [{ crossRegionCopyRules: [{ target: "cn-northwest-1" }] }] } },
                    eu,
                ),
                [["violation", "backup aws region cn-northwest-1", CHINA]],
            ],
            [
                "an EFS file system replicated to mainland China",
                awsResource(
                    "aws:efs/replicationConfiguration:ReplicationConfiguration",
                    { sourceFileSystemId: "fs-1", destination: { region: "cn-north-1" } },
                    eu,
                ),
                [["violation", "replica aws region cn-north-1", CHINA]],
            ],
            [
                "the same replication to Stockholm",
                awsResource(
                    "aws:efs/replicationConfiguration:ReplicationConfiguration",
                    { sourceFileSystemId: "fs-1", destination: { region: "eu-north-1" } },
                    eu,
                ),
                [],
            ],
            [
                "SSM inventory synced to a bucket in mainland China",
                awsResource(
                    "aws:ssm/resourceDataSync:ResourceDataSync",
                    { s3Destination: { bucketName: "inventory", region: "cn-north-1" } },
                    eu,
                ),
                [["violation", "replica aws region cn-north-1", CHINA]],
            ],
            [
                "an Event Hubs namespace geo-replicated to mainland China",
                azureNative("eventhub:Namespace", {
                    location: "westeurope",
                    resourceGroupName: "rg",
                    geoDataReplication: { locations: [{ locationName: "chinanorth3", roleType: "Secondary" }] },
                }),
                [["violation", "replica azure region chinanorth3"]],
            ],
            [
                "the same namespace geo-replicated to North Europe",
                azureNative("eventhub:Namespace", {
                    location: "westeurope",
                    resourceGroupName: "rg",
                    geoDataReplication: { locations: [{ locationName: "northeurope", roleType: "Secondary" }] },
                }),
                [],
            ],
            [
                "an API Management gateway added in mainland China",
                azureNative("apimanagement:ApiManagementService", {
                    location: "westeurope",
                    resourceGroupName: "rg",
                    additionalLocations: [{ location: "chinaeast2", sku: { name: "Premium", capacity: 1 } }],
                }),
                [["violation", "member azure region chinaeast2"]],
            ],
            [
                "a German-classified snapshot stored in the Asia multi-region",
                gcpResource("gcp:compute/snapshot:Snapshot", {
                    sourceDisk: "disk",
                    zone: "europe-west3-a",
                    storageLocations: ["asia"],
                    labels: { "data-residency": "de" },
                }),
                [["violation", "backup gcp multi-region asia"]],
            ],
            [
                "the same snapshot stored in Frankfurt",
                gcpResource("gcp:compute/snapshot:Snapshot", {
                    sourceDisk: "disk",
                    zone: "europe-west3-a",
                    storageLocations: ["europe-west3"],
                    labels: { "data-residency": "de" },
                }),
                [],
            ],
            [
                "Brazilian data on a PostgreSQL single server whose geo-redundant backups go to the paired region in the US",
                singleServer("dbforpostgresql:SingleServer", "Enabled"),
                [["violation", "backup azure region southcentralus", "paired region of brazilsouth", "br (Brazil)"]],
            ],
            [
                "the same server with backups kept in the region",
                singleServer("dbforpostgresql:SingleServer", "Disabled"),
                [],
            ],
            [
                "an azure-native v2 program's MySQL server (2017 API) with geo-redundant backups",
                singleServer("dbformysql/v20171201:Server", "Enabled", "2_92_3"),
                [["violation", "backup azure region southcentralus", "br (Brazil)"]],
            ],
            [
                "a Cosmos DB for PostgreSQL cluster with geo-redundant backups",
                citusCluster(true),
                [["violation", "backup azure region southcentralus", "br (Brazil)"]],
            ],
            ["the same cluster without", citusCluster(false), []],
        ];
        for (const [what, r, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));
    });

    describe("copies held by other resources of the stack", () => {
        const source = rdsInstance(
            { identifier: "orders", ...tagged("de") },
            { providerRegion: "eu-central-1", name: "orders" },
        );
        // During preview `bucket: orders.id` is unknown; the engine's property dependencies name the source.
        const fromOrders = {
            providerRegion: "eu-west-1",
            name: "replication",
            propertyDependencies: { bucket: [urnOf("aws:s3/bucket:Bucket", "orders")] },
        };
        const cases: Array<[string, NormalisedResource[], Expected]> = [
            [
                "a read replica in Virginia carries its source's German classification",
                [
                    source,
                    rdsInstance(
                        { replicateSourceDb: "orders" },
                        { providerRegion: "us-east-1", name: "orders-replica" },
                    ),
                ],
                [
                    [
                        "violation",
                        "holds a copy of classified data in aws region us-east-1",
                        "de (Germany) by tag 'data-residency' of its source aws:rds/instance:Instance 'orders'",
                    ],
                ],
            ],
            [
                "a read replica in Frankfurt",
                [
                    source,
                    rdsInstance(
                        { replicateSourceDb: "orders" },
                        { providerRegion: "eu-central-1", name: "orders-replica" },
                    ),
                ],
                [],
            ],
            [
                "a replica of an unclassified database",
                [
                    rdsInstance({ identifier: "orders" }, { providerRegion: "eu-central-1", name: "orders" }),
                    rdsInstance(
                        { replicateSourceDb: "orders" },
                        { providerRegion: "us-east-1", name: "orders-replica" },
                    ),
                ],
                [],
            ],
            [
                "a replication rule moving EU data to a bucket in Virginia: the destination, and the rule's replica",
                [
                    s3Bucket({ bucket: "orders", ...tagged("eu") }, { providerRegion: "eu-west-1", name: "orders" }),
                    s3Bucket({ bucket: "orders-copy" }, { providerRegion: "us-east-1", name: "orders-copy" }),
                    s3Replication(unknown(), ["arn:aws:s3:::orders-copy"], fromOrders),
                ],
                [
                    [
                        "violation",
                        "'orders-copy': holds a copy of classified data in aws region us-east-1",
                        "of its source aws:s3/bucket:Bucket 'orders'",
                    ],
                    [
                        "violation",
                        "'replication': replica aws region us-east-1",
                        "rules[0].destination.bucket -> Bucket 'orders-copy'",
                    ],
                ],
            ],
            [
                "one archive in Virginia receiving German and French data: each source's classification is named",
                [
                    s3Bucket(
                        { bucket: "orders-de", ...tagged("de") },
                        { providerRegion: "eu-central-1", name: "orders-de" },
                    ),
                    s3Bucket(
                        { bucket: "orders-fr", ...tagged("fr") },
                        { providerRegion: "eu-west-3", name: "orders-fr" },
                    ),
                    s3Bucket({ bucket: "archive" }, { providerRegion: "us-east-1", name: "archive" }),
                    s3Replication("orders-de", ["arn:aws:s3:::archive"], {
                        providerRegion: "eu-central-1",
                        name: "rep-de",
                    }),
                    s3Replication("orders-fr", ["arn:aws:s3:::archive"], {
                        providerRegion: "eu-west-3",
                        name: "rep-fr",
                    }),
                ],
                [
                    [
                        "violation",
                        "'archive': holds a copy of classified data in aws region us-east-1",
                        "Data classified de (Germany) by tag 'data-residency' of its source aws:s3/bucket:Bucket 'orders-de'",
                        "Data classified fr (France) by tag 'data-residency' of its source aws:s3/bucket:Bucket 'orders-fr'",
                    ],
                    ["violation", "'rep-de': replica aws region us-east-1", "de (Germany)"],
                    ["violation", "'rep-fr': replica aws region us-east-1", "fr (France)"],
                ],
            ],
            [
                "a replication rule managed through a provider in Virginia moves German data within Germany: it keeps none itself",
                [
                    s3Bucket(
                        { bucket: "orders-de", ...tagged("de") },
                        { providerRegion: "eu-central-1", name: "orders-de" },
                    ),
                    s3Bucket({ bucket: "backup" }, { providerRegion: "eu-central-1", name: "backup" }),
                    s3Replication("orders-de", ["arn:aws:s3:::backup"], { providerRegion: "us-east-1", name: "rep" }),
                ],
                [],
            ],
            [
                "a replication destination that names no bucket of the stack: cannot verify, naming where it may be",
                [
                    s3Bucket({ bucket: "orders", ...tagged("eu") }, { providerRegion: "eu-west-1", name: "orders" }),
                    s3Replication(unknown(), ["arn:aws:s3:::somewhere-else"], fromOrders),
                ],
                [
                    [
                        "unverified",
                        "'arn:aws:s3:::somewhere-else' is not in this stack, so any region of partition aws",
                        "it may be in aws",
                    ],
                ],
            ],
        ];
        for (const [what, resources, expected] of cases) {
            it(what, async () => assertFindings((await judgeStack(resources)).stackOnly, POLICY, expected));
        }

        it("a chain of replicas that repeats a classification names the nearest source that sets it, once", async () => {
            const chain = [
                rdsInstance(
                    { identifier: "primary", ...tagged("de") },
                    { providerRegion: "eu-central-1", name: "primary" },
                ),
                rdsInstance(
                    { identifier: "mirror", replicateSourceDb: "primary", ...tagged("de") },
                    { providerRegion: "eu-central-1", name: "mirror" },
                ),
                rdsInstance({ replicateSourceDb: "mirror" }, { providerRegion: "us-east-1", name: "far" }),
            ];
            const { stackOnly } = await judgeStack(chain);
            assertFindings(
                stackOnly,
                POLICY,
                [
                    [
                        "violation",
                        "'far': holds a copy",
                        "Data classified de (Germany) by tag 'data-residency' of its source aws:rds/instance:Instance 'mirror' must stay",
                    ],
                ],
                ["'primary'"],
            );
            assert.equal(stackOnly[0].message.split("Data classified").length, 2, "the jurisdiction is named once");
        });

        it("judged alone (the engine's Analyze call), the replica knows no source: nothing to say, nothing breaks", async () => {
            const replica = rdsInstance(
                { replicateSourceDb: "orders" },
                { providerRegion: "us-east-1", name: "orders-replica" },
            );
            const findings = await judgeResource(replica);
            assertFindings(findings, POLICY, []);
            assert.deepEqual(
                findings.filter((f) => f.message.includes("failed while judging")),
                [],
            );
        });
    });

    describe("a paired-region copy of a location the resource group lends", () => {
        // Most programs leave a storage account's location to a resource group they create, named by Pulumi:
        // during preview the account's `resourceGroupName` is the group's output, known only as a dependency.
        const stack = (groupLocation: string, sku: string, residency: string) => {
            const group = resourceGroupOf({ location: groupLocation });
            const account = accountIn(
                { resourceGroupName: unknown(), sku: { name: sku }, tags: { "data-residency": residency } },
                { propertyDependencies: { resourceGroupName: [group.urn] } },
            );
            return [group, account];
        };
        const cases: Array<[string, NormalisedResource[], Expected]> = [
            [
                "Brazilian data, geo-redundant, in a group in Brazil South: the pair in the US breaks the rule",
                stack("brazilsouth", "Standard_GRS", "br"),
                [["violation", "failover azure region southcentralus", "paired region of brazilsouth", "br (Brazil)"]],
            ],
            ["the same account, locally redundant", stack("brazilsouth", "Standard_LRS", "br"), []],
            [
                "EU data, geo-redundant, in a group in West Europe: the pair stays in the EU",
                stack("westeurope", "Standard_GRS", "eu"),
                [],
            ],
        ];
        for (const [what, resources, expected] of cases) {
            it(what, async () =>
                assertFindings((await judgeStack(resources, { phase: "preview" })).all, POLICY, expected),
            );
        }

        it("a Key Vault in a new group in Brazil South keeps its copies in the region; in West Europe, in North Europe", async () => {
            const vaultIn = (location: string) => {
                const group = resourceGroupOf({ location });
                const vault = azureNative(
                    "keyvault:Vault",
                    {
                        resourceGroupName: unknown(),
                        properties: { tenantId: "t", sku: { family: "A", name: "standard" } },
                        tags: { "data-residency": "br" },
                    },
                    { propertyDependencies: { resourceGroupName: [group.urn] } },
                );
                return [group, vault];
            };
            assertFindings((await judgeStack(vaultIn("brazilsouth"), { phase: "preview" })).all, POLICY, []);
            assertFindings((await judgeStack(vaultIn("westeurope"), { phase: "preview" })).all, POLICY, [
                ["violation", "failover azure region northeurope", "Key Vault's automatic replication"],
            ]);
        });

        it("judged alone, as the engine's per-resource call does: nothing yet, the stack pass places the pair", async () => {
            const [, account] = stack("westeurope", "Standard_GRS", "eu");
            assertFindings(await judgeResource(account, { phase: "preview" }), POLICY, []);
        });

        it("a group outside the stack lends no one region: the pair cannot be verified for EU data", async () => {
            const [, account] = stack("westeurope", "Standard_GRS", "eu");
            const outside = {
                ...account,
                props: { ...account.props, resourceGroupName: "rg-shared" },
                propertyDependencies: {},
            };
            assertFindings((await judgeStack([outside])).all, POLICY, [
                ["unverified", "paired region of the resource's location", "set 'location'"],
            ]);
        });
    });
});
