// Side doors read by the place-input table itself (src/locate/place-inputs.yaml entries with a `role`): the
// region written at the input is a copy, member or processing place of the resource. Everyday shapes from each
// class: an allowed region passes, a mainland-China region is rejected, and a name the catalog does not know is
// any region of the resource's cloud and partition, so it passes the default profile (no mainland-China region
// in AWS or Azure public, none in Google Cloud) but cannot be verified for data classified for the EU.

import type { NormalisedResource } from "../../src/model/resource";
import { awsResource, azureNative, gcpResource } from "../support/builders";
import { assertFindings, judgeResource, type Expected, type JudgeOptions } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const RESIDENCY = "clean-guard-data-residency";
const REGION = "clean-guard-disallowed-region";

/** A stack whose data is classified for the EU: every place of its resources must be in the EU. */
const EU = { stackTags: { "data-residency": "eu" } };

/** Image Builder copies each image to every distribution region (a replica, AWS). */
const imageDistribution = (regions: string[]) =>
    awsResource(
        "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
        {
            name: "golden-images",
            distributions: regions.map((region) => ({ region, amiDistributionConfiguration: { name: "golden" } })),
        },
        { providerRegion: "eu-west-1" },
    );

/** A Log Analytics workspace replicated to a second region (a replica, Azure). */
const workspace = (replica: string) =>
    azureNative("operationalinsights:Workspace", {
        location: "westeurope",
        resourceGroupName: "rg",
        sku: { name: "PerGB2018" },
        replication: { enabled: true, location: replica },
    });

/** A snapshot schedule whose snapshots are stored in the location it names (a backup, Google Cloud). */
const snapshotSchedule = (storageLocation: string) =>
    gcpResource("gcp:compute/resourcePolicy:ResourcePolicy", {
        name: "daily",
        region: "europe-west1",
        snapshotSchedulePolicy: {
            schedule: { dailySchedule: { daysInCycle: 1, startTime: "04:00" } },
            snapshotProperties: { storageLocations: storageLocation },
        },
    });

/** An S3 Tables replication whose destination table bucket is named by ARN (the ARN carries the region). */
const tableReplication = (arn: string) =>
    awsResource(
        "aws:s3tables/tableBucketReplication:TableBucketReplication",
        {
            tableBucketArn: "arn:aws:s3tables:eu-west-1:123456789012:bucket/orders",
            role: "arn:aws:iam::123456789012:role/replication",
            rule: { destinations: [{ destinationTableBucketArn: arn }] },
        },
        { providerRegion: "eu-west-1" },
    );

/** A Dataflow pipeline whose workers process the data in the region its launch request names. */
const pipeline = (workerRegion: string) =>
    gcpResource("gcp:dataflow/pipeline:Pipeline", {
        name: "nightly",
        type: "PIPELINE_TYPE_BATCH",
        region: "europe-west1",
        workload: {
            dataflowLaunchTemplateRequest: {
                projectId: "p",
                gcsPath: "gs://templates/wordcount",
                launchParameters: { jobName: "nightly", environment: { workerRegion } },
            },
        },
    });

/** Communication Services: a global ARM resource whose data at rest is in the geography `dataLocation` names. */
const communication = (dataLocation: string) =>
    azureNative("communication:CommunicationService", { location: "global", resourceGroupName: "rg", dataLocation });

/** A Site Recovery fabric: an Azure fabric states its region, where machines replicated to it keep their disks. */
const fabric = (location: string) =>
    azureNative("recoveryservices:ReplicationFabric", {
        resourceName: "vault",
        resourceGroupName: "rg",
        fabricName: "recovery",
        properties: { customDetails: { instanceType: "Azure", location } },
    });

