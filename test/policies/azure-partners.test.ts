// The last Azure place inputs the audit had left unread (issue 14), judged through every policy as a user meets
// them: a Container Apps build's destination registry, a Data Transfer flow's connection, a Managed Instance link's
// partner SQL Server, a server communication link's partner server, and the hosts a flow streams to and a Container
// Apps environment exports telemetry to. A trap in mainland China or on an untrusted vendor's host is rejected; the
// everyday shape passes the default profile.

import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import { azureNative, cloudResource, resourceGroup, secret, unknown } from "../support/builders";
import { assertFindings, judgeStack, type Expected, type JudgeOptions } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const RESIDENCY = "clean-guard-data-residency";
const REGION = "clean-guard-disallowed-region";
const HOST = "clean-guard-untrusted-host";

const EU = { stackTags: { "data-residency": "eu" } };
const group = () => resourceGroup({ resourceGroupName: "rg", location: "westeurope" }, { name: "rg" });

const registry = (location: string) =>
    azureNative(
        "containerregistry:Registry",
        { resourceGroupName: "rg", registryName: "builds", location, sku: { name: "Basic" } },
        { name: "builds" },
    );

/** A Container Apps build that pushes the image it builds to the registry at `server`. */
const build = (server: Value, propertyDependencies?: Record<string, string[]>) =>
    azureNative(
        "app:Build",
        {
            resourceGroupName: "rg",
            builderName: "builder",
            buildName: "web",
            destinationContainerRegistry: { server, image: "web:1.0" },
            configuration: { baseOs: "DebianBullseye", platform: "dotnetcore", platformVersion: "7.0" },
        },
        { name: "web-build", ...(propertyDependencies ? { propertyDependencies } : {}) },
    );

/** A Data Transfer flow whose data crosses the connection in `connectionLocation`. */
const flow = (connectionLocation: string, destinationEndpoints: string[] = []) =>
    azureNative(
        "azuredatatransfer:Flow",
        {
            resourceGroupName: "rg",
            connectionName: "send",
            flowName: "orders",
            location: "westeurope",
            properties: {
                flowType: "Video",
                connection: {
                    id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureDataTransfer/connections/send",
                    location: connectionLocation,
                },
                ...(destinationEndpoints.length > 0 ? { destinationEndpoints, destinationEndpointPorts: [5000] } : {}),
            },
        },
        { name: "orders-flow" },
    );

/** A Managed Instance link to the SQL Server at `partnerEndpoint`. */
const instanceLink = (partnerEndpoint: Value) =>
    azureNative(
        "sql:DistributedAvailabilityGroup",
        {
            resourceGroupName: "rg",
            managedInstanceName: "mi",
            distributedAvailabilityGroupName: "orders-link",
            partnerAvailabilityGroupName: "AG_Orders",
            instanceAvailabilityGroupName: "AG_Orders_MI",
            partnerEndpoint,
            databases: [{ databaseName: "orders" }],
        },
        { name: "orders-link" },
    );

const server = (location: string) =>
    azureNative("sql:Server", { resourceGroupName: "rg", serverName: "orders-dr", location }, { name: "orders-dr" });

/** A server communication link from server `orders` to the partner server named `partnerServer`. */
const communicationLink = (partnerServer: string) =>
    azureNative(
        "sql:ServerCommunicationLink",
        { resourceGroupName: "rg", serverName: "orders", communicationLinkName: "link1", partnerServer },
        { name: "link1" },
    );

/** A Container Apps environment exporting OpenTelemetry to Datadog and an OTLP endpoint. */
const environment = (otlpEndpoint: string) =>
    azureNative(
        "app:ManagedEnvironment",
        {
            resourceGroupName: "rg",
            environmentName: "apps",
            location: "westeurope",
            openTelemetryConfiguration: {
                destinationsConfiguration: {
                    dataDogConfiguration: { site: "datadoghq.eu", key: secret("dd-key") },
                    otlpConfigurations: [{ name: "collector", endpoint: otlpEndpoint, insecure: false }],
                },
                tracesConfiguration: { destinations: ["collector"] },
            },
        },
        { name: "apps" },
    );

type Case = [string, () => NormalisedResource[], string, Expected, JudgeOptions?];

const itJudges = (cases: Case[]) => {
    for (const [what, stack, policy, expected, options] of cases)
        it(what, async () => assertFindings((await judgeStack(stack(), options)).all, policy, expected));
};

describe("a Container Apps build's destination registry, named by its login server", () => {
    itJudges([
        [
            "EU data pushed to the stack's registry in West Europe",
            () => [group(), registry("westeurope"), build("builds.azurecr.io")],
            COPIES,
            [],
            EU,
        ],
        [
            "pushed to the stack's registry in China North 3: rejected through the registry",
            () => [group(), registry("chinanorth3"), build("builds.azurecr.io")],
            COPIES,
            [["violation", "chinanorth3", "China (CN)", "-> Registry 'builds'"]],
        ],
        [
            "the everyday shape, the registry's login server during preview: rejected through the registry in China",
            () => {
                const target = registry("chinanorth3");
                return [group(), target, build(unknown(), { destinationContainerRegistry: [target.urn] })];
            },
            COPIES,
            [["violation", "chinanorth3", "-> Registry 'builds'"]],
        ],
        [
            "the same shape with the registry in West Europe, EU data: passes",
            () => {
                const target = registry("westeurope");
                return [group(), target, build(unknown(), { destinationContainerRegistry: [target.urn] })];
            },
            COPIES,
            [],
            EU,
        ],
        [
            "pushed to a registry of Azure China outside the stack: rejected by the host's suffix",
            () => [group(), build("shared.azurecr.cn")],
            COPIES,
            [["violation", "partition azure-china", "azurecr.cn"]],
        ],
        [
            "default: pushed to an organisation's registry of public Azure outside the stack passes",
            () => [group(), build("shared.azurecr.io")],
            COPIES,
            [],
        ],
        [
            "pushed to an Alibaba Cloud registry: the untrusted host is rejected",
            () => [group(), build("registry.cn-hangzhou.aliyuncs.com")],
            HOST,
            [["violation", "registry.cn-hangzhou.aliyuncs.com", "Alibaba", "destinationContainerRegistry.server"]],
        ],
    ]);
});

