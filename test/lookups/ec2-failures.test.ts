// What the user is told when EC2 cannot answer. The client is mocked in-process (aws-sdk-client-mock),
// so each failure is exact and no test leaves the machine.
import { strict as assert } from "node:assert";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mock } from "node:test";
import {
    DescribeImagesCommand,
    EC2Client,
    EC2ServiceException,
    type DescribeImagesCommandInput,
    type EC2ClientResolvedConfig,
    type ServiceInputTypes,
    type ServiceOutputTypes,
} from "@aws-sdk/client-ec2";
import { mockClient, type AwsStub } from "aws-sdk-client-mock";
import { createEc2Lookups, failedLookupEnforcement, type LookupResult } from "../../src/lookups";
import type { ImageFacts } from "../../src/model/placement";
import type { LookupMode, Profile } from "../../src/profile/types";

const GOOD = "ami-0c1ea9a4d00000004";
const BAD = "ami-0c1ea9a4d0000ffff";
const SUBJECT = `AMI '${GOOD}' in eu-west-1`;
const WHERE = "EC2 DescribeImages in eu-west-1";
const FAKE_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

// Created in `before`, not at load, so that other test files never meet a mocked EC2Client.
let ec2: AwsStub<ServiceInputTypes, ServiceOutputTypes, EC2ClientResolvedConfig>;
const never = (): Promise<never> => new Promise(() => undefined);

function serviceError(name: string, status: number, message: string): EC2ServiceException {
    return new EC2ServiceException({
        name,
        $fault: status >= 500 ? "server" : "client",
        $metadata: { httpStatusCode: status, attempts: 3 },
        message,
    });
}
function networkError(code: string, hostname: string): Error {
    return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
        code,
        hostname,
        syscall: "getaddrinfo",
        $metadata: { attempts: 3 },
    });
}
function credentialsError(): Error {
    return Object.assign(new Error("Could not load credentials from any providers\n    at chain"), {
        name: "CredentialsProviderError",
    });
}
function image(imageId: string): { ImageId: string; OwnerId: string; Name: string } {
    return { ImageId: imageId, OwnerId: "137112412989", Name: `image ${imageId}` };
}

interface Run {
    settings?: Partial<Profile["lookups"]>;
    now?: () => number;
    env?: NodeJS.ProcessEnv;
    warnings?: string[];
}
function lookupsFor({
    settings = {},
    now,
    env = { AWS_ENDPOINT_URL_EC2: "http://127.0.0.1:1" },
    warnings = [],
}: Run = {}) {
    return createEc2Lookups(
        { ec2: "required", timeoutMs: 300, budgetMs: 2000, cacheDir: "", cacheTtlSeconds: 3600, ...settings },
        {
            clientFactory: (region) => new EC2Client({ region, credentials: FAKE_CREDENTIALS }),
            log: (line) => (line.includes("warning") || line.includes("ignoring") ? warnings.push(line) : undefined),
            env,
            now,
            batchWindowMs: 0,
        },
    );
}
const shown = (result: LookupResult<ImageFacts>): string =>
    result.ok
        ? `found ${result.facts.imageId} (${result.facts.name})`
        : `${result.failure.reason}: ${result.failure.detail}`;

