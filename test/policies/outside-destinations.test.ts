// Where a Bedrock guardrail, a BeyondCorp security gateway and a Media CDN shield handle their data: a guardrail
// profile's geography, a gateway's hubs (its data path; its `global` location only keeps its configuration) and the
// region a shield caches content in are judged like any region.

import type { NormalisedResource } from "../../src/model/resource";
import { awsResource, gcpResource, unknown } from "../support/builders";
import { assertFindings, judgeStack, type Expected } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const RESIDENCY = "clean-guard-data-residency";
const EU = { stackTags: { "data-residency": "eu" } };

const inIreland = { providerRegion: "eu-west-1" };

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

describe("the places guardrails, security gateways and Media CDN shields handle data in", () => {
    const cases: Case[] = [
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
