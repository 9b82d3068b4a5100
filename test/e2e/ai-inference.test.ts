// Where prompts go, through the engine protocol: an EU agent on an eu. inference profile passes beside one on a
// global. profile; a function whose (secret) environment calls a Chinese model API is rejected, naming the
// service and its operator without printing the secret; an Azure OpenAI deployment is judged by its type, beside
// the account it names.

import { strict as assert } from "node:assert";
import { defaultProvider, EngineEmulator, secret, type Diagnostic, type EmulatedResource } from "../emulator/engine";

const aws = defaultProvider("aws", { "aws:region": "eu-central-1" });
const azure = defaultProvider("azure-native", {}, "3.28.0");
const EU = { "data-residency": "eu" };

const agent = (name: string, foundationModel: string): EmulatedResource => ({
    type: "aws:bedrock/agentAgent:AgentAgent",
    name,
    inputs: { agentName: name, foundationModel, agentResourceRoleArn: "arn:aws:iam::123456789012:role/a", tags: EU },
    provider: aws,
});

const summariser = (baseUrl: unknown): EmulatedResource => ({
    type: "aws:lambda/function:Function",
    name: "summarise",
    inputs: {
        runtime: "python3.12",
        handler: "app.handler",
        role: "arn:aws:iam::123456789012:role/lambda",
        environment: { variables: { LLM_BASE_URL: baseUrl } },
    } as EmulatedResource["inputs"],
    provider: aws,
});

const of = (diags: Diagnostic[], engine: EngineEmulator, type: string, name: string) =>
    diags.filter((d) => d.urn === engine.urnOf(type, name));

describe("where prompts are processed (engine protocol)", function () {
    this.timeout(60_000);
    let engine: EngineEmulator;
    before(async () => (engine = await EngineEmulator.start()));
    after(async () => engine?.stop());

    it("an EU agent on an eu. profile passes; its twin on a global. profile is blocked as cannot verify", async () => {
        const type = "aws:bedrock/agentAgent:AgentAgent";
        const diags = await engine.preview([
            agent("claims-eu", "eu.anthropic.claude-sonnet-4-20250514-v1:0"),
            agent("claims-global", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
        ]);
        assert.deepEqual(of(diags, engine, type, "claims-eu"), []);
        const global = of(diags, engine, type, "claims-global");
        assert.equal(global.length, 1, JSON.stringify(diags, null, 1));
        assert.equal(global[0].policyName, "clean-guard-data-residency");
        assert.equal(global[0].enforcementLevel, "mandatory");
        assert.match(global[0].message, /cannot verify: aws processing location global\.anthropic/);
        assert.match(global[0].message, /Bedrock global cross-Region inference profile/);
        assert.match(global[0].message, /Fix: Process the data only inside the jurisdiction/);
    });

    it("a function calling DeepSeek through a secret variable: rejected, the host never printed", async () => {
        const diags = await engine.analyze(summariser(secret("https://api.deepseek.com/v1")));
        const [d] = diags.filter((x) => x.policyName === "clean-guard-untrusted-ai-service");
        assert.ok(d, JSON.stringify(diags, null, 1));
        assert.equal(d.enforcementLevel, "mandatory");
        assert.match(d.message, /DeepSeek's model API \(\[secret\]\), operated by Hangzhou DeepSeek/);
        assert.match(d.message, /China \(CN\)/);
        for (const x of diags) assert.doesNotMatch(x.message, /api\.deepseek\.com/);
    });

    it("the same function calling a look-alike mirror passes", async () => {
        const diags = await engine.analyze(summariser("https://api.deepseek.com.mirror.example.org/v1"));
        assert.deepEqual(diags, []);
    });

    it("an Azure OpenAI GlobalStandard deployment of an EU account is blocked; DataZoneStandard passes", async () => {
        const account: EmulatedResource = {
            type: "azure-native:cognitiveservices:Account",
            name: "claims-ai",
            inputs: {
                accountName: "claims-ai",
                location: "swedencentral",
                resourceGroupName: "rg",
                kind: "OpenAI",
                tags: EU,
            },
            provider: azure,
        };
        const deployment = (name: string, sku: string): EmulatedResource => ({
            type: "azure-native:cognitiveservices:Deployment",
            name,
            inputs: { accountName: "claims-ai", resourceGroupName: "rg", deploymentName: name, sku: { name: sku } },
            provider: azure,
        });
        const type = "azure-native:cognitiveservices:Deployment";
        const diags = await engine.preview([
            account,
            deployment("gpt-zone", "DataZoneStandard"),
            deployment("gpt-global", "GlobalStandard"),
        ]);
        assert.deepEqual(of(diags, engine, type, "gpt-zone"), []);
        const global = of(diags, engine, type, "gpt-global");
        assert.equal(global.length, 1, JSON.stringify(diags, null, 1));
        assert.match(
            global[0].message,
            /azure processing location GlobalStandard \(Azure OpenAI Global-Standard deployment/,
        );
        assert.match(
            global[0].message,
            /by tag 'data-residency' of its source azure-native:cognitiveservices:Account 'claims-ai'/,
        );
    });
});