describe("EC2 lookup failures", () => {
    before(() => (ec2 = mockClient(EC2Client)));
    beforeEach(() => ec2.reset());
    after(() => ec2.restore());

    // [what happens, how EC2 behaves, what the user reads]
    const cases: Array<[string, () => void, string]> = [
        [
            "EC2 does not answer within the timeout",
            () => ec2.on(DescribeImagesCommand).callsFake(never),
            `timeout: ${SUBJECT} could not be looked up: ${WHERE} did not answer within 300 ms`,
        ],
        [
            "EC2 keeps throttling after the SDK's retries",
            () =>
                ec2
                    .on(DescribeImagesCommand)
                    .rejects(serviceError("RequestLimitExceeded", 503, "Request limit exceeded.")),
            `throttled: ${SUBJECT} could not be looked up: ${WHERE} throttled the request (RequestLimitExceeded) after 3 attempts`,
        ],
        [
            "EC2 fails with a server error",
            () =>
                ec2
                    .on(DescribeImagesCommand)
                    .rejects(serviceError("InternalError", 500, "An internal error has occurred.")),
            `unavailable: ${SUBJECT} could not be looked up: ${WHERE} answered HTTP 500 (InternalError) after 3 attempts`,
        ],
        [
            "the endpoint's name does not resolve",
            () => ec2.on(DescribeImagesCommand).rejects(networkError("ENOTFOUND", "ec2.eu-west-1.amazonaws.com")),
            `unavailable: ${SUBJECT} could not be looked up: ${WHERE} could not be reached at ec2.eu-west-1.amazonaws.com (ENOTFOUND) after 3 attempts`,
        ],
        [
            "no credentials are found",
            () => ec2.on(DescribeImagesCommand).rejects(credentialsError()),
            `no-credentials: ${SUBJECT} could not be looked up: no AWS credentials were found to call ${WHERE} (Could not load credentials from any providers)`,
        ],
        [
            "EC2 refuses the credentials",
            () =>
                ec2
                    .on(DescribeImagesCommand)
                    .rejects(
                        serviceError(
                            "AuthFailure",
                            401,
                            "AWS was not able to validate the provided access credentials",
                        ),
                    ),
            `error: ${SUBJECT} could not be looked up: ${WHERE} failed: AuthFailure: AWS was not able to validate the provided access credentials`,
        ],
    ];
    for (const [what, behave, expected] of cases) {
        it(what, async () => {
            behave();
            const results = await lookupsFor().images.lookup([{ imageId: GOOD, region: "eu-west-1" }]);
            assert.deepEqual(results.map(shown), [expected]);
        });
    }

    it("asks again on the next lookup after a transient failure (it is not cached)", async () => {
        const lookups = lookupsFor();
        ec2.on(DescribeImagesCommand)
            .rejectsOnce(serviceError("InternalError", 500, "An internal error has occurred."))
            .resolves({ Images: [image(GOOD)] });
        const request = [{ imageId: GOOD, region: "eu-west-1" }];
        const first = (await lookups.images.lookup(request)).map(shown);
        const second = (await lookups.images.lookup(request)).map(shown);
        assert.deepEqual(
            [...first, ...second],
            [
                `unavailable: ${SUBJECT} could not be looked up: ${WHERE} answered HTTP 500 (InternalError) after 3 attempts`,
                `found ${GOOD} (image ${GOOD})`,
            ],
        );
        assert.equal(lookups.stats().calls, 2);
    });

    describe("ids EC2 rejects do not fail the rest of the batch", () => {
        const others = ["ami-0c1ea9a4d00000001", "ami-0c1ea9a4d00000002", "ami-0c1ea9a4d00000003"];
        // [how EC2 words the rejection, DescribeImages calls]: a named culprit is dropped at once, an unnamed one is found by halving.
        const cases: Array<[string, string, string, number]> = [
            ["InvalidAMIID.Malformed", `Invalid id: "${BAD}" (expecting "ami-...")`, "named", 2],
            ["InvalidAMIID.NotFound", `The image id '[${BAD}]' does not exist`, "named", 2],
            ["InvalidAMIID.NotFound", "The image id does not exist", "not named", 5],
        ];
        for (const [code, message, named, calls] of cases) {
            it(`${code}, culprit ${named}: ${calls} calls`, async () => {
                ec2.on(DescribeImagesCommand).callsFake(async (input: DescribeImagesCommandInput) => {
                    if (input.ImageIds?.includes(BAD)) throw serviceError(code, 400, message);
                    return { Images: (input.ImageIds ?? []).map(image) };
                });
                const lookups = lookupsFor();
                const results = await lookups.images.lookup(
                    [...others, BAD].map((imageId) => ({ imageId, region: "eu-west-1" })),
                );
                assert.deepEqual(results.map(shown), [
                    ...others.map((id) => `found ${id} (image ${id})`),
                    `not-found: AMI '${BAD}' in eu-west-1 was not found`,
                ]);
                assert.equal(lookups.stats().calls, calls);
            });
        }
    });

    it("asks about at most 100 images per call", async () => {
        const asked: number[] = [];
        ec2.on(DescribeImagesCommand).callsFake(async (input: DescribeImagesCommandInput) => {
            asked.push(input.ImageIds?.length ?? 0);
            return { Images: (input.ImageIds ?? []).map(image) };
        });
        const ids = Array.from({ length: 250 }, (_, i) => `ami-${i.toString(16).padStart(17, "0")}`);
        const results = await lookupsFor().images.lookup(ids.map((imageId) => ({ imageId, region: "eu-west-1" })));
        assert.deepEqual(
            results.map(shown),
            ids.map((id) => `found ${id} (image ${id})`),
        );
        assert.deepEqual(asked, [100, 100, 50]);
    });

    describe("an AMI id from a secret never reaches a message", () => {
        const SECRET = "ami-05ec7e7000000000a";
        // [how EC2 behaves, the id asked, what the user reads]
        const cases: Array<[string, () => void, string, string]> = [
            [
                "EC2 echoes the id in an error",
                () =>
                    ec2
                        .on(DescribeImagesCommand)
                        .rejects(
                            serviceError(
                                "InvalidParameterValue",
                                400,
                                `Value (${SECRET}) for parameter imageId is invalid`,
                            ),
                        ),
                SECRET,
                `error: AMI '[secret]' in eu-west-1 could not be looked up: ${WHERE} failed: InvalidParameterValue: Value ([secret]) for parameter imageId is invalid`,
            ],
            [
                "EC2 does not know it",
                () => ec2.on(DescribeImagesCommand).resolves({ Images: [] }),
                SECRET,
                "not-found: AMI '[secret]' in eu-west-1 was not found",
            ],
            [
                "it is malformed",
                () => undefined,
                "ami-typo",
                "not-found: '[secret]' is not an AMI id (expected 'ami-' and 8 or 17 hexadecimal digits)",
            ],
        ];
        it("not even when the same id is also asked for openly in the same batch", async () => {
            ec2.on(DescribeImagesCommand).rejects(
                serviceError("InvalidParameterValue", 400, `Value (${SECRET}) for parameter imageId is invalid`),
            );
            const results = await lookupsFor().images.lookup([
                { imageId: SECRET, region: "eu-west-1" },
                { imageId: SECRET, region: "eu-west-1", secret: true },
            ]);
            assert.deepEqual(results.map(shown), [
                `error: AMI '${SECRET}' in eu-west-1 could not be looked up: ${WHERE} failed: InvalidParameterValue: Value (${SECRET}) for parameter imageId is invalid`,
                `error: AMI '[secret]' in eu-west-1 could not be looked up: ${WHERE} failed: InvalidParameterValue: Value ([secret]) for parameter imageId is invalid`,
            ]);
        });
        for (const [what, behave, imageId, expected] of cases) {
            it(what, async () => {
                behave();
                const results = await lookupsFor().images.lookup([{ imageId, region: "eu-west-1", secret: true }]);
                assert.deepEqual(results.map(shown), [expected]);
            });
        }
    });

    it("stops calling once the run's budget is spent, and says so", async () => {
        // Timers and the budget's clock are fake: the call is cut when the budget's 250 ms have passed
        // on that clock, however slowly a loaded machine runs the test.
        mock.timers.enable({ apis: ["setTimeout"] });
        try {
            let now = 0;
            const advance = async (ms: number) => {
                await new Promise(setImmediate);
                now += ms;
                mock.timers.tick(ms);
                await new Promise(setImmediate);
            };
            ec2.on(DescribeImagesCommand).callsFake(never);
            const lookups = lookupsFor({ settings: { timeoutMs: 1000, budgetMs: 250 }, now: () => now });
            const results: string[] = [];
            const first = lookups.images.lookup([{ imageId: GOOD, region: "eu-west-1" }]).then((r) => {
                results.push(...r.map(shown));
            });
            await advance(0);
            await advance(249);
            assert.equal(results.length, 0, "still waiting for EC2 before the budget is spent");
            await advance(1);
            assert.equal(results.length, 1, "answered the moment the budget is spent");
            await first;
            const second = lookups.images.lookup([{ imageId: GOOD, region: "us-east-1" }]);
            await advance(0);
            results.push(...(await second).map(shown));
            assert.deepEqual(results, [
                `budget-exhausted: ${SUBJECT} could not be looked up: the EC2 lookup budget of this run ran out while waiting for ${WHERE}`,
                `budget-exhausted: AMI '${GOOD}' in us-east-1 was not looked up: the EC2 lookup budget of 250 ms for this run is spent`,
            ]);
            assert.deepEqual([lookups.stats().calls, lookups.stats().budgetSpentMs], [1, 250]);
        } finally {
            mock.timers.reset();
        }
    });

    it("counts only the time calls are in flight against the budget, not the time between them", async () => {
        let now = 0;
        ec2.on(DescribeImagesCommand).callsFake(async (input: DescribeImagesCommandInput) => {
            now += 150;
            return { Images: (input.ImageIds ?? []).map(image) };
        });
        const lookups = createEc2Lookups(
            { ec2: "required", timeoutMs: 1000, budgetMs: 400, cacheDir: "", cacheTtlSeconds: 3600 },
            {
                clientFactory: (region) => new EC2Client({ region, credentials: FAKE_CREDENTIALS }),
                log: () => undefined,
                now: () => now,
                batchWindowMs: 0,
            },
        );
        const seen: string[] = [];
        for (const imageId of [
            "ami-0c1ea9a4d00000001",
            "ami-0c1ea9a4d00000002",
            "ami-0c1ea9a4d00000003",
            "ami-0c1ea9a4d00000005",
        ]) {
            seen.push(...(await lookups.images.lookup([{ imageId, region: "eu-west-1" }])).map(shown));
            now += 10_000;
        }
        assert.deepEqual(seen, [
            "found ami-0c1ea9a4d00000001 (image ami-0c1ea9a4d00000001)",
            "found ami-0c1ea9a4d00000002 (image ami-0c1ea9a4d00000002)",
            "found ami-0c1ea9a4d00000003 (image ami-0c1ea9a4d00000003)",
            "budget-exhausted: AMI 'ami-0c1ea9a4d00000005' in eu-west-1 was not looked up: the EC2 lookup budget of 400 ms for this run is spent",
        ]);
        assert.deepEqual([lookups.stats().calls, lookups.stats().budgetSpentMs], [3, 400]);
    });

    describe("modes", () => {
        const noAws = { HOME: "/nonexistent-home" };
        // [mode, environment, what the user reads, calls]
        const cases: Array<[LookupMode, NodeJS.ProcessEnv, string, number]> = [
            [
                "off",
                { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
                `off: ${SUBJECT} was not looked up: EC2 lookups are off (lookups.ec2: off)`,
                0,
            ],
            [
                "auto",
                noAws,
                `off: ${SUBJECT} was not looked up: no AWS credentials or EC2 endpoint are configured, so EC2 lookups are off (lookups.ec2: auto)`,
                0,
            ],
            [
                "auto",
                { ...noAws, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
                `found ${GOOD} (image ${GOOD})`,
                1,
            ],
            ["auto", { ...noAws, AWS_ENDPOINT_URL: "http://127.0.0.1:5000" }, `found ${GOOD} (image ${GOOD})`, 1],
            ["auto", { ...noAws, AWS_PROFILE: "ci" }, `found ${GOOD} (image ${GOOD})`, 1],
            ["required", noAws, `found ${GOOD} (image ${GOOD})`, 1],
        ];
        for (const [mode, env, expected, calls] of cases) {
            it(`${mode} with ${Object.keys(env).join(", ")}: ${calls} calls`, async () => {
                ec2.on(DescribeImagesCommand).resolves({ Images: [image(GOOD)] });
                const lookups = lookupsFor({ settings: { ec2: mode }, env });
                assert.deepEqual((await lookups.images.lookup([{ imageId: GOOD, region: "eu-west-1" }])).map(shown), [
                    expected,
                ]);
                assert.equal(lookups.stats().calls, calls);
            });
        }

        const strength: Array<[LookupMode, string]> = [
            ["required", "mandatory"],
            ["auto", "advisory"],
            ["off", "advisory"],
        ];
        for (const [mode, level] of strength) {
            it(`a failed lookup in ${mode} mode is ${level}`, () => assert.equal(failedLookupEnforcement(mode), level));
        }
    });

    describe("disk cache", () => {
        let cacheDir: string;
        beforeEach(async () => (cacheDir = await mkdtemp(path.join(tmpdir(), "clean-guard-cache-"))));
        afterEach(async () => rm(cacheDir, { recursive: true, force: true }));

        const corruptions: Array<[string, string]> = [
            ["not JSON", "{ half a file"],
            ["JSON of another shape", JSON.stringify({ version: 1, entries: { "eu-west-1/x": { found: "yes" } } })],
        ];
        for (const [what, contents] of corruptions) {
            it(`ignores a cache file that is ${what}, with a warning, and replaces it`, async () => {
                const file = path.join(cacheDir, "ec2-images.json");
                await writeFile(file, contents);
                ec2.on(DescribeImagesCommand).resolves({ Images: [image(GOOD)] });
                const warnings: string[] = [];
                const lookups = lookupsFor({ settings: { cacheDir }, warnings });
                assert.deepEqual((await lookups.images.lookup([{ imageId: GOOD, region: "eu-west-1" }])).map(shown), [
                    `found ${GOOD} (image ${GOOD})`,
                ]);
                assert.equal(warnings.length, 1);
                assert.match(warnings[0], new RegExp(`ignoring the lookup cache ${file}`));
                assert.deepEqual(Object.keys(JSON.parse(await readFile(file, "utf8")).entries), [`eu-west-1/${GOOD}`]);
            });
        }

        it("keeps what two overlapping runs learned, both of them", async () => {
            const OTHER = "ami-0c1ea9a4d00000001";
            let openGate = (): void => undefined;
            const gate = new Promise<void>((resolve) => (openGate = resolve));
            ec2.on(DescribeImagesCommand).callsFake(async (input: DescribeImagesCommandInput) => {
                if (input.ImageIds?.includes(OTHER)) await gate;
                return { Images: (input.ImageIds ?? []).map(image) };
            });
            const slow = lookupsFor({ settings: { cacheDir } });
            const fast = lookupsFor({ settings: { cacheDir } });
            // The slow run reads the empty cache and waits on EC2 while the fast run finishes and writes.
            const slowDone = slow.images.lookup([{ imageId: OTHER, region: "eu-west-1" }]);
            await fast.images.lookup([{ imageId: GOOD, region: "eu-west-1" }]);
            openGate();
            await slowDone;
            const next = lookupsFor({ settings: { cacheDir } });
            const results = await next.images.lookup(
                [GOOD, OTHER].map((imageId) => ({ imageId, region: "eu-west-1" })),
            );
            assert.deepEqual(results.map(shown), [`found ${GOOD} (image ${GOOD})`, `found ${OTHER} (image ${OTHER})`]);
            assert.equal(next.stats().calls, 0);
        });

        it("forgets answers older than the TTL", async () => {
            ec2.on(DescribeImagesCommand).resolves({ Images: [image(GOOD)] });
            let now = Date.parse("2026-01-01T00:00:00Z");
            const run = () =>
                createEc2Lookups(
                    { ec2: "required", timeoutMs: 300, budgetMs: 2000, cacheDir, cacheTtlSeconds: 60 },
                    {
                        clientFactory: (region) => new EC2Client({ region, credentials: FAKE_CREDENTIALS }),
                        log: () => undefined,
                        now: () => now,
                        batchWindowMs: 0,
                    },
                );
            const request = [{ imageId: GOOD, region: "eu-west-1" }];
            const calls: number[] = [];
            for (const ageSeconds of [0, 59, 61]) {
                now = Date.parse("2026-01-01T00:00:00Z") + ageSeconds * 1000;
                const lookups = run();
                await lookups.images.lookup(request);
                calls.push(lookups.stats().calls);
            }
            assert.deepEqual(calls, [1, 0, 1]);
        });
    });
});
