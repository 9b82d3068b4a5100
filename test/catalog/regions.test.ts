// Every region the reference lists resolves to the right country. The tables are copied from
// /work/shared/reference/residency-research.md (B1-B3), not read from the catalog.

import assert from "assert";
import { defaultCatalog, type CloudId } from "../../src/catalog";
import { euMembers } from "./reference-tables";

const catalog = defaultCatalog();

/** country -> regions, as the reference groups them. */
type Table = Record<string, string[]>;

const aws: Table = {
    US: [
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "aws-global",
        "us-gov-east-1",
        "us-gov-west-1",
        "us-iso-east-1",
        "us-iso-west-1",
        "us-isob-east-1",
        "us-isof-east-1",
        "us-isof-south-1",
    ],
    CA: ["ca-central-1", "ca-west-1"],
    MX: ["mx-central-1"],
    BR: ["sa-east-1"],
    IE: ["eu-west-1"],
    GB: ["eu-west-2", "eu-isoe-west-1"],
    FR: ["eu-west-3"],
    DE: ["eu-central-1", "eusc-de-east-1"],
    CH: ["eu-central-2"],
    SE: ["eu-north-1"],
    IT: ["eu-south-1"],
    ES: ["eu-south-2"],
    IL: ["il-central-1"],
    BH: ["me-south-1"],
    AE: ["me-central-1"],
    ZA: ["af-south-1"],
    HK: ["ap-east-1"],
    TW: ["ap-east-2"],
    JP: ["ap-northeast-1", "ap-northeast-3"],
    KR: ["ap-northeast-2"],
    IN: ["ap-south-1", "ap-south-2"],
    SG: ["ap-southeast-1"],
    AU: ["ap-southeast-2", "ap-southeast-4"],
    ID: ["ap-southeast-3"],
    MY: ["ap-southeast-5"],
    NZ: ["ap-southeast-6"],
    TH: ["ap-southeast-7"],
    CN: ["cn-north-1", "cn-northwest-1"],
};

const azure: Table = {
    US: [
        "eastus",
        "eastus2",
        "centralus",
        "northcentralus",
        "southcentralus",
        "westus",
        "westus2",
        "westus3",
        "westcentralus",
        "usgovvirginia",
        "usgovtexas",
        "usgovarizona",
        "usdodeast",
        "usdodcentral",
    ],
    CA: ["canadacentral", "canadaeast"],
    MX: ["mexicocentral"],
    BR: ["brazilsouth", "brazilsoutheast"],
    CL: ["chilecentral"],
    IE: ["northeurope"],
    NL: ["westeurope"],
    GB: ["uksouth", "ukwest"],
    FR: ["francecentral", "francesouth"],
    DE: ["germanywestcentral", "germanynorth", "germanycentral", "germanynortheast"],
    CH: ["switzerlandnorth", "switzerlandwest"],
    NO: ["norwayeast", "norwaywest"],
    SE: ["swedencentral", "swedensouth"],
    AT: ["austriaeast"],
    BE: ["belgiumcentral"],
    IT: ["italynorth"],
    PL: ["polandcentral"],
    ES: ["spaincentral"],
    IL: ["israelcentral"],
    QA: ["qatarcentral"],
    AE: ["uaenorth", "uaecentral"],
    ZA: ["southafricanorth", "southafricawest"],
    IN: ["centralindia", "southindia", "westindia", "jioindiawest", "jioindiacentral"],
    HK: ["eastasia"],
    SG: ["southeastasia"],
    JP: ["japaneast", "japanwest"],
    KR: ["koreacentral", "koreasouth"],
    AU: ["australiaeast", "australiasoutheast", "australiacentral", "australiacentral2"],
    ID: ["indonesiacentral"],
    MY: ["malaysiawest"],
    NZ: ["newzealandnorth"],
    CN: ["chinaeast", "chinanorth", "chinaeast2", "chinanorth2", "chinaeast3", "chinanorth3"],
};

