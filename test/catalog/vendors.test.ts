// Untrusted vendors are recognised by package, ASN, carrier name and image branding; false friends never are.

import assert from "assert";
import { defaultCatalog } from "../../src/catalog";

const catalog = defaultCatalog();

describe("vendors of the Clean Network lists", () => {
    it("lists the eight named vendors and the Chinese AI model vendors, disallowed by default, and ByteDance as opt-in", () => {
        const byDefault = catalog.vendors().map((v) => [v.id, v.defaultDisallowed]);
        assert.deepStrictEqual(byDefault.sort(), [
            ["alibaba", true],
            ["baidu", true],
            ["bytedance", false],
            ["china-mobile", true],
            ["china-telecom", true],
            ["china-unicom", true],
            ["deepseek", true],
            ["huawei", true],
            ["minimax", true],
            ["moonshot", true],
            ["tencent", true],
            ["zhipu", true],
            ["zte", true],
        ]);
    });

    const pillars: Array<[string, string[], string | undefined]> = [
        ["alibaba", ["clean-cloud"], "alicloud"],
        ["baidu", ["clean-cloud"], "baiducloud"],
        ["tencent", ["clean-cloud"], "tencentcloud"],
        ["huawei", ["clean-path"], "huaweicloud"],
        ["zte", ["clean-path"], undefined],
        ["china-mobile", ["clean-cloud", "clean-carrier"], undefined],
        ["china-telecom", ["clean-cloud", "clean-carrier"], undefined],
        ["china-unicom", ["clean-carrier"], undefined],
    ];
    for (const [id, expected, cloud] of pillars) {
        it(`${id}: ${expected.join(", ")}${cloud ? `, cloud ${cloud}` : ""}`, () => {
            const vendor = catalog.vendor(id);
            assert.deepStrictEqual([vendor?.pillars, vendor?.cloud], [expected, cloud]);
        });
    }

    it("an unknown vendor id is unknown", () => assert.strictEqual(catalog.vendor("acme"), undefined));
});

describe("vendorOfPackage", () => {
    const cases: Array<[string, string | undefined]> = [
        ["alicloud", "alibaba"],
        ["@pulumi/alicloud", "alibaba"],
        ["alicloud:oss/bucket:Bucket", "alibaba"],
        ["pulumi:providers:alicloud", "alibaba"],
        ["aliyun/alicloud", "alibaba"],
        ["registry.terraform.io/aliyun/alicloud", "alibaba"],
        ["tencentcloud", "tencent"],
        ["@tencentcloud_iac/pulumi", "tencent"],
        ["tencentcloud:Cos/bucket:Bucket", "tencent"],
        ["tencentcloudstack/tencentcloud", "tencent"],
        ["huaweicloud", "huawei"],
        ["@huaweicloudos/pulumi", "huawei"],
        ["@huaweicloudos/huaweicloud", "huawei"],
        ["huaweicloud:Obs/bucket:Bucket", "huawei"],
        ["baidubce/baiducloud", "baidu"],
        ["ctyun-it/ctyun", "china-telecom"],
        ["volcengine", "bytedance"],
        ["@volcengine/pulumi", "bytedance"],
        ["aws", undefined],
        ["aws:s3/bucket:Bucket", undefined],
        ["pulumi:providers:aws", undefined],
        ["ecloud", undefined],
        ["ukfast/ecloud", undefined],
        ["ctcloud", undefined],
        ["alibaba-report", undefined],
        // Terraform registry addresses are case-insensitive, and sources are often written as the GitHub
        // organisation spells itself.
        ["TencentCloudStack/tencentcloud", "tencent"],
        ["registry.terraform.io/Aliyun/AliCloud", "alibaba"],
        ["Registry.Terraform.io/huaweicloud/HuaweiCloud", "huawei"],
        ["BaiduBce/BaiduCloud", "baidu"],
    ];
    for (const [pkg, vendor] of cases) {
        it(`${pkg} -> ${vendor ?? "no vendor"}`, () =>
            assert.strictEqual(catalog.vendorOfPackage(pkg)?.vendor.id, vendor));
    }
});

