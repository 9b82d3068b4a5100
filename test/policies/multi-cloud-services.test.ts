// Data stores outside the three big clouds that run on a cloud of the customer's choice, each in the service's
// own spelling of that cloud's regions: Snowflake (`AWS_EU_CENTRAL_1`, `AZURE_WESTEUROPE`), Databricks workspaces
// (`awsRegion`, or `cloud: gcp` with `location`), MongoDB Atlas on Google Cloud and Azure (`WESTERN_EUROPE`,
// `EUROPE_WEST_3`, `EUROPE_NORTH`). And Cloudflare R2, where only a jurisdiction is a place: a location hint is
// best effort, so a bucket with only a hint is any R2 location, judged as a set of possible places.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { cloudResource } from "../support/builders";
import { assertFindings, judgeResource, type Expected } from "./judge";

const REGION = "clean-guard-disallowed-region";
const RESIDENCY = "clean-guard-data-residency";
const EU = { stackTags: { "data-residency": "eu" } };

const snowflakeAccount = (region: string) =>
    cloudResource("snowflake", "1_3_0", "snowflake:index/account:Account", {
        name: "ANALYTICS",
        adminName: "admin",
        email: "data@example.com",
        edition: "ENTERPRISE",
        gracePeriodInDays: 3,
        region,
    });
const databricksWorkspace = (props: Props) =>
    cloudResource("databricks", "1_110_0", "databricks:index/mwsWorkspaces:MwsWorkspaces", {
        accountId: "acc",
        workspaceName: "analytics",
        ...props,
    });
const atlasCluster = (props: Props) =>
    cloudResource("mongodbatlas", "3_20_0", "mongodbatlas:index/cluster:Cluster", {
        projectId: "p",
        providerInstanceSizeName: "M10",
        ...props,
    });
const r2Bucket = (props: Props) =>
    cloudResource("cloudflare", "6_22_1", "cloudflare:index/r2Bucket:R2Bucket", {
        accountId: "a",
        name: "orders",
        ...props,
    });

/** Its `zoneId` names a DNS zone, not a place: read as a location it would block every record of a classified stack. */
const dnsRecord = cloudResource("cloudflare", "6_22_1", "cloudflare:index/dnsRecord:DnsRecord", {
    zoneId: "023e105f4ecef8ad9ca31a8372d0c353",
    name: "www",
    type: "A",
    content: "192.0.2.1",
    ttl: 1,
});

type Case = [string, NormalisedResource, Expected];

function table(policy: string, options: Parameters<typeof judgeResource>[1], cases: Case[]): void {
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r, options), policy, expected));
}