describe("a Data Transfer flow: the connection its data crosses, the hosts it streams to", () => {
    itJudges([
        ["a flow through a connection in North Europe", () => [flow("northeurope")], REGION, []],
        [
            "a flow through a connection in China North 3: a disallowed processing place",
            () => [flow("chinanorth3")],
            REGION,
            [["violation", "processing", "chinanorth3", "properties.connection.location"]],
        ],
        [
            "EU data through a connection in East US: outside the EU",
            () => [flow("eastus")],
            RESIDENCY,
            [["violation", "processing", "eastus", "outside it"]],
            EU,
        ],
        [
            "a stream to a receiver on an Alibaba Cloud host: the untrusted host is rejected",
            () => [flow("westeurope", ["10.1.0.4", "ingest.oss-cn-hangzhou.aliyuncs.com"])],
            HOST,
            [["violation", "ingest.oss-cn-hangzhou.aliyuncs.com", "properties.destinationEndpoints[1]"]],
        ],
        [
            "a stream to receivers on private addresses: nothing to say",
            () => [flow("westeurope", ["10.1.0.4", "10.1.0.5"])],
            HOST,
            [],
        ],
    ]);
});

describe("a Managed Instance link's partner SQL Server, which its endpoint does not place", () => {
    itJudges([
        [
            "unclassified data: a warning, never a block",
            () => [group(), instanceLink("TCP://sql01.corp.example.com:5022")],
            COPIES,
            [["advisory", "partner SQL Server", "sql01.corp.example.com", "anywhere", "a warning, not a block"]],
        ],
        [
            "EU data: cannot be verified, at the policy's level, with how to settle it",
            () => [group(), instanceLink("TCP://sql01.corp.example.com:5022")],
            COPIES,
            [["unverified", "partner SQL Server", "anywhere", "record a time-boxed exemption for the link"]],
            EU,
        ],
        [
            "a secret endpoint is judged the same and never printed",
            () => [group(), instanceLink(secret("TCP://sql01.corp.example.com:5022"))],
            COPIES,
            [["unverified", "partner SQL Server (input 'partnerEndpoint')", "anywhere"]],
            EU,
        ],
        [
            "an endpoint on a Huawei Cloud host: the untrusted host is rejected",
            () => [group(), instanceLink("TCP://sql.ap-southeast-1.myhuaweicloud.com:5022")],
            HOST,
            [["violation", "myhuaweicloud.com", "partnerEndpoint"]],
        ],
        [
            "azure-native v2's older API names the endpoint sourceEndpoint: EU data cannot be verified either",
            () => [
                group(),
                cloudResource(
                    "azure-native",
                    "2_92_3",
                    "azure-native:sql/v20211101:DistributedAvailabilityGroup",
                    {
                        resourceGroupName: "rg",
                        managedInstanceName: "mi",
                        primaryAvailabilityGroupName: "AG_Orders",
                        secondaryAvailabilityGroupName: "AG_Orders_MI",
                        sourceEndpoint: "TCP://SERVER01:5022",
                        targetDatabase: "orders",
                    },
                    { name: "orders-link-v2" },
                ),
            ],
            COPIES,
            [["unverified", "input 'sourceEndpoint'", "SERVER01"]],
            EU,
        ],
    ]);
});

describe("a server communication link's partner server", () => {
    itJudges([
        [
            "EU data linked to the stack's server in North Europe",
            () => [group(), server("northeurope"), communicationLink("orders-dr")],
            COPIES,
            [],
            EU,
        ],
        [
            "linked to the stack's server in China East 2: rejected through the server",
            () => [group(), server("chinaeast2"), communicationLink("orders-dr")],
            COPIES,
            [["violation", "chinaeast2", "China (CN)", "-> Server 'orders-dr'"]],
        ],
        [
            "default: linked to a server outside the stack, in public Azure's partition, passes",
            () => [group(), communicationLink("orders-elsewhere")],
            COPIES,
            [],
        ],
    ]);
});

describe("a Container Apps environment's OpenTelemetry destinations", () => {
    itJudges([
        [
            "traces to Datadog's EU site and a collector of the organisation: nothing to say",
            () => [group(), environment("https://otel.example.eu:4317")],
            HOST,
            [],
        ],
        [
            "traces to a collector on Tencent Cloud: the untrusted host is rejected",
            () => [group(), environment("https://otel.ap-guangzhou.tencentcloudapi.com:4317")],
            HOST,
            [["violation", "tencentcloudapi.com", "otlpConfigurations[0].endpoint"]],
        ],
    ]);
});
