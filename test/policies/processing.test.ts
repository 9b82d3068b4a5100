// Where prompts are processed: a Bedrock inference profile, an Azure OpenAI deployment type or a Vertex AI endpoint
// sends EU data to the regions it names, whatever the region of the resource that calls it. Each trap sits beside
// a look-alike that must pass.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props, Value } from "../../src/model/values";
import { awsResource, azureClassic, azureNative, gcpResource, secret } from "../support/builders";
import { assertFindings, judgeResource, judgeStack, type Expected } from "./judge";

const POLICY = "clean-guard-data-residency";
const EU = { "data-residency": "eu" };
const frankfurt = { providerRegion: "eu-central-1" };

const EU_PROFILE = "eu.anthropic.claude-sonnet-4-20250514-v1:0";
const GLOBAL_PROFILE = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
const US_PROFILE = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
const arnOf = (id: string) => `arn:aws:bedrock:eu-central-1:123456789012:inference-profile/${id}`;

const agent = (foundationModel: Value) =>
    awsResource(
        "aws:bedrock/agentAgent:AgentAgent",
        { agentName: "claims", foundationModel, agentResourceRoleArn: "arn:aws:iam::123456789012:role/a", tags: EU },
        frankfurt,
    );

const lambdaWithEnv = (variables: Props) =>
    awsResource(
        "aws:lambda/function:Function",
        { runtime: "nodejs20.x", handler: "index.handler", environment: { variables }, tags: EU },
        frankfurt,
    );

const US_BREAK = "Data classified eu (27 countries) by tag 'data-residency' must stay in that jurisdiction";