describe("multi-cloud data services: the stated cloud's region, in the service's spelling", () => {
    describe("EU data", () =>
        table(RESIDENCY, EU, [
            ["a Snowflake account in AWS_EU_CENTRAL_1 (Frankfurt): pass", snowflakeAccount("AWS_EU_CENTRAL_1"), []],
            ["a Snowflake account in AZURE_WESTEUROPE: pass", snowflakeAccount("AZURE_WESTEUROPE"), []],
            [
                "a Snowflake account in a region group, PUBLIC.GCP_EUROPE_WEST4: pass",
                snowflakeAccount("PUBLIC.GCP_EUROPE_WEST4"),
                [],
            ],
            [
                "a Snowflake account in AWS_US_WEST_2: rejected, naming Oregon's country",
                snowflakeAccount("AWS_US_WEST_2"),
                [["violation", "aws region us-west-2", "United States (US)"]],
            ],
            [
                "a Databricks workspace with awsRegion eu-west-1: pass",
                databricksWorkspace({ awsRegion: "eu-west-1" }),
                [],
            ],
            [
                "a Databricks workspace on Google Cloud in europe-west3: pass",
                databricksWorkspace({ cloud: "gcp", location: "europe-west3" }),
                [],
            ],
            [
                "a Databricks workspace with awsRegion us-east-1: rejected",
                databricksWorkspace({ awsRegion: "us-east-1" }),
                [["violation", "us-east-1", "United States (US)"]],
            ],
            [
                "an Atlas cluster on Google Cloud in WESTERN_EUROPE (europe-west1): pass",
                atlasCluster({ providerName: "GCP", providerRegionName: "WESTERN_EUROPE" }),
                [],
            ],
            [
                "an Atlas cluster on Google Cloud in EUROPE_WEST_3 (europe-west3): pass",
                atlasCluster({ providerName: "GCP", providerRegionName: "EUROPE_WEST_3" }),
                [],
            ],
            [
                "an Atlas cluster on Azure in EUROPE_NORTH (northeurope): pass",
                atlasCluster({ providerName: "AZURE", providerRegionName: "EUROPE_NORTH" }),
                [],
            ],
            [
                "a shared Atlas cluster backed by Azure in GERMANY_WEST_CENTRAL: pass",
                atlasCluster({
                    providerName: "TENANT",
                    backingProviderName: "AZURE",
                    providerRegionName: "GERMANY_WEST_CENTRAL",
                }),
                [],
            ],
            [
                "an Atlas cluster on Azure in US_EAST_2 (eastus2, not AWS's us-east-2): rejected",
                atlasCluster({ providerName: "AZURE", providerRegionName: "US_EAST_2" }),
                [["violation", "azure region eastus2", "United States (US)"]],
            ],
            [
                "an Atlas cluster on Google Cloud in a name Atlas does not use: cannot verify, never a pass",
                atlasCluster({ providerName: "GCP", providerRegionName: "EUROPE_ATLANTIS_9" }),
                [["unverified", "EUROPE_ATLANTIS_9"]],
            ],
        ]));

    describe("the built-in default: mainland China", () =>
        table(REGION, {}, [
            [
                "a Snowflake account in AWS China (AWS_CN_NORTHWEST_1): rejected",
                snowflakeAccount("AWS_CN_NORTHWEST_1"),
                [["violation", "cn-northwest-1", "China (CN)"]],
            ],
            [
                "a Snowflake account in Azure China (AZURE_CHINANORTH3): rejected",
                snowflakeAccount("AZURE_CHINANORTH3"),
                [["violation", "chinanorth3", "China (CN)"]],
            ],
            ["its twin in AZURE_WESTEUROPE: pass", snowflakeAccount("AZURE_WESTEUROPE"), []],
            [
                "a Databricks workspace with awsRegion cn-north-1: rejected",
                databricksWorkspace({ awsRegion: "cn-north-1" }),
                [["violation", "cn-north-1", "China (CN)"]],
            ],
        ]));
});

describe("MongoDB Atlas settings nested in the resource: every region a cluster spans, every backup copy", () => {
    const COPIES = "clean-guard-cross-border-replication";
    const advanced = (...regionConfigs: Props[]) =>
        cloudResource("mongodbatlas", "4_16_0", "mongodbatlas:index/advancedCluster:AdvancedCluster", {
            projectId: "p",
            clusterType: "REPLICASET",
            replicationSpecs: [{ regionConfigs }],
        });
    const region = (providerName: string, regionName: string, priority: number) => ({
        providerName,
        regionName,
        priority,
        electableSpecs: { instanceSize: "M10", nodeCount: 3 },
    });

    it("an advanced cluster across Google's europe-west1 and Azure's northeurope holding EU data: pass", async () => {
        const cluster = advanced(region("GCP", "WESTERN_EUROPE", 7), region("AZURE", "EUROPE_NORTH", 6));
        const findings = await judgeResource(cluster, EU);
        assertFindings(findings, RESIDENCY, []);
        assertFindings(findings, COPIES, []);
    });

    it("the same cluster with a replica in AWS us-east-1: the copy is rejected, naming the region", async () => {
        const cluster = advanced(region("GCP", "WESTERN_EUROPE", 7), region("AWS", "US_EAST_1", 6));
        assertFindings(await judgeResource(cluster, EU), COPIES, [["violation", "us-east-1", "United States (US)"]]);
    });

    it("an advanced cluster whose first region is in AWS China: rejected by the default rules", async () => {
        const cluster = advanced(region("AWS", "CN_NORTH_1", 7));
        assertFindings(await judgeResource(cluster), REGION, [["violation", "cn-north-1", "China (CN)"]]);
    });

    it("a backup schedule copying snapshots to AWS us-east-1: the backup copy is rejected", async () => {
        const schedule = cloudResource(
            "mongodbatlas",
            "4_16_0",
            "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule",
            {
                projectId: "p",
                clusterName: "orders",
                copySettings: [{ cloudProvider: "AWS", regionName: "US_EAST_1", frequencies: ["DAILY"] }],
            },
        );
        assertFindings(await judgeResource(schedule, EU), COPIES, [["violation", "us-east-1", "United States (US)"]]);
    });
});

