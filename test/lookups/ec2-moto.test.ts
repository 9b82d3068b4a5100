// The lookups with the real AWS SDK client against moto_server on loopback.
import { strict as assert } from "node:assert";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ImageFacts } from "../../src/model/placement";
import type { Profile } from "../../src/profile/types";
import { createEc2Lookups, type LookupResult } from "../../src/lookups";
import { startMoto, useFakeAws, type Moto } from "../support/moto";

const HUAWEI = "ami-0c1ea9a4d00000001";
const ALIBABA = "ami-0c1ea9a4d00000002";
const TENCENT = "ami-0c1ea9a4d00000003";
const AMAZON_LINUX = "ami-0c1ea9a4d00000004";
const UBUNTU = "ami-0c1ea9a4d00000005";
const UNKNOWN = "ami-0c1ea9a4d0000ffff";
const ALSO_UNKNOWN = "ami-0c1ea9a4d0000fffe";

// What the fixture (fixtures/moto-amis.json) says about each image, as a user would see it.
const published: Record<string, { ownerId: string; name: string; description: string }> = {
    [HUAWEI]: {
        ownerId: "210987654321",
        name: "Huawei Cloud EulerOS 2.0 Standard 64 bit",
        description: "Huawei Cloud EulerOS 2.0 (HCE 2.0) image",
    },
    [ALIBABA]: {
        ownerId: "310987654321",
        name: "Alibaba Cloud Linux 3.2104 LTS 64 bit",
        description: "Alibaba Cloud Linux 3 for AWS",
    },
    [TENCENT]: {
        ownerId: "410987654321",
        name: "TencentOS Server 3.1 (TK4)",
        description: "TencentOS Server 3.1 built by Tencent Cloud",
    },
    [AMAZON_LINUX]: {
        ownerId: "137112412989",
        name: "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64",
        description: "Amazon Linux 2023 AMI 2023.6.20241010.0 x86_64 HVM kernel-6.1",
    },
    [UBUNTU]: {
        ownerId: "099720109477",
        name: "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241004",
        description: "Canonical, Ubuntu, 24.04, amd64 noble image",
    },
};

function settings(cacheDir: string): Profile["lookups"] {
    return { ec2: "auto", timeoutMs: 5000, budgetMs: 20000, cacheDir, cacheTtlSeconds: 3600 };
}

/** What a result tells the user: the publisher and name, or the failure. */
function seen(result: LookupResult<ImageFacts>): string {
    if (!result.ok) return `${result.failure.reason}: ${result.failure.detail}`;
    const { imageId, region, ownerId, name, description } = result.facts;
    return JSON.stringify({ imageId, region, ownerId, name, description });
}
const found = (imageId: string, region: string): string => JSON.stringify({ imageId, region, ...published[imageId] });