const gcp: Table = {
    US: [
        "us-central1",
        "us-east1",
        "us-east4",
        "us-east5",
        "us-south1",
        "us-west1",
        "us-west2",
        "us-west3",
        "us-west4",
    ],
    CA: ["northamerica-northeast1", "northamerica-northeast2"],
    MX: ["northamerica-south1"],
    BR: ["southamerica-east1"],
    CL: ["southamerica-west1"],
    ZA: ["africa-south1"],
    BE: ["europe-west1"],
    GB: ["europe-west2"],
    DE: ["europe-west3", "europe-west10"],
    NL: ["europe-west4"],
    CH: ["europe-west6"],
    IT: ["europe-west8", "europe-west12"],
    FR: ["europe-west9"],
    PL: ["europe-central2"],
    FI: ["europe-north1"],
    SE: ["europe-north2"],
    ES: ["europe-southwest1"],
    QA: ["me-central1"],
    SA: ["me-central2"],
    IL: ["me-west1"],
    TW: ["asia-east1"],
    HK: ["asia-east2"],
    JP: ["asia-northeast1", "asia-northeast2"],
    KR: ["asia-northeast3"],
    IN: ["asia-south1", "asia-south2"],
    SG: ["asia-southeast1"],
    ID: ["asia-southeast2"],
    TH: ["asia-southeast3"],
    AU: ["australia-southeast1", "australia-southeast2"],
};

const tables: Array<[CloudId, Table]> = [
    ["aws", aws],
    ["azure", azure],
    ["gcp", gcp],
];

for (const [cloud, table] of tables) {
    describe(`${cloud} regions resolve to their country`, () => {
        for (const [country, regions] of Object.entries(table)) {
            it(`${country}: ${regions.join(", ")}`, () => {
                assert.deepStrictEqual(
                    regions.map((r) => [r, catalog.region(cloud, r)?.country]),
                    regions.map((r) => [r, country]),
                );
            });
        }
    });
}

describe("sovereign partitions and operators", () => {
    const cases: Array<[CloudId, string, string, string | undefined]> = [
        ["aws", "cn-north-1", "aws-cn", "Beijing Sinnet Technology Co., Ltd."],
        ["aws", "cn-northwest-1", "aws-cn", "Ningxia Western Cloud Data Technology Co., Ltd. (NWCD)"],
        ["aws", "us-gov-west-1", "aws-us-gov", undefined],
        ["aws", "eusc-de-east-1", "aws-eusc", undefined],
        ["aws", "us-iso-east-1", "aws-iso", undefined],
        ["aws", "us-isob-east-1", "aws-iso-b", undefined],
        ["aws", "eu-isoe-west-1", "aws-iso-e", undefined],
        ["aws", "us-isof-south-1", "aws-iso-f", undefined],
        ["aws", "eu-west-1", "aws", undefined],
        ["azure", "chinanorth3", "azure-china", "21Vianet"],
        ["azure", "usgovarizona", "azure-us-gov", undefined],
        ["azure", "westeurope", "azure", undefined],
    ];
    for (const [cloud, region, partition, operator] of cases) {
        it(`${cloud} ${region}: partition ${partition}, operator ${operator ?? "the cloud itself"}`, () => {
            const place = catalog.region(cloud, region);
            assert.deepStrictEqual([place?.partition, place?.operator], [partition, operator]);
        });
    }
});