/** A Confluent Cloud cluster made through Azure's Confluent organization: it runs where its spec says. */
const confluentCluster = (cloud: string, region: string) =>
    cloudResource("azure-native", "3_28_0", "azure-native:confluent:OrganizationClusterById", {
        resourceGroupName: "rg",
        organizationName: "confluent-org",
        environmentId: "env-1",
        spec: { cloud, region, package: "ESSENTIALS" },
    });

describe("Confluent Cloud clusters ordered through Azure: the cloud and region their spec names", () => {
    describe("the default rules", () =>
        table(REGION, {}, [
            [
                "a cluster on AWS in Beijing: rejected",
                confluentCluster("AWS", "cn-north-1"),
                [["violation", "aws region cn-north-1", "spec.region"]],
            ],
            ["a cluster on Azure in West Europe: pass", confluentCluster("AZURE", "westeurope"), []],
        ]));
    describe("EU data", () =>
        table(RESIDENCY, EU, [
            [
                "a cluster on Google Cloud in Iowa: outside the EU",
                confluentCluster("GCP", "us-central1"),
                [["violation", "gcp region us-central1", "United States (US)"]],
            ],
            ["a cluster on AWS in Frankfurt: pass", confluentCluster("AWS", "eu-central-1"), []],
        ]));
});

describe("Cloudflare R2: only a jurisdiction binds", () => {
    describe("EU data", () =>
        table(RESIDENCY, EU, [
            ["a bucket in the eu jurisdiction: pass", r2Bucket({ jurisdiction: "eu" }), []],
            [
                "with a hint as well, the jurisdiction decides: pass",
                r2Bucket({ jurisdiction: "eu", location: "apac" }),
                [],
            ],
            [
                "a bucket in the fedramp jurisdiction: rejected wherever in it the data is",
                r2Bucket({ jurisdiction: "fedramp" }),
                [["violation", "cloudflare multi-region fedramp", "United States (US)"]],
            ],
            [
                "a bucket with only the hint weur: cannot verify, naming the set and that the hint is no guarantee",
                r2Bucket({ location: "weur" }),
                [
                    [
                        "unverified",
                        "location hint 'weur' is best effort, not a guarantee",
                        "any R2 location",
                        "it may be in cloudflare",
                    ],
                ],
            ],
            [
                "a bucket with neither (automatic): cannot verify, any R2 location",
                r2Bucket({}),
                [["unverified", "no jurisdiction: any R2 location"]],
            ],
            [
                "a D1 database in the eu jurisdiction: pass",
                cloudResource("cloudflare", "6_22_1", "cloudflare:index/d1Database:D1Database", {
                    accountId: "a",
                    name: "orders",
                    jurisdiction: "eu",
                }),
                [],
            ],
        ]));

    describe("the built-in default", () =>
        table(REGION, {}, [
            // No R2 location is in mainland China: a bucket wherever Cloudflare puts it breaks no default rule.
            ["a bucket with only a hint: pass", r2Bucket({ location: "apac" }), []],
            ["a bucket with neither: pass", r2Bucket({}), []],
            ["a DNS record (served from the global edge, no data store): no location, no finding", dnsRecord, []],
        ]));

    it("a DNS record in a classified stack is not blocked for a zone id read as a place", async () => {
        assertFindings(await judgeResource(dnsRecord, EU), RESIDENCY, []);
    });
});
