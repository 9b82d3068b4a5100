// An EU claims assistant on Amazon Bedrock, in Frankfurt. Where the prompts are processed is not where the agent
// is: a cross-Region inference profile sends each request to any region of its geography (`eu.`) or of the world
// (`global.`), and a function can send the claims to any model API its configuration names.

import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const classified = { "data-residency": "eu", app: "claims" };

/** A role the given AWS service may assume. */
const serviceRole = (name: string, service: string) =>
    new aws.iam.Role(name, {
        name,
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
        }),
    });

const agentRole = serviceRole("claims-agent-role", "bedrock.amazonaws.com");

// The assistant on an EU inference profile: Bedrock routes each request to an EU Region only.
new aws.bedrock.AgentAgent("claims-assistant", {
    agentName: "claims-assistant",
    agentResourceRoleArn: agentRole.arn,
    foundationModel: "eu.anthropic.claude-sonnet-4-20250514-v1:0",
    instruction: "Answer questions about a citizen's insurance claim from the claim's documents.",
    tags: classified,
});

// Its twin on a global inference profile, for the throughput: a request may be processed in any commercial AWS
// Region worldwide, so the EU claims may leave the EU.
new aws.bedrock.AgentAgent("claims-assistant-global", {
    agentName: "claims-assistant-global",
    agentResourceRoleArn: agentRole.arn,
    foundationModel: "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
    instruction: "Answer questions about a citizen's insurance claim from the claim's documents.",
    tags: classified,
});

// A summariser that calls DeepSeek's OpenAI-compatible API, its address kept in a secret: the pack must find the
// host inside it and never print it.
new aws.lambda.Function("summarise", {
    name: "summarise",
    role: serviceRole("summarise-role", "lambda.amazonaws.com").arn,
    runtime: "python3.12",
    handler: "app.handler",
    s3Bucket: "claims-code",
    s3Key: "summarise.zip",
    environment: {
        variables: {
            LLM_BASE_URL: pulumi.secret("https://api.deepseek.com/v1"),
            LLM_MODEL: "deepseek-chat",
        },
    },
    tags: { app: "claims" },
});