/** A container mapping that replicates machines to the region its target location names. */
const containerMapping = (targetLocation: string) =>
    azureNative("recoveryservices:ReplicationProtectionContainerMapping", {
        resourceName: "vault",
        resourceGroupName: "rg",
        fabricName: "primary",
        protectionContainerName: "container",
        properties: {
            policyId: "policy",
            targetProtectionContainerId: "recovery-container",
            providerSpecificInput: { instanceType: "VMwareCbt", storageAccountId: "sa", targetLocation },
        },
    });

/** An OpenSearch domain in Ireland connected to a remote domain its searches are run on (processing, AWS). */
const searchConnection = (remoteRegion: string) =>
    awsResource(
        "aws:opensearch/outboundConnection:OutboundConnection",
        {
            connectionAlias: "orders-search",
            localDomainInfo: { ownerId: "123456789012", region: "eu-west-1", domainName: "orders" },
            remoteDomainInfo: { ownerId: "123456789012", region: remoteRegion, domainName: "archive" },
        },
        { providerRegion: "eu-west-1" },
    );

/** A SaaS Runtime offering whose units are deployed to each of its locations (members, Google Cloud). */
const saasOffering = (regions: string[]) =>
    gcpResource("gcp:saasruntime/saaS:SaaS", {
        saasId: "shop",
        location: "global",
        locations: regions.map((name) => ({ name })),
    });