describe("carrierOfAsn", () => {
    const cases: Array<[number, string | undefined]> = [
        [4134, "china-telecom"],
        [4809, "china-telecom"],
        [23764, "china-telecom"],
        [58519, "china-telecom"],
        [4837, "china-unicom"],
        [9929, "china-unicom"],
        [10099, "china-unicom"],
        [9808, "china-mobile"],
        [58453, "china-mobile"],
        [45102, "alibaba"],
        [45090, "tencent"],
        [136907, "huawei"],
        [38365, "baidu"],
        [16509, undefined],
        [8075, undefined],
    ];
    for (const [asn, vendor] of cases) {
        it(`AS${asn} -> ${vendor ?? "no vendor"}`, () =>
            assert.strictEqual(catalog.carrierOfAsn(asn)?.vendor.id, vendor));
    }
});

describe("carrierOfName", () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
        ["China Telecom Americas", "china-telecom", "China Telecom Americas"],
        ["CHINA TELECOM (AMERICAS) CORP", "china-telecom", "China Telecom"],
        ["china-unicom-americas", "china-unicom", "China Unicom Americas"],
        ["China Mobile International Ltd", "china-mobile", "China Mobile International"],
        ["CTGNet", "china-telecom", "CTGNet"],
        ["Equinix", undefined, undefined],
        ["Megaport", undefined, undefined],
        ["eCloud (UKFast)", undefined, undefined],
        ["CTCLOUD", undefined, undefined],
        ["Not China Telecommunications Ltd", undefined, undefined],
    ];
    for (const [name, vendor, matched] of cases) {
        it(`${JSON.stringify(name)} -> ${vendor ?? "no carrier"}`, () => {
            const match = catalog.carrierOfName(name);
            assert.deepStrictEqual([match?.vendor.id, match?.matched], [vendor, matched]);
        });
    }
});

describe("vendorOfImageText", () => {
    const cases: Array<[string, string | undefined]> = [
        ["Huawei Cloud EulerOS 2.0 Standard 64 bit", "huawei"],
        ["EulerOS_2.0_SP5", "huawei"],
        ["aliyun_3_x64_20G_alibase_20230727.vhd Alibaba Cloud Linux 3", "alibaba"],
        ["alibaba_cloud_linux_3_x64", "alibaba"],
        ["Aliyun Linux 2.1903 LTS", "alibaba"],
        ["TencentOS Server 3.1 (TK4)", "tencent"],
        ["OpenCloudOS 8.6", "tencent"],
        ["openEuler 22.03 LTS", undefined],
        ["amzn2-ami-hvm-2.0.20240131-x86_64-gp2", undefined],
        ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server", undefined],
        ["alibaba-report", undefined],
        ["MyEulerOSX build", undefined],
    ];
    for (const [text, vendor] of cases) {
        it(`${JSON.stringify(text)} -> ${vendor ?? "no vendor"}`, () =>
            assert.strictEqual(catalog.vendorOfImageText(text)?.vendor.id, vendor));
    }
});

describe("false friends are recorded and never flagged", () => {
    it("records ecloud (UKFast) and ctcloud (SberCloud) with their owners", () => {
        const owners = (catalog.facts?.() ?? [])
            .filter((f) => f.kind === "false-friend")
            .map((f) => [f.value, f.owner]);
        assert.ok(
            owners.some(([v, o]) => v === "ecloud" && /UKFast/.test(o ?? "")),
            JSON.stringify(owners),
        );
        assert.ok(
            owners.some(([v, o]) => v === "ctcloud" && /SberCloud/.test(o ?? "")),
            JSON.stringify(owners),
        );
    });

    for (const word of [
        "ecloud",
        "ukfast/ecloud",
        "ctcloud",
        "ctcloud-sdk-go",
        "alibaba",
        "alibaba-report",
        "tencent",
    ]) {
        it(`${word} matches no lookup`, () => {
            assert.deepStrictEqual(
                [
                    catalog.vendorOfPackage(word),
                    catalog.vendorOfHost(word),
                    catalog.vendorOfRegistry(word),
                    catalog.carrierOfName(word),
                    catalog.vendorOfImageText(word),
                ],
                [undefined, undefined, undefined, undefined, undefined],
            );
        });
    }
});
