// Mainland China under the default profile, for every cloud that has regions there, region by region as the
// catalog lists them (src/catalog/data/*.yaml): an untrusted cloud's resource is rejected everywhere by
// clean-guard-untrusted-provider and, in its mainland regions, by clean-guard-disallowed-region too; AWS's and
// Azure's China regions are rejected by the region policy alone. Beside each, a twin that passes.
import { strict as assert } from "node:assert";
import type { CloudId } from "../../src/catalog/types";
import type { NormalisedResource } from "../../src/model/resource";
import { alicloudResource, cloudResource, s3Bucket, storageAccount } from "../support/builders";
import { assertFindings, catalog, judgeResource } from "./judge";

const PROVIDER = "clean-guard-untrusted-provider";
const REGION = "clean-guard-disallowed-region";

const mainland = (cloud: CloudId) => catalog.regions(cloud).filter((p) => p.country === "CN");
const elsewhere = (cloud: CloudId) => catalog.regions(cloud).filter((p) => p.country !== "CN");

// [cloud, the vendor as messages name it, a storage bucket in a region, as each provider's SDK writes it]
const UNTRUSTED: Array<[CloudId, string, (region: string) => NormalisedResource]> = [
    [
        "alicloud",
        "Alibaba",
        (region) =>
            alicloudResource("alicloud:oss/bucket:Bucket", { bucket: "orders" }, { providerConfig: { region } }),
    ],
    [
        "tencentcloud",
        "Tencent",
        (region) =>
            cloudResource(
                "tencentcloud",
                "1_81_0",
                "tencentcloud:Cos/bucket:Bucket",
                { bucket: "orders-1250000000" },
                { providerConfig: { region } },
            ),
    ],
    [
        "huaweicloud",
        "Huawei",
        (region) =>
            cloudResource("huaweicloud", "1_0_0", "huaweicloud:Obs/bucket:Bucket", { bucket: "orders", region }),
    ],
    [
        // No Pulumi package is published; a bridged provider is named after the Terraform one.
        "baiducloud",
        "Baidu",
        (region) =>
            cloudResource(
                "baiducloud",
                "1_0_0",
                "baiducloud:index/bosBucket:BosBucket",
                { bucket: "orders" },
                { providerConfig: { region } },
            ),
    ],
];

// [cloud, who operates its China regions, a storage bucket in a region, an allowed region for the twin]
const TRUSTED: Array<[CloudId, string, (region: string) => NormalisedResource, string]> = [
    ["aws", "partition aws-cn", (region) => s3Bucket({}, { providerRegion: region }), "eu-west-1"],
    ["azure", "21Vianet", (region) => storageAccount({ location: region }), "westeurope"],
];

describe("mainland China on every cloud", () => {
    for (const [cloud, vendor, bucket] of UNTRUSTED) {
        describe(cloud, () => {
            it("the catalog lists mainland regions for it", () => assert.ok(mainland(cloud).length > 0));

            it("every mainland region: rejected as an untrusted cloud and as a disallowed region", async () => {
                for (const { region } of mainland(cloud)) {
                    const findings = await judgeResource(bucket(region));
                    assertFindings(findings, PROVIDER, [
                        ["violation", `runs on ${vendor}`, `region ${region} (China (CN)`],
                    ]);
                    assertFindings(findings, REGION, [
                        ["violation", `${cloud} region ${region} (China (CN)`, "Placement in China (CN) is disallowed"],
                    ]);
                }
            });

            it("its regions outside the mainland: still an untrusted cloud, but not a disallowed region", async () => {
                assert.ok(elsewhere(cloud).length > 0);
                for (const { region } of elsewhere(cloud)) {
                    const findings = await judgeResource(bucket(region));
                    assertFindings(findings, PROVIDER, [["violation", `runs on ${vendor}`, `region ${region} (`]]);
                    assertFindings(findings, REGION, []);
                }
            });
        });
    }

    for (const [cloud, operator, bucket, allowed] of TRUSTED) {
        describe(cloud, () => {
            it("the catalog lists mainland regions for it", () => assert.ok(mainland(cloud).length > 0));

            it("every mainland region: a disallowed region naming the place and its operator", async () => {
                for (const { region } of mainland(cloud)) {
                    const findings = await judgeResource(bucket(region));
                    assertFindings(findings, REGION, [["violation", `region ${region} (China (CN)`, operator]]);
                    assertFindings(findings, PROVIDER, []);
                }
            });

            it(`the same bucket in ${allowed} passes every policy: the allowed twin of every bucket above`, async () => {
                assert.deepEqual(
                    (await judgeResource(bucket(allowed))).map((f) => f.message),
                    [],
                );
            });
        });
    }
});

// A cloud whose regions the catalog does not list (ByteDance's Volcano Engine, Kingsoft Cloud, a community
// provider): a region named for a mainland province or city is in China whoever runs it; any other name stays a
// place clean-guard cannot name, a warning on unclassified data, never a rejection.
describe("a region of a cloud the catalog does not list, named for a mainland place", () => {
    const volcengine = (region: string) =>
        cloudResource(
            "volcengine",
            "0_0_27",
            "volcengine:tos/bucket:Bucket",
            { bucketName: "orders" },
            {
                providerConfig: { region },
            },
        );
    const ksyun = (region: string) => cloudResource("ksyun", "1_0_0", "ksyun:index/ks3:Ks3", { bucket: "b", region });

    it("is rejected as a disallowed region, naming the word that places it", async () => {
        for (const [r, region, word] of [
            [volcengine("cn-beijing"), "cn-beijing", "beijing"],
            [volcengine("cn-shanghai"), "cn-shanghai", "shanghai"],
            [ksyun("cn-guangzhou-1"), "cn-guangzhou-1", "guangzhou"],
            [ksyun("CN_Beijing_6"), "cn_beijing_6", "beijing"],
        ] as const) {
            assertFindings(await judgeResource(r), REGION, [
                [
                    "violation",
                    `region ${region} (China (CN) by the word '${word}' in its name`,
                    "Placement in China (CN)",
                ],
            ]);
        }
    });

    it("Hong Kong and places outside China are not read as the mainland (a warning: the place is unknown)", async () => {
        for (const r of [volcengine("cn-hongkong"), volcengine("ap-southeast-1"), ksyun("eu-east-1")]) {
            const findings = await judgeResource(r);
            const region = String(r.props.region ?? r.provider?.props.region);
            assertFindings(findings, REGION, [["advisory", "cannot verify", `'${region}'`, "not a block"]]);
        }
    });

    it("no region the catalog lists outside mainland China holds a word that names the mainland", () => {
        for (const cloud of catalog.clouds())
            for (const place of elsewhere(cloud))
                assert.equal(catalog.namedPlace(place.region), undefined, `${cloud} ${place.region}`);
    });

    it("every mainland region the catalog lists by a city's name is named for China", () => {
        const cities = catalog.regions("alicloud").filter((p) => p.country === "CN" && /^cn-[a-z]+$/.test(p.region));
        assert.ok(cities.length > 10);
        for (const place of cities) assert.equal(catalog.namedPlace(place.region)?.country, "CN", place.region);
    });
});
