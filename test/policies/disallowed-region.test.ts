import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import {
    defaultProvider,
    explicitProvider,
    providerResource,
    resource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";
import { gcsBucket, iamRole, storageAccount } from "./builders";
import { assertFindings, judgeResource, orgProfile, type Expected } from "./judge";

const POLICY = "clean-guard-disallowed-region";
const china = explicitProvider("aws", "china", { region: "cn-north-1" });
const alicloudBucket = (region: string) =>
    resource(
        "alicloud:oss/bucket:Bucket",
        "citizens",
        { bucket: "citizens" },
        { provider: defaultProvider("alicloud", { region }, "3_108_0") },
    );

describe(POLICY, () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "AWS Beijing through an explicit provider: the place, its operator, the partition and the provider",
            s3Bucket({}, { provider: china }),
            [
                [
                    "violation",
                    "region cn-north-1 (China (CN), operated by Beijing Sinnet",
                    "partition aws-cn",
                    "from provider 'china'",
                    "built-in default",
                ],
            ],
        ],
        ["the same bucket in Ireland", s3Bucket({}, { providerRegion: "eu-west-1" }), []],
        [
            "AWS Ningxia through the default provider",
            s3Bucket({}, { providerRegion: "cn-northwest-1" }),
            [["violation", "cn-northwest-1", "NWCD", "stack config"]],
        ],
        ["Hong Kong is not mainland China", s3Bucket({}, { providerRegion: "ap-east-1" }), []],
        [
            "the China provider instance itself",
            providerResource("aws", "china", { region: "cn-north-1" }),
            [["violation", "cn-north-1"]],
        ],
        [
            "an IAM role held by AWS China's control plane",
            iamRole({}, { provider: china }),
            [["violation", "partition aws-cn"]],
        ],
        [
            "the same role in the commercial partition",
            iamRole({}, { provider: explicitProvider("aws", "eu", { region: "eu-west-1" }) }),
            [],
        ],
        [
            "Azure China, operated by 21Vianet",
            storageAccount("chinanorth", "Standard_LRS"),
            [["violation", "chinanorth", "21Vianet"]],
        ],
        ["Azure in the Netherlands", storageAccount("westeurope", "Standard_LRS"), []],
        ["a GCS bucket in Frankfurt", gcsBucket("europe-west3"), []],
        [
            "an Alibaba Cloud bucket in Hangzhou",
            alicloudBucket("cn-hangzhou"),
            [["violation", "alicloud region cn-hangzhou (China (CN))"]],
        ],
        [
            "an Alibaba Cloud bucket in Frankfurt: untrusted, but not a disallowed region",
            alicloudBucket("eu-central-1"),
            [],
        ],
        [
            "an AWS region newer than the catalog, named like AWS China's: the partition its name puts it in",
            s3Bucket({}, { providerRegion: "cn-north-9" }),
            [
                ["violation", "cn-north-9", "partition aws-cn", "Placement in partition aws-cn is disallowed"],
                ["advisory", "cn-north-9", "not a location clean-guard knows", "warning, not a block"],
            ],
        ],
        [
            "an AWS region nobody knows, on an unclassified bucket: a warning that says how to teach the catalog",
            s3Bucket({}, { providerRegion: "eu-middle-7" }),
            [["advisory", "eu-middle-7", "carries no data-residency classification", "catalog entry"]],
        ],
        [
            "the same bucket classified: cannot verify, at the policy's level",
            s3Bucket({ tags: { "data-residency": "eu" } }, { providerRegion: "eu-middle-7" }),
            [["unverified", "eu-middle-7", "correct the value"]],
        ],
        [
            "an Azure China region newer than the catalog is in the 21Vianet partition by its name",
            storageAccount("chinanorth9", "Standard_LRS"),
            [
                ["violation", "chinanorth9", "partition azure-china"],
                ["advisory", "chinanorth9"],
            ],
        ],
        [
            "an Alibaba Cloud region nobody knows stays at the policy's level: the vendor is untrusted",
            alicloudBucket("eu-middle-7"),
            [["unverified", "eu-middle-7"]],
        ],
        [
            "a region unknown during preview is checked at `up`",
            s3Bucket({}, { region: unknown() }),
            [["advisory", "not known during preview", "pulumi up"]],
        ],
        ["no region anywhere fails closed", s3Bucket({}, {}), [["unverified", "no region"]]],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

    it("a profile that disables the policy gets none of its findings; the other policies still judge", async () => {
        const off = orgProfile(`enforcement:\n  ${POLICY}: disabled`);
        const euData = s3Bucket({ tags: { "data-residency": "eu" } }, { providerRegion: "cn-north-1" });
        const findings = await judgeResource(euData, { profile: off });
        assertFindings(findings, POLICY, []);
        assert.deepEqual(
            findings.map((f) => f.policy),
            ["clean-guard-data-residency"],
            "EU data in Beijing still breaks data residency",
        );
    });

    it("judges a secret region without naming it", async () => {
        const findings = await judgeResource(s3Bucket({}, { providerRegion: secret("cn-north-1") }));
        assertFindings(findings, POLICY, [["violation", "[secret]", "partition aws-cn"]], ["cn-north-1", "Beijing"]);
    });

    describe("an organisation's own disallowed places", () => {
        // Compiled in each test, not when the file loads: the mutation run credits a profile's compilation only
        // to the tests that ran it (see README, Development).
        const org = () =>
            orgProfile(
                [
                    "disallow:",
                    "  countries: [ru, jp]",
                    "  regions: [{ cloud: aws, region: us-east-1 }, { cloud: '*', region: me-central-1 }, { cloud: azure, region: West Europe }]",
                    "classification:",
                    "  unknownPlaces: mandatory",
                ].join("\n"),
            );
        const cases: Array<[string, NormalisedResource, Expected]> = [
            [
                "a disallowed region of one cloud",
                s3Bucket({}, { providerRegion: "us-east-1" }),
                [["violation", "Placement in region us-east-1 is disallowed by org.yaml"]],
            ],
            ["its neighbour", s3Bucket({}, { providerRegion: "us-east-2" }), []],
            [
                "a disallowed country, written in lower case",
                s3Bucket({}, { providerRegion: "ap-northeast-1" }),
                [["violation", "ap-northeast-1", "Japan (JP)"]],
            ],
            [
                "a region the profile spells as the portal does (West Europe)",
                storageAccount("westeurope", "Standard_LRS"),
                [["violation", "westeurope", "disallowed by org.yaml"]],
            ],
            [
                "the portal spelling names one region, not its neighbours",
                storageAccount("northeurope", "Standard_LRS"),
                [],
            ],
            [
                "a region disallowed on any cloud",
                s3Bucket({}, { providerRegion: "me-central-1" }),
                [["violation", "me-central-1"]],
            ],
            [
                "a region nobody knows, under classification.unknownPlaces: mandatory",
                s3Bucket({}, { providerRegion: "eu-middle-7" }),
                [["unverified", "eu-middle-7", "correct the value"]],
            ],
            [
                "the default's mainland China still applies (extends: default)",
                s3Bucket({}, { provider: china }),
                [["violation", "cn-north-1"]],
            ],
        ];
        for (const [what, r, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r, { profile: org() }), POLICY, expected));
    });
});
