// The parts of a lookup's behaviour that the AWS SDK itself provides (its standard retry strategy,
// its default credential chain), checked through the real client stack. Instead of the network, an
// in-process HTTP handler answers with scripted EC2 responses.
import { strict as assert } from "node:assert";
import { Readable } from "node:stream";
import { EC2Client } from "@aws-sdk/client-ec2";
import { createEc2Lookups, ec2ClientConfig, type LookupResult } from "../../src/lookups";
import type { ImageFacts } from "../../src/model/placement";
import type { Profile } from "../../src/profile/types";
import { setEnv } from "../support/moto";

const IMAGE = "ami-0c1ea9a4d00000005";

interface ScriptedResponse {
    status: number;
    xml: string;
}
const throttled: ScriptedResponse = {
    status: 503,
    xml: "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r</RequestID></Response>",
};
const ubuntu: ScriptedResponse = {
    status: 200,
    xml: `<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><imagesSet><item>
        <imageId>${IMAGE}</imageId><imageOwnerId>099720109477</imageOwnerId><name>ubuntu-noble-24.04-amd64-server</name>
        <platformDetails>Linux/UNIX</platformDetails></item></imagesSet></DescribeImagesResponse>`,
};

/** An HTTP handler that plays `responses` in order (the last one again once they run out). */
function scripted(responses: ScriptedResponse[]) {
    const seen: string[] = [];
    const handler = {
        handle: async (request: { hostname?: string }) => {
            const next = responses[Math.min(seen.length, responses.length - 1)];
            seen.push(request.hostname ?? "");
            return {
                response: {
                    statusCode: next.status,
                    headers: { "content-type": "text/xml" },
                    body: Readable.from([Buffer.from(next.xml)]),
                },
            };
        },
    };
    return { handler, seen };
}

const settings: Profile["lookups"] = {
    ec2: "required",
    timeoutMs: 3000,
    budgetMs: 10000,
    cacheDir: "",
    cacheTtlSeconds: 3600,
};
const shown = (result: LookupResult<ImageFacts>): string =>
    result.ok
        ? `found ${result.facts.imageId} by ${result.facts.ownerId} (${result.facts.platformDetails})`
        : `${result.failure.reason}: ${result.failure.detail}`;

describe("EC2 lookups through the SDK's own retry and credential handling", function () {
    this.timeout(20_000);
    let restoreEnv: () => void;
    const nothingConfigured = {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_PROFILE: undefined,
        AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
        AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
        AWS_CONFIG_FILE: "/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED: "true",
    };
    beforeEach(() => (restoreEnv = setEnv(nothingConfigured)));
    afterEach(() => restoreEnv());

    // [EC2's answers in order, what the user reads, HTTP requests the SDK sent]
    const cases: Array<[string, ScriptedResponse[], string, number]> = [
        [
            "throttled twice, then an answer",
            [throttled, throttled, ubuntu],
            `found ${IMAGE} by 099720109477 (Linux/UNIX)`,
            3,
        ],
        [
            "throttled on every attempt",
            [throttled],
            `throttled: AMI '${IMAGE}' in eu-west-1 could not be looked up: EC2 DescribeImages in eu-west-1 throttled the request (RequestLimitExceeded) after 3 attempts`,
            3,
        ],
    ];
    for (const [what, responses, expected, requests] of cases) {
        it(`${what}: ${requests} requests, one lookup call`, async () => {
            const { handler, seen } = scripted(responses);
            const lookups = createEc2Lookups(settings, {
                clientFactory: (region) =>
                    new EC2Client({
                        ...ec2ClientConfig(region),
                        requestHandler: handler,
                        credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
                    }),
                log: () => undefined,
            });
            const started = Date.now();
            const results = await lookups.images.lookup([{ imageId: IMAGE, region: "eu-west-1" }]);
            assert.deepEqual(results.map(shown), [expected]);
            assert.deepEqual([seen.length, lookups.stats().calls], [requests, 1]);
            assert.ok(Date.now() - started < settings.timeoutMs + 500, "finished within the call timeout and a margin");
        });
    }

    it("goes to the region of the resource, one client per region", async () => {
        const { handler, seen } = scripted([ubuntu]);
        const made: string[] = [];
        const lookups = createEc2Lookups(settings, {
            clientFactory: (region) => {
                made.push(region);
                return new EC2Client({
                    ...ec2ClientConfig(region),
                    requestHandler: handler,
                    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
                });
            },
            log: () => undefined,
        });
        await lookups.images.lookup([{ imageId: IMAGE, region: "eu-west-1" }]);
        await lookups.images.lookup([{ imageId: IMAGE, region: "ap-southeast-2" }]);
        await lookups.zones.lookup([{ zone: "euw1-az1", region: "eu-west-1" }]);
        assert.deepEqual(made, ["eu-west-1", "ap-southeast-2"]);
        assert.deepEqual(seen, [
            "ec2.eu-west-1.amazonaws.com",
            "ec2.ap-southeast-2.amazonaws.com",
            "ec2.eu-west-1.amazonaws.com",
        ]);
    });

    it("says so when the default credential chain finds nothing (required mode)", async () => {
        const { handler, seen } = scripted([ubuntu]);
        const lookups = createEc2Lookups(settings, {
            clientFactory: (region) => new EC2Client({ ...ec2ClientConfig(region), requestHandler: handler }),
            log: () => undefined,
        });
        const results = await lookups.images.lookup([{ imageId: IMAGE, region: "eu-west-1" }]);
        assert.deepEqual(results.map(shown), [
            `no-credentials: AMI '${IMAGE}' in eu-west-1 could not be looked up: no AWS credentials were found to call EC2 DescribeImages in eu-west-1 (Could not load credentials from any providers)`,
        ]);
        assert.equal(seen.length, 0);
    });
});