describe("names are matched in any spelling, and only as names", () => {
    const cases: Array<[string, CloudId, string, string | undefined]> = [
        ["Azure display name", "azure", "West Europe", "westeurope"],
        ["Azure display name, odd case and spaces", "azure", "  west   EUROPE ", "westeurope"],
        ["Azure programmatic name", "azure", "westeurope", "westeurope"],
        ["upper-case AWS region", "aws", "US-EAST-1", "us-east-1"],
        ["upper-case GCP region", "gcp", "EUROPE-WEST4", "europe-west4"],
        ["Azure logical location 'global' is not a region", "azure", "global", undefined],
        ["Azure geography 'europe' is not a region", "azure", "europe", undefined],
        ["Azure geography 'unitedstates' is not a region", "azure", "unitedstates", undefined],
        ["Azure geography 'asia' is not a region", "azure", "asia", undefined],
        ["GCP 'global' is not a region", "gcp", "global", undefined],
        ["a GCP region whose place is not published", "gcp", "us-central2", undefined],
        ["an AWS region on the wrong cloud", "azure", "us-east-1", undefined],
        ["nonsense", "aws", "moon-base-1", undefined],
        ["a GCP city is a description, not a location", "gcp", "London", undefined],
        ["an AWS description is not a location", "aws", "Europe (Ireland)", undefined],
    ];
    for (const [what, cloud, name, region] of cases) {
        it(`${what}: ${JSON.stringify(name)} -> ${region ?? "unknown"}`, () => {
            assert.strictEqual(catalog.region(cloud, name)?.region, region);
        });
    }

    it("logical locations are known as such, so callers can say 'global' rather than 'unknown'", () => {
        assert.deepStrictEqual(
            ["global", "europe", "westeurope"].map((n) => catalog.isLogicalLocation?.("azure", n)),
            [true, true, false],
        );
    });

    it("a region name several clouds use is reported with all of them", () => {
        assert.deepStrictEqual(catalog.cloudsWithRegion("eu-central-1").sort(), ["alicloud", "aws"]);
        assert.deepStrictEqual(catalog.cloudsWithRegion("westeurope"), ["azure"]);
        assert.deepStrictEqual(catalog.cloudsWithRegion("atlantis-1"), []);
        assert.deepStrictEqual(catalog.cloudsWithRegion("Paris"), []);
        assert.deepStrictEqual(catalog.cloudsWithRegion("West Europe"), ["azure"]);
    });
});

describe("Azure region pairs", () => {
    const cases: Array<[string, string, boolean, string]> = [
        ["eastus", "westus", false, "same country"],
        ["westus", "eastus", false, "same country"],
        ["westus3", "eastus", true, "one-way: eastus pairs with westus"],
        ["brazilsouth", "southcentralus", true, "one-way and across the border BR -> US"],
        ["westindia", "southindia", true, "one-way: southindia pairs with centralindia"],
        ["southindia", "centralindia", false, "same country"],
        ["northeurope", "westeurope", false, "across the border IE -> NL, inside the EU"],
        ["West Europe", "northeurope", false, "display name accepted"],
        ["eastasia", "southeastasia", false, "across the border HK -> SG"],
        ["southeastasia", "eastasia", false, "across the border SG -> HK"],
        ["chinaeast2", "chinanorth2", false, "Azure China"],
        ["usgovarizona", "usgovtexas", true, "Azure Government, one-way"],
    ];
    for (const [region, pair, oneWay, why] of cases) {
        it(`${region} -> ${pair} (${why})`, () => {
            assert.deepStrictEqual(catalog.azurePair(region), { region: pair, oneWay });
        });
    }

    it("cross-border pairs really cross a border", () => {
        const country = (r: string) => catalog.region("azure", r)?.country;
        assert.deepStrictEqual(
            [
                ["brazilsouth", "southcentralus"],
                ["eastasia", "southeastasia"],
                ["northeurope", "westeurope"],
            ].map(([a, b]) => [country(a), country(b)]),
            [
                ["BR", "US"],
                ["HK", "SG"],
                ["IE", "NL"],
            ],
        );
    });

    it("regions without a pair, and unknown regions, have none", () => {
        assert.deepStrictEqual(
            ["mexicocentral", "italynorth", "global", "atlantis"].map((r) => catalog.azurePair(r)),
            [undefined, undefined, undefined, undefined],
        );
    });
});