describe("side doors the place-input table reads: the region at the input, judged", () => {
    const cases: Array<[string, NormalisedResource, string, Expected, JudgeOptions?]> = [
        ["an image distributed to Ireland and Frankfurt", imageDistribution(["eu-west-1", "eu-central-1"]), COPIES, []],
        [
            "an image distributed to Beijing: rejected",
            imageDistribution(["eu-west-1", "cn-north-1"]),
            COPIES,
            [["violation", "replica", "cn-north-1", "China (CN)"]],
        ],
        [
            "an image distributed to a region newer than the catalog, unclassified: any AWS region, none disallowed",
            imageDistribution(["eu-south-9"]),
            COPIES,
            [],
        ],
        [
            "the same image holding EU data: it may be in any AWS region, so it cannot be verified",
            imageDistribution(["eu-south-9"]),
            COPIES,
            [
                [
                    "unverified",
                    "'eu-south-9' is no location clean-guard knows on aws, so any region of aws",
                    "name the place exactly",
                ],
            ],
            EU,
        ],
        [
            "a region spelled like a China-partition region the catalog does not list yet: China wherever it is",
            imageDistribution(["cn-north-9"]),
            COPIES,
            [["violation", "cn-north-9", "any region of aws-cn", "Wherever it is"]],
        ],
        ["a workspace replicated to North Europe", workspace("northeurope"), COPIES, []],
        [
            "a workspace replicated to China North 3: rejected",
            workspace("chinanorth3"),
            COPIES,
            [["violation", "replica", "chinanorth3", "China (CN)"]],
        ],
        [
            "a workspace replicated to a name the catalog does not know, unclassified: any public Azure region",
            workspace("westeurope9"),
            COPIES,
            [],
        ],
        [
            "the same workspace holding EU data: cannot be verified",
            workspace("westeurope9"),
            COPIES,
            [["unverified", "'westeurope9' is no location clean-guard knows on azure, so any region of azure"]],
            EU,
        ],
        ["daily snapshots of EU data kept in the EU multi-region", snapshotSchedule("eu"), COPIES, [], EU],
        [
            "daily snapshots of EU data kept in Hong Kong: outside the EU",
            snapshotSchedule("asia-east2"),
            COPIES,
            [["violation", "backup gcp region asia-east2", "Hong Kong", "outside it"]],
            EU,
        ],
        [
            "daily snapshots kept in a location the catalog does not know, unclassified: Google Cloud has no mainland-China region",
            snapshotSchedule("europe-west99"),
            COPIES,
            [],
        ],
        [
            "the same schedule in an EU stack: cannot be verified",
            snapshotSchedule("europe-west99"),
            COPIES,
            [["unverified", "europe-west99", "any region of gcp", "United States (US)"]],
            EU,
        ],
        [
            "table buckets replicated to an ARN in Stockholm",
            tableReplication("arn:aws:s3tables:eu-north-1:123456789012:bucket/copy"),
            COPIES,
            [],
        ],
        [
            "table buckets replicated to an ARN in Ningxia: rejected",
            tableReplication("arn:aws-cn:s3tables:cn-northwest-1:123456789012:bucket/copy"),
            COPIES,
            [["violation", "cn-northwest-1", "China (CN)"]],
        ],
        ["a pipeline processing EU data in Belgium", pipeline("europe-west1"), RESIDENCY, [], EU],
        [
            "a pipeline processing EU data in Iowa: outside the EU",
            pipeline("us-central1"),
            RESIDENCY,
            [["violation", "processing", "us-central1", "outside it"]],
            EU,
        ],
        ["a Site Recovery fabric in North Europe", fabric("northeurope"), COPIES, [], EU],
        [
            "a Site Recovery fabric in Azure China: rejected",
            fabric("chinaeast2"),
            COPIES,
            [["violation", "replica azure region chinaeast2", "properties.customDetails.location"]],
        ],
        [
            "EU machines replicated to a fabric in East US",
            fabric("eastus"),
            COPIES,
            [["violation", "replica azure region eastus", "United States (US)"]],
            EU,
        ],
        ["machines mapped to a recovery container in West Europe", containerMapping("westeurope"), COPIES, [], EU],
        [
            "EU machines mapped to a recovery container in Central India",
            containerMapping("centralindia"),
            COPIES,
            [["violation", "replica azure region centralindia", "India (IN)"]],
            EU,
        ],
        ["Communication Services keeping EU data in the Europe geography", communication("Europe"), RESIDENCY, [], EU],
        [
            "the same service keeping EU data in the United States: the geography and its country are named",
            communication("United States"),
            RESIDENCY,
            [["violation", "multi-region united states (United States (US)) from input 'dataLocation'"]],
            EU,
        ],
        [
            "EU data in the UK geography",
            communication("UK"),
            RESIDENCY,
            [["violation", "multi-region uk (United Kingdom (GB))"]],
            EU,
        ],
        [
            "unclassified data in the United States geography, the default profile",
            communication("United States"),
            RESIDENCY,
            [],
        ],
        [
            "searches of unclassified data run on a remote domain in AWS China: a disallowed processing place",
            searchConnection("cn-north-1"),
            REGION,
            [
                [
                    "violation",
                    "processing location cn-north-1",
                    "remoteDomainInfo.region",
                    "partition aws-cn is disallowed",
                ],
            ],
            {},
        ],
        [
            "the same searches on a remote domain in Frankfurt, the default profile: nothing to say",
            searchConnection("eu-central-1"),
            REGION,
            [],
            {},
        ],
        [
            "searches of EU data run on a remote domain in Frankfurt",
            searchConnection("eu-central-1"),
            RESIDENCY,
            [],
            EU,
        ],
        [
            "searches of EU data run on a remote domain in Virginia: outside the EU",
            searchConnection("us-east-1"),
            RESIDENCY,
            [["violation", "processing", "us-east-1", "remoteDomainInfo.region", "outside it"]],
            EU,
        ],
        [
            "a SaaS offering deploying EU data to Belgium and Frankfurt",
            saasOffering(["europe-west1", "europe-west3"]),
            COPIES,
            [],
            EU,
        ],
        [
            "a SaaS offering deploying EU data to Belgium and Iowa: outside the EU",
            saasOffering(["europe-west1", "us-central1"]),
            COPIES,
            [["violation", "member", "us-central1", "outside it"]],
            EU,
        ],
    ];
    for (const [what, r, policy, expected, options] of cases)
        it(what, async () => assertFindings(await judgeResource(r, options), policy, expected));
});