describe("where prompts are processed: Amazon Bedrock", () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        ["an EU agent on an eu. profile: every destination is in the EU", agent(EU_PROFILE), []],
        [
            "the same agent on a us. profile: every destination is in the US",
            agent(US_PROFILE),
            [["violation", `aws processing location ${US_PROFILE}`, "US geography", "Wherever it is", US_BREAK]],
        ],
        [
            "on a global. profile: any commercial region, some outside the EU",
            agent(GLOBAL_PROFILE),
            [["unverified", `aws processing location ${GLOBAL_PROFILE}`, "any commercial AWS Region", "it may be in"]],
        ],
        ["an eu. profile by ARN", agent(arnOf(EU_PROFILE)), []],
        [
            "a us. profile of a provisioned context variant (`:0:28k`), and of a model versioned without a v",
            lambdaWithEnv({
                CLAUDE: "us.anthropic.claude-3-sonnet-20240229-v1:0:28k",
                GPT: "us.openai.gpt-oss-120b-1:0",
            }),
            [
                ["violation", "us.anthropic.claude-3-sonnet-20240229-v1:0:28k"],
                ["violation", "us.openai.gpt-oss-120b-1:0"],
            ],
        ],
        [
            "a us. profile by ARN, the ARN's own region in Frankfurt",
            agent(arnOf(US_PROFILE)),
            [["violation", US_PROFILE, "US geography"]],
        ],
        [
            "a prefix no catalog lists, by ARN: cannot verify, never a pass",
            agent(arnOf("xx.anthropic.claude-3-haiku-20240307-v1:0")),
            [["unverified", "the inference profile prefix of 'xx.anthropic", "is not one clean-guard knows"]],
        ],
        [
            "a foundation model in Virginia by ARN",
            agent("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
            [["violation", "aws processing location us-east-1 (United States (US))", "input 'foundationModel'"]],
        ],
        ["a plain model id: processed where the agent runs", agent("anthropic.claude-3-haiku-20240307-v1:0"), []],
        [
            "a Lambda whose environment names a global. profile",
            lambdaWithEnv({ MODEL_ID: GLOBAL_PROFILE }),
            [["unverified", GLOBAL_PROFILE, "environment.variables.MODEL_ID"]],
        ],
        [
            "decoys: hosts, hosts and ports, a version-less id and a word that start like a prefix",
            lambdaWithEnv({
                HOST: "eu.example.org",
                NTP: "ca.pool.ntp.org:123",
                CACHE: "eu.cache.example.com:6379",
                API: "global.api.example-v2:8443",
                BROKER: "us.kafka.orders-1:9092",
                NOTE: "eu.anthropic.claude",
                REGION_HINT: "us.east",
            }),
            [],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

    it("a secret us. profile in the environment: judged, never printed", async () =>
        assertFindings(
            await judgeResource(lambdaWithEnv({ MODEL_ID: secret(US_PROFILE) })),
            POLICY,
            [["violation", "aws processing location [secret]", "environment.variables.MODEL_ID"]],
            ["us.anthropic", "claude-3-7"],
        ));

    it("an application inference profile copied from a global. profile, and a knowledge base embedding in Virginia", async () => {
        const profile = awsResource(
            "aws:bedrock/inferenceProfile:InferenceProfile",
            { name: "claims", modelSource: { copyFrom: arnOf(GLOBAL_PROFILE) }, tags: EU },
            frankfurt,
        );
        assertFindings(await judgeResource(profile), POLICY, [["unverified", GLOBAL_PROFILE, "modelSource.copyFrom"]]);
        const kb = awsResource(
            "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
            {
                name: "claims",
                knowledgeBaseConfiguration: {
                    type: "VECTOR",
                    vectorKnowledgeBaseConfiguration: {
                        embeddingModelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0",
                    },
                },
                tags: EU,
            },
            frankfurt,
        );
        assertFindings(await judgeResource(kb), POLICY, [
            ["violation", "us-east-1", "vectorKnowledgeBaseConfiguration.embeddingModelArn"],
        ]);
    });

    it("an ECS task whose container definitions (JSON text) name a us. profile", async () => {
        const task = awsResource(
            "aws:ecs/taskDefinition:TaskDefinition",
            {
                family: "claims",
                containerDefinitions: JSON.stringify([
                    { name: "app", image: "public.ecr.aws/app:1", environment: [{ name: "MODEL", value: US_PROFILE }] },
                ]),
                tags: EU,
            },
            frankfurt,
        );
        assertFindings(await judgeResource(task), POLICY, [["violation", US_PROFILE]]);
    });

    it("an IAM policy of an EU stack allowing InvokeModel on global and US models: a permission, not processing", async () => {
        const policy = awsResource(
            "aws:iam/rolePolicy:RolePolicy",
            {
                role: "claims-agent-role",
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: "bedrock:InvokeModel",
                            Resource: [
                                arnOf(GLOBAL_PROFILE),
                                arnOf("xx.anthropic.claude-3-haiku-20240307-v1:0"),
                                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
                            ],
                        },
                    ],
                }),
            },
            frankfurt,
        );
        const findings = await judgeResource(policy, { stackTags: EU });
        assertFindings(findings, POLICY, []);
        assertFindings(findings, "clean-guard-unverified", []);
    });

    it("unclassified data: a profile routing anywhere is no finding, an unknown prefix only a warning", async () => {
        const untagged = (model: string) =>
            awsResource("aws:bedrock/agentAgent:AgentAgent", { agentName: "a", foundationModel: model }, frankfurt);
        assertFindings(await judgeResource(untagged(GLOBAL_PROFILE)), POLICY, []);
        assertFindings(await judgeResource(untagged(arnOf("xx.meta.llama3-v1:0"))), POLICY, [
            ["advisory", "is not one clean-guard knows", "a warning, not a block"],
        ]);
    });
});

const ACCOUNT = "claims-ai";
const account = (location: string) =>
    azureNative(
        "cognitiveservices:Account",
        { accountName: ACCOUNT, location, resourceGroupName: "rg-ai", kind: "OpenAI", sku: { name: "S0" }, tags: EU },
        { name: ACCOUNT },
    );
const deployment = (sku: Value) =>
    azureNative(
        "cognitiveservices:Deployment",
        { accountName: ACCOUNT, resourceGroupName: "rg-ai", deploymentName: "gpt", sku: { name: sku, capacity: 10 } },
        { name: "gpt" },
    );

async function deploymentFindings(location: string, sku: Value) {
    const { all } = await judgeStack([account(location), deployment(sku)]);
    return all.filter((f) => f.resource.name === "gpt");
}

