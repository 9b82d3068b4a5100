// Where an AppFlow flow, a MediaLive channel, a Bedrock guardrail, a BeyondCorp security gateway and a Media CDN
// shield send their data: a bucket of the stack lends its place; a third party's application or a streaming server on
// the internet is anywhere, so classified data sent there is rejected and unclassified data is not; a guardrail
// profile's geography, a gateway's hubs and a shield's region are judged like any region.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { awsResource, explicitProvider, gcpResource, s3Bucket, unknown } from "../support/builders";
import { assertFindings, judgeStack, type Expected } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const RESIDENCY = "clean-guard-data-residency";
const EU = { stackTags: { "data-residency": "eu" } };

const inIreland = { providerRegion: "eu-west-1" };

/** A flow from an S3 source to the destinations given, in Ireland. */
const flow = (destinations: Props[]) =>
    awsResource(
        "aws:appflow/flow:Flow",
        {
            name: "orders-sync",
            sourceFlowConfig: {
                connectorType: "S3",
                sourceConnectorProperties: { s3: { bucketName: "orders-export", bucketPrefix: "daily" } },
            },
            destinationFlowConfigs: destinations,
            tasks: [{ taskType: "Map_all", sourceFields: [], connectorOperators: [{ s3: "NO_OP" }] }],
            triggerConfig: { triggerType: "OnDemand" },
        },
        inIreland,
    );

const toBucket = (bucketName: string) => ({
    connectorType: "S3",
    destinationConnectorProperties: { s3: { bucketName, s3OutputFormatConfig: { fileType: "JSON" } } },
});

const toSalesforce = {
    connectorType: "Salesforce",
    connectorProfileName: "crm",
    destinationConnectorProperties: { salesforce: { object: "Contact", writeOperationType: "UPSERT" } },
};

/** Records Salesforce refuses are kept in a bucket. */
const toSalesforceKeepingErrorsIn = (bucketName: string) => ({
    ...toSalesforce,
    destinationConnectorProperties: {
        salesforce: { ...toSalesforce.destinationConnectorProperties.salesforce, errorHandlingConfig: { bucketName } },
    },
});

const toSnowflake = {
    connectorType: "Snowflake",
    connectorProfileName: "warehouse",
    destinationConnectorProperties: { snowflake: { object: "ORDERS", intermediateBucketName: "orders-staging" } },
};

/** The profile holding the flow's Salesforce connection: an AppFlow resource of the flow's own region. */
const salesforceProfile = () =>
    awsResource(
        "aws:appflow/connectorProfile:ConnectorProfile",
        {
            name: "crm",
            connectorType: "Salesforce",
            connectionMode: "Public",
            connectorProfileConfig: {
                connectorProfileCredentials: { salesforce: { accessToken: "x" } },
                connectorProfileProperties: { salesforce: { instanceUrl: "https://example.my.salesforce.com" } },
            },
        },
        inIreland,
    );

const bucketIn = (bucket: string, region: string) =>
    s3Bucket({ bucket }, { provider: explicitProvider("aws", `aws-${region}`, { region }), name: bucket });

const snowflakeProfile = (region: string) =>
    awsResource(
        "aws:appflow/connectorProfile:ConnectorProfile",
        {
            name: "warehouse",
            connectorType: "Snowflake",
            connectionMode: "Public",
            connectorProfileConfig: {
                connectorProfileCredentials: { snowflake: { username: "appflow", password: "x" } },
                connectorProfileProperties: {
                    snowflake: { bucketName: "orders-staging", stage: "DB.PUBLIC.STAGE", warehouse: "WH", region },
                },
            },
        },
        inIreland,
    );

/** A channel in Ireland sending its output to the URLs given. */
const channel = (urls: string[]) =>
    awsResource(
        "aws:medialive/channel:Channel",
        {
            name: "live",
            channelClass: "SINGLE_PIPELINE",
            inputAttachments: [{ inputAttachmentName: "in", inputId: "1234567" }],
            destinations: [{ id: "out", settings: urls.map((url) => ({ url })) }],
            encoderSettings: { outputGroups: [], timecodeConfig: { source: "EMBEDDED" } },
        },
        inIreland,
    );

