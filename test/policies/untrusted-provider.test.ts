// clean-guard-untrusted-provider as a user reads it: what ran on the untrusted cloud (a resource, a provider
// instance, or any resource managed through one), which vendor and Clean Network line it breaks, and where it
// runs; a vendor the profile does not disallow is never named.

import type { NormalisedResource } from "../../src/model/resource";
import {
    alicloudResource,
    cloudResource,
    explicitProvider,
    providerResource,
    resource,
    s3Bucket,
} from "../support/builders";
import { assertFindings, judgeResource, orgProfile, type Expected } from "./judge";

const POLICY = "clean-guard-untrusted-provider";
const ALIBABA = "Alibaba Group (Alibaba Cloud, Aliyun) is an untrusted vendor (Clean Network: clean-cloud)";

/** A Volcano Engine bucket (ByteDance's cloud: catalogued, allowed by default). */
const volcengineBucket = cloudResource("volcengine", "0_0_30", "volcengine:tos/bucket:Bucket", {
    bucketName: "orders",
});

describe("clean-guard-untrusted-provider", () => {
    const cases: Array<[string, NormalisedResource, Expected, string[]]> = [
        [
            "an Alibaba bucket in Frankfurt: the resource, the cloud, the rule and the region it runs in",
            alicloudResource(
                "alicloud:oss/bucket:Bucket",
                { bucket: "orders" },
                { providerConfig: { region: "eu-central-1" } },
            ),
            [
                [
                    "violation",
                    "alicloud:oss/bucket:Bucket 'bucket': resource of package 'alicloud' runs on Alibaba Group",
                    ", alicloud region eu-central-1 (Germany (DE))",
                    `${ALIBABA} disallowed by the built-in default profile`,
                    "Fix: Provision the resource with a trusted cloud's provider",
                ],
            ],
            ["through provider"],
        ],
        [
            "an Alibaba bucket with no region anywhere: still rejected, with no place named",
            alicloudResource("alicloud:oss/bucket:Bucket", { bucket: "orders" }),
            [["violation", "runs on Alibaba Group (Alibaba Cloud, Aliyun). Alibaba Group"]],
            ["alicloud region"],
        ],
        [
            "an explicit alicloud provider instance: named as a provider instance, not a resource",
            providerResource("alicloud", "frankfurt", { region: "eu-central-1" }),
            [
                [
                    "violation",
                    "pulumi:providers:alicloud 'frankfurt': provider instance of package 'alicloud' runs on Alibaba",
                    "alicloud region eu-central-1 (Germany (DE)) from the provider's input 'region'",
                ],
            ],
            ["through provider"],
        ],
        [
            "a component managed through an alicloud provider instance: the provider it runs through is named",
            resource(
                "my:component:Thing",
                "thing",
                {},
                { provider: explicitProvider("alicloud", "ali", { region: "eu-central-1" }) },
            ),
            [
                [
                    "violation",
                    "resource of package 'my' runs on Alibaba Group (Alibaba Cloud, Aliyun) through provider 'ali', alicloud region",
                ],
            ],
            [],
        ],
        [
            "China Telecom's cloud: a vendor on two Clean Network lines names both",
            cloudResource("ctyun", "1_0_0", "ctyun:index/ecs:Ecs", { instanceName: "app" }),
            [["violation", "runs on China Telecom (CTyun)", "(Clean Network: clean-cloud, clean-carrier)"]],
            [],
        ],
        [
            "Huawei Cloud: named by its Clean Network line, Clean Path",
            cloudResource("huaweicloud", "1_0_0", "huaweicloud:Obs/bucket:Bucket", {
                bucket: "orders",
                region: "eu-west-101",
            }),
            [
                [
                    "violation",
                    "Huawei (Huawei Cloud) is an untrusted vendor (Clean Network: clean-path)",
                    "(Ireland (IE))",
                ],
            ],
            [],
        ],
        ["an AWS bucket in Ireland: no untrusted vendor", s3Bucket({}, { providerRegion: "eu-west-1" }), [], []],
        ["ByteDance's Volcano Engine under the default profile: catalogued, not disallowed", volcengineBucket, [], []],
    ];
    for (const [what, r, expected, never] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected, never));

    it("ByteDance disallowed by an organisation's profile: rejected, the profile named as the source", async () => {
        const profile = orgProfile("disallow:\n  vendors: [bytedance]");
        assertFindings(await judgeResource(volcengineBucket, { profile }), POLICY, [
            [
                "violation",
                "runs on ByteDance (Volcano Engine)",
                // On no Clean Network list: the rule still says why it is rejected.
                "ByteDance (Volcano Engine) is an untrusted vendor (Clean Network: untrusted) disallowed by org.yaml",
            ],
        ]);
    });

    it("a vendor written as an organisation spells it (`Alibaba`, with `extends: none`) is still disallowed", async () => {
        const profile = orgProfile("extends: none\ndisallow:\n  vendors: [Alibaba]");
        const bucket = alicloudResource(
            "alicloud:oss/bucket:Bucket",
            { bucket: "orders" },
            { providerConfig: { region: "eu-central-1" } },
        );
        assertFindings(await judgeResource(bucket, { profile }), POLICY, [
            ["violation", "runs on Alibaba Group (Alibaba Cloud, Aliyun)", "disallowed by org.yaml"],
        ]);
    });
});