describe("GCP multi-regions and dual-regions", () => {
    const cases: Array<[string, string, "multi-region" | "dual-region", string[], string[]]> = [
        ["US", "us", "multi-region", [], ["US"]],
        ["EU", "eu", "multi-region", [], euMembers],
        ["asia", "asia", "multi-region", [], ["HK", "ID", "IN", "JP", "KR", "SG", "TH", "TW"]],
        ["ASIA1", "asia1", "dual-region", ["asia-northeast1", "asia-northeast2"], ["JP"]],
        [
            "EUR4 (metadata may be in europe-west1, Belgium)",
            "eur4",
            "dual-region",
            ["europe-north1", "europe-west4"],
            ["BE", "FI", "NL"],
        ],
        ["NAM4 (metadata in Tulsa)", "nam4", "dual-region", ["us-central1", "us-east1"], ["US"]],
    ];
    for (const [written, name, kind, regions, countries] of cases) {
        it(`${written}: ${countries.join(", ")}`, () => {
            const found = catalog.multiRegion("gcp", written.split(" ")[0]);
            assert.deepStrictEqual(found && { ...found, countries: [...found.countries].sort() }, {
                cloud: "gcp",
                name,
                kind,
                regions,
                countries,
            });
        });
    }

    it("unverified dual-regions (EUR5, EUR7, EUR8) and regions are not multi-regions", () => {
        assert.deepStrictEqual(
            ["EUR5", "EUR7", "EUR8", "europe-west4", "global"].map((n) => catalog.multiRegion("gcp", n)),
            [undefined, undefined, undefined, undefined, undefined],
        );
    });
});

describe("zones name their region", () => {
    const cases: Array<[CloudId, string, string | undefined]> = [
        ["aws", "us-east-1a", "us-east-1"],
        ["aws", "EU-WEST-1C", "eu-west-1"],
        ["aws", "us-gov-west-1b", "us-gov-west-1"],
        ["aws", "cn-northwest-1a", "cn-northwest-1"],
        ["aws", "us-east-1-bos-1a", "us-east-1"],
        ["aws", "us-west-2-lax-1b", "us-west-2"],
        ["aws", "us-east-1-wl1-bos-wlz-1", "us-east-1"],
        ["aws", "us-east-1", undefined],
        ["aws", "moon-east-1a", undefined],
        ["gcp", "europe-west4-b", "europe-west4"],
        ["gcp", "us-central1-f", "us-central1"],
        ["gcp", "europe-west4", undefined],
        ["alicloud", "cn-hangzhou-h", "cn-hangzhou"],
        ["alicloud", "ap-southeast-1a", "ap-southeast-1"],
        ["alicloud", "eu-central-1b", "eu-central-1"],
        ["tencentcloud", "ap-guangzhou-3", "ap-guangzhou"],
        ["huaweicloud", "cn-north-4a", "cn-north-4"],
        ["azure", "westeurope-1", undefined],
    ];
    for (const [cloud, zone, region] of cases) {
        it(`${cloud} ${zone} -> ${region ?? "unknown"}`, () => {
            assert.strictEqual(catalog.zoneRegion(cloud, zone)?.region, region);
        });
    }
});

describe("untrusted clouds run regions in allowed countries too", () => {
    const cases: Array<[CloudId, string, string]> = [
        ["alicloud", "eu-central-1", "DE"],
        ["alicloud", "eu-west-1", "GB"],
        ["alicloud", "us-east-1", "US"],
        ["alicloud", "me-east-1", "AE"],
        ["alicloud", "me-central-1", "SA"],
        ["alicloud", "cn-hangzhou", "CN"],
        ["tencentcloud", "eu-frankfurt", "DE"],
        ["tencentcloud", "na-siliconvalley", "US"],
        ["tencentcloud", "ap-hongkong", "HK"],
        ["huaweicloud", "eu-west-101", "IE"],
        ["huaweicloud", "eu-west-0", "FR"],
        ["huaweicloud", "ap-southeast-1", "HK"],
        ["huaweicloud", "ap-southeast-3", "SG"],
        ["baiducloud", "bj", "CN"],
        ["baiducloud", "hkg", "HK"],
    ];
    for (const [cloud, region, country] of cases) {
        it(`${cloud} ${region} is in ${country}`, () =>
            assert.strictEqual(catalog.region(cloud, region)?.country, country));
    }

    it("unsourced regions stay unknown", () => {
        assert.deepStrictEqual(
            [catalog.region("huaweicloud", "ap-southeast-5"), catalog.region("huaweicloud", "af-north-1")],
            [undefined, undefined],
        );
    });
});
