import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { NormalisedResource } from "../../src/model/resource";
import { awsNativeResource, explicitProvider, providerResource, unknown } from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });

describe("aws-native locator", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "bucket in China via the default provider",
            awsNativeResource("aws-native:s3:Bucket", {}, { providerRegion: "cn-north-1" }),
            ["primary cn-north-1 CN"],
        ],
        [
            "the same bucket in Frankfurt",
            awsNativeResource("aws-native:s3:Bucket", {}, { providerRegion: "eu-central-1" }),
            ["primary eu-central-1 DE"],
        ],
        [
            "a `region` property is not a per-resource region in aws-native",
            awsNativeResource("aws-native:s3:Bucket", { region: "cn-north-1" }, { providerRegion: "eu-central-1" }),
            ["primary eu-central-1 DE"],
        ],
        [
            "explicit provider",
            awsNativeResource(
                "aws-native:ec2:Subnet",
                { availabilityZone: "eu-west-1a" },
                { provider: explicitProvider("aws-native", "ie", { region: "eu-west-1" }) },
            ),
            ["primary eu-west-1 IE", "primary eu-west-1a IE [zone]"],
        ],
        [
            "IAM is global control plane",
            awsNativeResource("aws-native:iam:Role", {}, { providerRegion: "cn-north-1" }),
            ["primary global CN [global partition=aws-cn control-plane]"],
        ],
        [
            "CloudFront distribution is edge",
            awsNativeResource("aws-native:cloudfront:Distribution", {}, { providerRegion: "us-east-1" }),
            ["primary global ? [global partition=aws]"],
        ],
        [
            "the provider resource",
            providerResource("aws-native", "cn", { region: "cn-northwest-1" }),
            ["primary cn-northwest-1 CN"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(locationsText(placed(r)), expected));

    it("provider region unknown during preview", () => {
        const r = awsNativeResource(
            "aws-native:s3:Bucket",
            {},
            { provider: explicitProvider("aws-native", "p", { region: unknown() }) },
        );
        assert.deepEqual(undeterminedsText(placed(r)), ["unknown-during-preview location region"]);
    });

    it("no region: missing", () => {
        assert.deepEqual(undeterminedsText(placed(awsNativeResource("aws-native:s3:Bucket", {}))), [
            "missing location region",
        ]);
    });
});
