import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { NormalisedResource } from "../../src/model/resource";
import {
    alicloudResource,
    cloudResource,
    explicitProvider,
    providerResource,
    resource,
    unknown,
} from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const ossBucket = (opts = {}) => alicloudResource("alicloud:oss/bucket:Bucket", { bucket: "orders" }, opts);

describe("untrusted-cloud locator", () => {
    const cases: Array<[string, NormalisedResource, string, string[], string[]]> = [
        [
            "OSS bucket in Frankfurt via the default provider (stack config alicloud:region)",
            ossBucket({ providerConfig: { region: "eu-central-1" } }),
            "alibaba",
            ["primary eu-central-1 DE"],
            [],
        ],
        [
            "the same bucket through an explicit provider in Hangzhou",
            ossBucket({ provider: explicitProvider("alicloud", "hz", { region: "cn-hangzhou" }) }),
            "alibaba",
            ["primary cn-hangzhou CN"],
            [],
        ],
        [
            "vSwitch in a zone: the zone names its region",
            alicloudResource(
                "alicloud:vpc/switch:Switch",
                { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", zoneId: "cn-hangzhou-h" },
                { providerConfig: { region: "cn-hangzhou" } },
            ),
            "alibaba",
            ["primary cn-hangzhou-h CN [zone]"],
            [],
        ],
        [
            "provider region unknown during preview",
            ossBucket({ providerConfig: { region: unknown() } }),
            "alibaba",
            [],
            ["unknown-during-preview location provider.region"],
        ],
        [
            "no region anywhere (an environment variable may set it)",
            ossBucket(),
            "alibaba",
            [],
            ["missing location provider.region"],
        ],
        [
            "a region the catalog does not know",
            ossBucket({ providerConfig: { region: "xx-nowhere-9" } }),
            "alibaba",
            ["primary xx-nowhere-9 ?"],
            ["unrecognised location provider.region"],
        ],
        [
            "the provider instance itself",
            providerResource("alicloud", "fra", { region: "eu-central-1" }),
            "alibaba",
            ["primary eu-central-1 DE"],
            [],
        ],
        [
            "a resource of another package run through an Alibaba provider",
            resource(
                "shop:index:Storage",
                "s",
                {},
                { provider: explicitProvider("alicloud", "hz", { region: "cn-shanghai" }) },
            ),
            "alibaba",
            ["primary cn-shanghai CN"],
            [],
        ],
        [
            "Volcano Engine: a vendor without a region catalogue, in a region named for Beijing",
            cloudResource(
                "volcengine",
                "0_0_27",
                "volcengine:tos/bucket:Bucket",
                { bucketName: "b" },
                { providerConfig: { region: "cn-beijing" } },
            ),
            "bytedance",
            ["primary cn-beijing CN"],
            [],
        ],
        [
            "Volcano Engine in Hong Kong: no word of the name places it, so it is unrecognised",
            cloudResource(
                "volcengine",
                "0_0_27",
                "volcengine:tos/bucket:Bucket",
                { bucketName: "b" },
                { providerConfig: { region: "cn-hongkong" } },
            ),
            "bytedance",
            [],
            ["unrecognised location provider.region"],
        ],
    ];
    for (const [what, r, vendor, locations, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.equal(p.vendor, vendor);
            assert.deepEqual(locationsText(p), locations);
            assert.deepEqual(undeterminedsText(p), undetermined);
        });
    }

    it("messages can name the vendor's cloud and city", () => {
        const p = placed(ossBucket({ providerConfig: { region: "eu-central-1" } }));
        assert.equal(p.cloud, "alicloud");
        assert.equal(p.locations[0].place?.displayName, "Germany (Frankfurt)");
        assert.equal(p.locations[0].via, "region of the default alicloud provider (stack config)");
    });
});