describe("where prompts are processed: Azure OpenAI deployments, relative to their account", () => {
    const cases: Array<[string, string, Value, Expected]> = [
        ["Standard in Sweden Central: the account's region", "swedencentral", "Standard", []],
        ["DataZoneStandard in Sweden Central: the EU data zone", "swedencentral", "DataZoneStandard", []],
        [
            "DataZoneStandard in East US: the US data zone",
            "eastus",
            "DataZoneStandard",
            [["violation", "DataZone-Standard", "data zone us", "Wherever it is", "cognitiveservices:Account"]],
        ],
        [
            "GlobalStandard in Sweden Central: any Azure region",
            "swedencentral",
            "GlobalStandard",
            [["unverified", "azure processing location GlobalStandard", "any Azure region worldwide", "it may be in"]],
        ],
        [
            "a deployment type the catalog does not know: cannot verify",
            "swedencentral",
            "Developer",
            [["unverified", "deployment type 'Developer' is not one clean-guard knows"]],
        ],
        [
            "DataZoneStandard in UK South: in no data zone",
            "uksouth",
            "DataZoneStandard",
            [["unverified", "uksouth", "is in no data zone clean-guard knows"]],
        ],
    ];
    for (const [what, location, sku, expected] of cases)
        it(what, async () => assertFindings(await deploymentFindings(location, sku), POLICY, expected));

    it("a classic azure deployment names its account by ARM id and is judged the same", async () => {
        const classicAccount = azureClassic(
            "azure:cognitive/account:Account",
            {
                name: ACCOUNT,
                location: "westeurope",
                resourceGroupName: "rg-ai",
                kind: "OpenAI",
                skuName: "S0",
                tags: EU,
            },
            { name: ACCOUNT },
        );
        const classic = (sku: string) =>
            azureClassic(
                "azure:cognitive/deployment:Deployment",
                {
                    name: "gpt",
                    cognitiveAccountId: `/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/${ACCOUNT}`,
                    model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" },
                    sku: { name: sku },
                },
                { name: "gpt" },
            );
        const judged = async (sku: string) =>
            (await judgeStack([classicAccount, classic(sku)])).all.filter((f) => f.resource.name === "gpt");
        assertFindings(await judged("DataZoneStandard"), POLICY, []);
        assertFindings(await judged("GlobalProvisionedManaged"), POLICY, [["unverified", "GlobalProvisionedManaged"]]);
    });
});

describe("where prompts are processed: Vertex AI", () => {
    const endpoint = (location: string) =>
        gcpResource("gcp:vertex/aiEndpoint:AiEndpoint", {
            name: "claims",
            displayName: "claims",
            location,
            labels: EU,
        });
    const runWithEnv = (value: string) =>
        gcpResource("gcp:cloudrunv2/service:Service", {
            name: "claims",
            location: "europe-west4",
            template: { containers: [{ image: "europe-docker.pkg.dev/p/r/app:1", envs: [{ name: "VERTEX", value }] }] },
            labels: EU,
        });
    const cases: Array<[string, NormalisedResource, Expected]> = [
        ["an endpoint in europe-west4", endpoint("europe-west4"), []],
        ["an endpoint at the global location", endpoint("global"), [["violation", "gcp location global"]]],
        [
            "a service calling the europe-west4 endpoint",
            runWithEnv("https://europe-west4-aiplatform.googleapis.com"),
            [],
        ],
        [
            "a service calling the us-central1 endpoint",
            runWithEnv("https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1"),
            [["violation", "gcp processing location us-central1 (United States (US))"]],
        ],
        [
            "a service calling the global endpoint",
            runWithEnv("https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/google"),
            [["unverified", "Vertex AI global endpoint", "it may be in"]],
        ],
        [
            "decoys: the endpoint named in a docs URL's path, and a look-alike host",
            runWithEnv(
                "https://docs.example.org/us-central1-aiplatform.googleapis.com https://aiplatform.googleapis.com.example.org",
            ),
            [],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

    it("the Vertex AI API enabled on a project of an EU stack: a service name, not an address", async () => {
        const api = gcpResource("gcp:projects/service:Service", {
            project: "claims",
            service: "aiplatform.googleapis.com",
        });
        const findings = await judgeResource(api, { stackTags: EU });
        assertFindings(findings, POLICY, []);
        assertFindings(findings, "clean-guard-unverified", []);
    });
});
