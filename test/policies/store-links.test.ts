// Links to other stores (a Lambda's failure destination, a flow log's bucket, a log sink, an Event Grid dead letter,
// a packet capture's account), read by the place-input table and followed by the stack pass. A store of the stack
// lends its place and takes the data's classification; a store outside it is where the value says (an ARN's region)
// or any region of its partition, judged as possible places.

import type { Finding } from "../../src/model/finding";
import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import {
    awsResource,
    azureNative,
    explicitProvider,
    gcpResource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";
import { assertFindings, judgeStack, type Expected } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const EU = { stackTags: { "data-residency": "eu" } };

/** The everyday Lambda shape: failed asynchronous invocations go to a queue (a dead-letter destination). */
const onFailure = (destination: Value, propertyDependencies?: Record<string, string[]>) =>
    awsResource(
        "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
        { functionName: "orders", destinationConfig: { onFailure: { destination } } },
        {
            providerRegion: "eu-west-1",
            name: "orders-failures",
            ...(propertyDependencies ? { propertyDependencies } : {}),
        },
    );

const flowLog = (logDestination: Value, propertyDependencies?: Record<string, string[]>) =>
    awsResource(
        "aws:ec2/flowLog:FlowLog",
        { vpcId: "vpc-1", trafficType: "ALL", logDestinationType: "s3", logDestination },
        { providerRegion: "eu-west-1", name: "vpc-flows", ...(propertyDependencies ? { propertyDependencies } : {}) },
    );

const chinaBucket = () =>
    s3Bucket(
        { bucket: "flows-cn" },
        { provider: explicitProvider("aws", "beijing", { region: "cn-north-1" }), name: "flows-cn" },
    );

type Case = [string, () => NormalisedResource[], string, Parameters<typeof judgeStack>[1], Expected];

const itJudges = (cases: Case[]) => {
    for (const [what, stack, policy, options, expected] of cases)
        it(what, async () => assertFindings((await judgeStack(stack(), options)).all, policy, expected));
};

describe("a destination named by ARN, URL or name (the place-input table's links)", () => {
    const cases: Case[] = [
        // The default profile: no false rejection of everyday destinations in the same partition.
        [
            "default: a Lambda failure queue in another region of the aws partition passes",
            () => [onFailure("arn:aws:sqs:us-east-1:123456789012:orders-dlq")],
            COPIES,
            {},
            [],
        ],
        [
            "default: a flow log to an organisation's bucket outside the stack passes",
            () => [flowLog("arn:aws:s3:::org-central-flow-logs/vpc")],
            COPIES,
            {},
            [],
        ],
        [
            "default: a failure queue in cn-north-1 is rejected: the data leaves for China",
            () => [onFailure("arn:aws-cn:sqs:cn-north-1:123456789012:orders-dlq")],
            COPIES,
            {},
            [["violation", "cn-north-1", "China (CN)", "destinationConfig.onFailure.destination"]],
        ],
        [
            "default: a flow log to a bucket of the stack in China is rejected, through the bucket it names",
            () => [chinaBucket(), flowLog("arn:aws-cn:s3:::flows-cn")],
            COPIES,
            {},
            [["violation", "cn-north-1", "China (CN)", "logDestination -> Bucket 'flows-cn'"]],
        ],
        [
            "default: the same bucket's ARN unknown during preview is followed through the property's dependency",
            () => {
                const bucket = chinaBucket();
                return [bucket, flowLog(unknown(), { logDestination: [bucket.urn] })];
            },
            COPIES,
            { phase: "preview" },
            [["violation", "cn-north-1", "China (CN)"]],
        ],
        // Classified data: the rule is the jurisdiction, and a destination nobody can place is not a pass.
        [
            "EU data: a failure queue in eu-west-1 passes",
            () => [onFailure("arn:aws:sqs:eu-west-1:123456789012:orders-dlq")],
            COPIES,
            EU,
            [],
        ],
        [
            "EU data: a failure queue in us-east-1 is a violation",
            () => [onFailure("arn:aws:sqs:us-east-1:123456789012:orders-dlq")],
            COPIES,
            EU,
            [["violation", "us-east-1", "United States (US)"]],
        ],
        [
            "EU data: a bucket outside the stack with no region cannot be verified, naming the possible places",
            () => [flowLog("arn:aws:s3:::org-central-flow-logs")],
            COPIES,
            EU,
            [
                [
                    "unverified",
                    "destination 'arn:aws:s3:::org-central-flow-logs' is not in this stack, so any region of partition aws (the partition its ARN names)",
                    "some of them break",
                ],
            ],
        ],
        [
            "EU data: a value unknown during preview with no dependency waits for `up`",
            () => [onFailure(unknown())],
            COPIES,
            { ...EU, phase: "preview" },
            [["advisory", "destinationConfig.onFailure.destination"]],
        ],
    ];
    itJudges(cases);

    it("a secret destination is judged by what it names and never printed", async () => {
        const arn = "arn:aws-cn:sqs:cn-north-1:123456789012:orders-dlq";
        const inChina = await judgeStack([onFailure(secret(arn))]);
        assertFindings(
            inChina.all,
            COPIES,
            [["violation", "[secret]", "partition aws-cn"]],
            ["orders-dlq", "cn-north-1"],
        );
        const bucket = "arn:aws:s3:::org-central-flow-logs";
        const outside = await judgeStack([flowLog(secret(bucket))], EU);
        assertFindings(
            outside.all,
            COPIES,
            [["unverified", "replica aws region [secret]", "possible places"]],
            ["org-central"],
        );
        const cipher = await judgeStack([onFailure(secret())]);
        assertFindings(cipher.all, COPIES, [["unverified", "is a secret whose value is not available"]]);
    });

    it("the classification travels with the link: a queue of the stack that receives EU data answers to the EU rule", async () => {
        const queue = awsResource("aws:sqs/queue:Queue", { name: "orders-dlq" }, { providerRegion: "us-east-1" });
        const config = (tags?: Record<string, string>) => {
            const r = onFailure(unknown(), { destinationConfig: [queue.urn] });
            if (tags) r.props.tags = tags;
            return r;
        };
        const of = (urn: string, findings: Finding[]) => findings.filter((f) => f.resource.urn === urn);
        const plain = await judgeStack([queue, config()], { phase: "preview" });
        assertFindings(plain.all, COPIES, []);
        const eu = config({ "data-residency": "eu" });
        const { all } = await judgeStack([queue, eu], { phase: "preview" });
        assertFindings(of(eu.urn, all), COPIES, [["violation", "replica aws region us-east-1", "-> Queue"]]);
        assertFindings(of(queue.urn, all), COPIES, [
            ["violation", "holds a copy of classified data in aws region us-east-1", "of its source"],
        ]);
    });
});

describe("a copy that names its source (copy-of)", () => {
    const gcp = { providerConfig: { project: "p" } };
    const cluster = (name: string, location: string, props = {}, tags?: Record<string, string>) =>
        gcpResource(
            "gcp:alloydb/cluster:Cluster",
            { clusterId: name, location, ...props, ...(tags ? { labels: tags } : {}) },
            { ...gcp, name },
        );
    const secondary = (primaryClusterName: string) =>
        cluster("orders-dr", "us-east1", { clusterType: "SECONDARY", secondaryConfig: { primaryClusterName } });

    it("a secondary of a primary outside the stack is judged where it is, with nothing to say of the source", async () => {
        const named = "projects/p/locations/europe-west1/clusters/orders";
        assertFindings((await judgeStack([secondary(named)])).all, COPIES, []);
        assertFindings((await judgeStack([secondary(named)])).all, "clean-guard-data-residency", []);
    });

    it("a secondary of an EU-labelled primary of the stack takes its classification: us-east1 is a violation", async () => {
        const primary = cluster("orders", "europe-west1", {}, { "data-residency": "eu" });
        const { all } = await judgeStack([primary, secondary("projects/p/locations/europe-west1/clusters/orders")]);
        assertFindings(
            all.filter((f) => f.resource.name === "orders-dr"),
            COPIES,
            [["violation", "holds a copy of classified data in gcp region us-east1", "of its source"]],
        );
    });
});

describe("the same links in Google Cloud and Azure", () => {
    const sink = (destination: string) =>
        gcpResource(
            "gcp:logging/projectSink:ProjectSink",
            { name: "audit", destination, filter: "severity>=INFO" },
            { providerConfig: { project: "p", region: "europe-west1" } },
        );
    const deadLetter = (resourceId: string, providerInputs?: Record<string, string>) =>
        azureNative(
            "eventgrid:EventSubscription",
            {
                scope: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/orders",
                destination: { endpointType: "WebHook", endpointUrl: "https://hooks.example.eu/orders" },
                deadLetterDestination: { endpointType: "StorageBlob", resourceId, blobContainerName: "dead" },
            },
            {
                name: "orders-events",
                ...(providerInputs ? { provider: explicitProvider("azure-native", "target", providerInputs) } : {}),
            },
        );
    const accountId =
        "/subscriptions/s/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/deadletters";
    const capture = (storagePath: string) =>
        azureNative(
            "network:PacketCapture",
            {
                resourceGroupName: "rg",
                networkWatcherName: "nw",
                target: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
                storageLocation: { storagePath },
            },
            { name: "capture", providerConfig: { location: "westeurope" } },
        );

    const cases: Case[] = [
        [
            "a log sink to a bucket outside the stack: pass by default",
            () => [sink("storage.googleapis.com/central-audit-logs")],
            COPIES,
            {},
            [],
        ],
        [
            "EU data: a log sink to a log bucket in us-central1 (its resource name says so) is a violation",
            () => [sink("logging.googleapis.com/projects/p/locations/us-central1/buckets/audit")],
            COPIES,
            EU,
            [["violation", "us-central1", "United States (US)"]],
        ],
        [
            "EU data: a log sink to a log bucket in europe-west1 passes",
            () => [sink("logging.googleapis.com/projects/p/locations/europe-west1/buckets/audit")],
            COPIES,
            EU,
            [],
        ],
        [
            "an Event Grid dead letter to a storage account outside the stack, public Azure: pass by default",
            () => [deadLetter(accountId)],
            COPIES,
            {},
            [],
        ],
        [
            "the same dead letter under a provider whose environment is china: rejected",
            () => [deadLetter(accountId, { environment: "china" })],
            COPIES,
            {},
            [["violation", "partition azure-china", "China (CN)"]],
        ],
        [
            "a dead letter to an account of the stack in China, named by its resource id: rejected through the account",
            () => [
                azureNative(
                    "storage:StorageAccount",
                    { resourceGroupName: "rg", accountName: "deadletters", location: "chinaeast2" },
                    { name: "deadletters" },
                ),
                deadLetter(accountId),
            ],
            COPIES,
            {},
            [["violation", "chinaeast2", "China (CN)", "-> StorageAccount 'deadletters'"]],
        ],
        [
            "packets captured to a blob URL of Azure China: rejected by the host's cloud",
            () => [capture("https://captures.blob.core.chinacloudapi.cn/pcaps/vm.cap")],
            COPIES,
            {},
            [["violation", "partition azure-china", "core.chinacloudapi.cn"]],
        ],
        [
            "packets captured to a blob URL of public Azure: pass by default",
            () => [capture("https://captures.blob.core.windows.net/pcaps/vm.cap")],
            COPIES,
            {},
            [],
        ],
    ];
    itJudges(cases);
});