const guardrail = (guardrailProfileIdentifier: string) =>
    awsResource(
        "aws:bedrock/guardrail:Guardrail",
        {
            name: "support-chat",
            blockedInputMessaging: "Sorry.",
            blockedOutputsMessaging: "Sorry.",
            crossRegionConfig: { guardrailProfileIdentifier },
            contentPolicyConfig: { filtersConfigs: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] },
        },
        inIreland,
    );

/** A security gateway as its SDK example writes it: `location` left to its default `global`. */
const gateway = (hubRegions: string[]) =>
    gcpResource("gcp:beyondcorp/securityGateway:SecurityGateway", {
        securityGatewayId: "staff",
        location: "global",
        displayName: "Staff access",
        ...(hubRegions.length > 0 ? { hubs: hubRegions.map((region) => ({ region })) } : {}),
    });

const shieldedOrigin = (flexShieldingRegions: string) =>
    gcpResource("gcp:networkservices/edgeCacheOrigin:EdgeCacheOrigin", {
        name: "videos",
        originAddress: "gs://videos-eu",
        flexShielding: { flexShieldingRegions },
    });

type Case = [string, NormalisedResource[], string, Expected, Parameters<typeof judgeStack>[1]?];

describe("destinations outside the stack's clouds, and the places gateways, guardrails and shields process data in", () => {
    const cases: Case[] = [
        [
            "a flow writing to a bucket of the stack in Frankfurt",
            [flow([toBucket("sync-eu")]), bucketIn("sync-eu", "eu-central-1")],
            COPIES,
            [],
            EU,
        ],
        [
            "a flow writing to a bucket of the stack in Beijing: rejected",
            [flow([toBucket("sync-cn")]), bucketIn("sync-cn", "cn-north-1")],
            COPIES,
            [["violation", "replica", "cn-north-1", "China (CN)"]],
        ],
        [
            "a flow writing unclassified records to Salesforce, the default profile",
            [flow([toSalesforce]), salesforceProfile()],
            COPIES,
            [],
        ],
        [
            "a flow writing EU records to Salesforce: no country can be told, so not pinned to the EU",
            [flow([toSalesforce]), salesforceProfile()],
            COPIES,
            [["violation", "external location salesforce", "salesforce.object", "not pinned to any country"]],
            EU,
        ],
        [
            "a flow keeping the records Salesforce refuses in a bucket of the stack in Beijing: rejected",
            [
                flow([toSalesforceKeepingErrorsIn("refused-cn")]),
                salesforceProfile(),
                bucketIn("refused-cn", "cn-north-1"),
            ],
            COPIES,
            [["violation", "replica", "cn-north-1", "errorHandlingConfig.bucketName", "China (CN)"]],
        ],
        [
            "a flow staging for a Snowflake account in Frankfurt",
            [flow([toSnowflake]), snowflakeProfile("eu-central-1"), bucketIn("orders-staging", "eu-central-1")],
            COPIES,
            [],
            EU,
        ],
        [
            "a Snowflake account in Beijing: rejected",
            [snowflakeProfile("cn-north-1")],
            COPIES,
            [["violation", "replica", "cn-north-1", "snowflake.region", "China (CN)"]],
        ],
        [
            "EU records written to a Snowflake account in Oregon: outside the EU",
            [flow([toSnowflake]), snowflakeProfile("us-west-2"), bucketIn("orders-staging", "eu-central-1")],
            COPIES,
            [["violation", "replica", "us-west-2", "outside it"]],
            EU,
        ],
        [
            "a channel streaming unclassified video to an RTMP server, the default profile",
            [channel(["rtmp://live.example.com/app"])],
            COPIES,
            [],
        ],
        [
            "a channel streaming EU video to an RTMP server: anywhere",
            [channel(["rtmp://live.example.com/app"])],
            COPIES,
            [["violation", "external location live.example.com", "not pinned to any country"]],
            EU,
        ],
        [
            "a channel sending EU video to a MediaPackage ingest endpoint in Ireland: the region its host names",
            [channel(["https://abc123.mediapackage.eu-west-1.amazonaws.com/in/v2/abc/def/channel"])],
            COPIES,
            [],
            EU,
        ],
        [
            "a channel sending video to a MediaStore container in Beijing: rejected",
            [channel(["mediastoressl://abc.data.mediastore.cn-north-1.amazonaws.com.cn/live"])],
            COPIES,
            [["violation", "replica", "cn-north-1", "China (CN)"]],
        ],
        [
            "a channel archiving to a bucket of the stack in Beijing (s3ssl://): rejected",
            [channel(["s3ssl://archive-cn/live/"]), bucketIn("archive-cn", "cn-north-1")],
            COPIES,
            [["violation", "replica", "cn-north-1", "China (CN)"]],
        ],
        [
            "a channel archiving EU video to a bucket of the stack in Ireland",
            [channel(["s3ssl://archive-eu/live/"]), bucketIn("archive-eu", "eu-west-1")],
            COPIES,
            [],
            EU,
        ],
        ["a guardrail of EU chats evaluated in the EU geography", [guardrail("eu.guardrail.v1:0")], RESIDENCY, [], EU],
        [
            "a guardrail of EU chats evaluated in the US geography: outside the EU",
            [guardrail("arn:aws:bedrock:eu-west-1:123456789012:guardrail-profile/us.guardrail.v1:0")],
            RESIDENCY,
            [
                [
                    "violation",
                    "processing",
                    "us.guardrail.v1:0",
                    "crossRegionConfig.guardrailProfileIdentifier",
                    "Wherever it is",
                ],
            ],
            EU,
        ],
        [
            "a guardrail of EU chats with a profile of a geography clean-guard does not know: cannot verify",
            [guardrail("xx.guardrail.v1:0")],
            RESIDENCY,
            [["unverified", "xx.guardrail.v1:0", "not one clean-guard knows"]],
            EU,
        ],
        [
            "a guardrail of unclassified chats in the US geography, the default profile",
            [guardrail("us.guardrail.v1:0")],
            RESIDENCY,
            [],
        ],
        [
            "a gateway for EU staff with its hub in Belgium: its global control plane is no place of the data",
            [gateway(["europe-west1"])],
            RESIDENCY,
            [],
            EU,
        ],
        ["a gateway for EU staff with no hub yet: configuration only", [gateway([])], RESIDENCY, [], EU],
        [
            "a gateway for EU staff with a hub in Hong Kong: outside the EU",
            [gateway(["europe-west1", "asia-east2"])],
            RESIDENCY,
            [["violation", "processing", "asia-east2", "hubs[1].region", "outside it"]],
            EU,
        ],
        [
            "a gateway for EU staff whose hubs are known only at deployment: advisory until then",
            [
                gcpResource("gcp:beyondcorp/securityGateway:SecurityGateway", {
                    securityGatewayId: "staff",
                    hubs: unknown("array"),
                }),
            ],
            COPIES,
            [["advisory", "input 'hubs'", "not known during preview"]],
            EU,
        ],
        [
            "an unclassified gateway with a hub in Hong Kong, the default profile",
            [gateway(["asia-east2"])],
            RESIDENCY,
            [],
        ],
        ["EU videos shielded in Frankfurt", [shieldedOrigin("EUROPE_WEST3")], COPIES, [], EU],
        [
            "EU videos shielded in Doha: outside the EU",
            [shieldedOrigin("ME_CENTRAL1")],
            COPIES,
            [["violation", "replica", "me-central1", "Qatar (QA)", "outside it"]],
            EU,
        ],
        [
            "unclassified videos shielded in Johannesburg, the default profile",
            [shieldedOrigin("AFRICA_SOUTH1")],
            COPIES,
            [],
        ],
    ];
    for (const [what, stack, policy, expected, options] of cases)
        it(what, async () => assertFindings((await judgeStack(stack, options)).all, policy, expected));
});