describe("EC2 lookups against moto_server", function () {
    this.timeout(60_000);
    let moto: Moto;
    let restoreEnv: () => void;
    let cacheDir: string;
    const quiet = (): void => undefined;

    before(async () => {
        moto = await startMoto({ amisPath: path.join(__dirname, "fixtures", "moto-amis.json") });
        restoreEnv = useFakeAws(moto.endpoint);
    });
    after(async () => {
        restoreEnv?.();
        await moto?.stop();
    });
    beforeEach(async () => (cacheDir = await mkdtemp(path.join(tmpdir(), "clean-guard-lookups-"))));
    afterEach(async () => rm(cacheDir, { recursive: true, force: true }));

    it("answers many images in two regions with one DescribeImages call per region", async () => {
        const lookups = createEc2Lookups(settings(cacheDir), { log: quiet });
        const requests = [
            { imageId: HUAWEI, region: "us-east-1" },
            { imageId: ALIBABA, region: "us-east-1" },
            { imageId: TENCENT, region: "us-east-1" },
            { imageId: AMAZON_LINUX, region: "eu-west-1" },
            { imageId: UBUNTU, region: "eu-west-1" },
            { imageId: HUAWEI, region: "eu-west-1" },
        ];
        const results = await lookups.images.lookup(requests);
        assert.deepEqual(
            results.map(seen),
            requests.map((r) => found(r.imageId, r.region)),
        );
        assert.equal(lookups.stats().calls, 2);
    });

    it("shares one call among lookups made at the same time by different resources", async () => {
        const lookups = createEc2Lookups(settings(cacheDir), { log: quiet });
        const [first, second, third] = await Promise.all([
            lookups.images.lookup([{ imageId: HUAWEI, region: "us-east-1" }]),
            lookups.images.lookup([{ imageId: UBUNTU, region: "us-east-1" }]),
            lookups.images.lookup([{ imageId: HUAWEI, region: "us-east-1" }]),
        ]);
        assert.deepEqual([first, second, third].flat().map(seen), [
            found(HUAWEI, "us-east-1"),
            found(UBUNTU, "us-east-1"),
            found(HUAWEI, "us-east-1"),
        ]);
        assert.equal(lookups.stats().calls, 1);
    });

    // [what, ids asked in us-east-1, what the user sees, DescribeImages calls]
    const notFoundCases: Array<[string, string[], string[], number]> = [
        [
            "an unknown image next to known ones",
            [UBUNTU, UNKNOWN],
            [found(UBUNTU, "us-east-1"), `not-found: AMI '${UNKNOWN}' in us-east-1 was not found`],
            1,
        ],
        [
            "only unknown images (EC2 rejects the whole request)",
            [UNKNOWN, ALSO_UNKNOWN],
            [
                `not-found: AMI '${UNKNOWN}' in us-east-1 was not found`,
                `not-found: AMI '${ALSO_UNKNOWN}' in us-east-1 was not found`,
            ],
            1,
        ],
        [
            "a malformed id, without asking EC2 about it",
            ["ami-NOT-HEX", TENCENT],
            [
                "not-found: 'ami-NOT-HEX' is not an AMI id (expected 'ami-' and 8 or 17 hexadecimal digits)",
                found(TENCENT, "us-east-1"),
            ],
            1,
        ],
    ];
    for (const [what, ids, expected, calls] of notFoundCases) {
        it(`not found: ${what}`, async () => {
            const lookups = createEc2Lookups(settings(cacheDir), { log: quiet });
            const results = await lookups.images.lookup(ids.map((imageId) => ({ imageId, region: "us-east-1" })));
            assert.deepEqual(results.map(seen), expected);
            assert.equal(lookups.stats().calls, calls);
        });
    }

    it("answers a second run from the disk cache with zero calls, not-found answers included", async () => {
        const requests = [
            { imageId: ALIBABA, region: "us-east-1" },
            { imageId: UNKNOWN, region: "us-east-1" },
            { imageId: UBUNTU, region: "eu-west-1" },
        ];
        const firstRun = createEc2Lookups(settings(cacheDir), { log: quiet });
        const cold = (await firstRun.images.lookup(requests)).map(seen);
        const secondRun = createEc2Lookups(settings(cacheDir), { log: quiet });
        const warm = (await secondRun.images.lookup(requests)).map(seen);
        assert.deepEqual(warm, cold);
        assert.deepEqual([firstRun.stats().calls, secondRun.stats().calls, secondRun.stats().cacheHits], [2, 0, 3]);
    });

    it("makes no call at all when nothing needs looking up", async () => {
        const lookups = createEc2Lookups(settings(cacheDir), { log: quiet });
        assert.deepEqual(await lookups.images.lookup([]), []);
        assert.equal(lookups.stats().calls, 0);
    });

    describe("zones", () => {
        // [zone as written, region asked, what the user sees]; moto's zone table stands in for EC2's.
        const cases: Array<[string, string, string]> = [
            ["use1-az1", "us-east-1", "use1-az1 = us-east-1b in us-east-1"],
            ["us-east-1a", "us-east-1", "use1-az6 = us-east-1a in us-east-1"],
            ["eu-west-1b", "eu-west-1", "euw1-az1 = eu-west-1b in eu-west-1"],
            ["EUW1-AZ3", "eu-west-1", "euw1-az3 = eu-west-1a in eu-west-1"],
            ["use1-az1", "eu-west-1", "not-found: zone 'use1-az1' in eu-west-1 was not found"],
            ["use1 az1", "eu-west-1", "not-found: 'use1 az1' is not an availability zone id or name"],
        ];
        it("tells the region of zone ids and names with one call per region", async () => {
            const lookups = createEc2Lookups(settings(cacheDir), { log: quiet });
            const results = await lookups.zones.lookup(cases.map(([zone, region]) => ({ zone, region })));
            assert.deepEqual(
                results.map((r) =>
                    r.ok
                        ? `${r.facts.zoneId} = ${r.facts.zoneName} in ${r.facts.region}`
                        : `${r.failure.reason}: ${r.failure.detail}`,
                ),
                cases.map(([, , expected]) => expected),
            );
            assert.equal(lookups.stats().calls, 2);
        });
    });
});
