import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import {
    awsNativeResource,
    awsResource,
    explicitProvider,
    type AwsOptions,
    providerResource,
    resource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });

const china = explicitProvider("aws", "china", { region: "cn-north-1" });
const ireland = explicitProvider("aws", "ireland", { region: "eu-west-1" });

describe("aws locator: primary location", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "bucket in China via the default provider",
            s3Bucket({}, { providerRegion: "cn-north-1" }),
            ["primary cn-north-1 CN"],
        ],
        ["the same bucket in Ireland", s3Bucket({}, { providerRegion: "eu-west-1" }), ["primary eu-west-1 IE"]],
        ["bucket via an explicit China provider", s3Bucket({}, { provider: china }), ["primary cn-north-1 CN"]],
        [
            "own region input beats the provider's",
            s3Bucket({}, { provider: china, region: "eu-central-1" }),
            ["primary eu-central-1 DE"],
        ],
        [
            "own region in China beats an Irish provider",
            s3Bucket({}, { provider: ireland, region: "cn-northwest-1" }),
            ["primary cn-northwest-1 CN"],
        ],
        ["GovCloud", s3Bucket({}, { providerRegion: "us-gov-west-1" }), ["primary us-gov-west-1 US"]],
        [
            "the provider resource itself",
            providerResource("aws", "china", { region: "cn-north-1" }),
            ["primary cn-north-1 CN"],
        ],
        [
            "a region the catalog does not know is kept, not passed",
            s3Bucket({}, { providerRegion: "mars-north-1" }),
            ["primary mars-north-1 ?"],
        ],
        ["no region anywhere: nothing placed", s3Bucket({}, {}), []],
        [
            "an aws component (no provider) has no location",
            resource("aws:lambda:EventSubscription", "onUpload", {}),
            [],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(locationsText(placed(r)), expected));

    it("names the provider in `via`", () => {
        assert.equal(placed(s3Bucket({}, { provider: china })).locations[0].via, "provider 'china'");
        assert.equal(
            placed(s3Bucket({}, { providerRegion: "eu-west-1" })).locations[0].via,
            "the default aws provider (stack config)",
        );
        assert.equal(placed(s3Bucket({}, { provider: china, region: "eu-west-1" })).locations[0].via, "input 'region'");
    });

    it("keeps the partition of the region", () => {
        assert.equal(placed(s3Bucket({}, { provider: china })).locations[0].place?.partition, "aws-cn");
    });
});

describe("aws locator: what it cannot establish", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "region unknown during preview",
            s3Bucket({}, { region: unknown() }),
            ["unknown-during-preview location region"],
        ],
        [
            "provider region unknown during preview",
            s3Bucket({}, { provider: explicitProvider("aws", "p", { region: unknown() }) }),
            ["unknown-during-preview location region"],
        ],
        [
            "region is a secret ciphertext",
            s3Bucket({}, { providerRegion: secret() }),
            ["secret-ciphertext location region"],
        ],
        ["no region anywhere", s3Bucket({}, {}), ["missing location region"]],
        ["provider resource without region", providerResource("aws", "bare", {}), ["missing location region"]],
        ["unknown region name", s3Bucket({}, { providerRegion: "mars-north-1" }), ["unrecognised location region"]],
        ["a component is not 'missing'", resource("aws:lambda:EventSubscription", "onUpload", {}), []],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(undeterminedsText(placed(r)), expected));

    it("an unknown region is advisory: `up` will know it", () => {
        assert.equal(placed(s3Bucket({}, { region: unknown() })).undetermined[0].advisory, true);
    });

    it("a secret region is placed but flagged, and its name stays out of the detail", () => {
        const p = placed(s3Bucket({}, { providerRegion: secret("mars-north-1") }));
        assert.equal(p.locations[0].secret, true);
        assert.ok(!p.undetermined[0].detail.includes("mars-north-1"), p.undetermined[0].detail);
    });
});

describe("aws locator: zones", () => {
    const subnet = (zone: Record<string, string>, region = "us-east-1") =>
        awsResource(
            "aws:ec2/subnet:Subnet",
            { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", ...zone },
            { providerRegion: region },
        );

    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "availability zone by name",
            subnet({ availabilityZone: "eu-west-1b" }, "eu-west-1"),
            ["primary eu-west-1 IE", "primary eu-west-1b IE [zone]"],
        ],
        [
            "local zone",
            subnet({ availabilityZone: "us-east-1-bos-1a" }),
            ["primary us-east-1 US", "primary us-east-1-bos-1a US [zone]"],
        ],
        [
            "RDS cluster zones",
            awsResource(
                "aws:rds/cluster:Cluster",
                { engine: "aurora-postgresql", availabilityZones: ["cn-north-1a", "cn-north-1b"] },
                { provider: china },
            ),
            ["primary cn-north-1 CN", "primary cn-north-1a CN [zone]", "primary cn-north-1b CN [zone]"],
        ],
        [
            "zone id: placed by region only, until EC2 says which zone",
            subnet({ availabilityZoneId: "use1-az1" }),
            ["primary us-east-1 US"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(locationsText(placed(r)), expected));

    it("records a zone id for the EC2 lookup, in the resource's region, not as a failed lookup", () => {
        const p = placed(subnet({ availabilityZoneId: "use1-az1" }));
        assert.deepEqual(
            p.zoneLookups?.map((z) => [z.zone, z.region, z.path]),
            [["use1-az1", "us-east-1", "availabilityZoneId"]],
        );
        assert.deepEqual(undeterminedsText(p), []);
    });
});

describe("aws locator: global types", () => {
    const iamRole = (provider = china) => awsResource("aws:iam/role:Role", { assumeRolePolicy: "{}" }, { provider });
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "IAM role in AWS China: control plane of aws-cn",
            iamRole(),
            ["primary global CN [global partition=aws-cn control-plane]"],
        ],
        [
            "IAM role in the commercial partition: not pinned to a country",
            iamRole(ireland),
            ["primary global ? [global partition=aws control-plane]"],
        ],
        [
            "Route 53 record",
            awsResource("aws:route53/record:Record", { zoneId: "Z1", name: "www", type: "A" }, { provider: ireland }),
            ["primary global ? [global partition=aws control-plane]"],
        ],
        [
            "Route 53 Resolver endpoint is regional",
            awsResource(
                "aws:route53/resolverEndpoint:ResolverEndpoint",
                { direction: "INBOUND" },
                { provider: ireland },
            ),
            ["primary eu-west-1 IE"],
        ],
        [
            "CloudFront distribution serves from edges worldwide",
            awsResource("aws:cloudfront/distribution:Distribution", { enabled: true }, { provider: ireland }),
            ["primary global ? [global partition=aws]"],
        ],
        [
            "CloudFront in AWS China serves from China",
            awsResource("aws:cloudfront/distribution:Distribution", { enabled: true }, { provider: china }),
            ["primary global CN [global partition=aws-cn]"],
        ],
        [
            "CloudFront cache policy is configuration",
            awsResource("aws:cloudfront/cachePolicy:CachePolicy", { name: "c" }, { provider: ireland }),
            ["primary global ? [global partition=aws control-plane]"],
        ],
        [
            "Global Accelerator",
            awsResource("aws:globalaccelerator/accelerator:Accelerator", { name: "a" }, { provider: ireland }),
            ["primary global ? [global partition=aws]"],
        ],
        [
            "Global Accelerator endpoint group in China",
            awsResource(
                "aws:globalaccelerator/endpointGroup:EndpointGroup",
                { listenerArn: "arn", endpointGroupRegion: "cn-north-1" },
                { provider: ireland },
            ),
            ["primary global ? [global partition=aws control-plane]", "member cn-north-1 CN"],
        ],
        [
            "WAFv2 web ACL for CloudFront inspects requests at the edge",
            awsResource(
                "aws:wafv2/webAcl:WebAcl",
                { scope: "CLOUDFRONT", defaultAction: { allow: {} } },
                { provider: ireland },
            ),
            ["primary global ? [global partition=aws]"],
        ],
        [
            "decoy: a regional WAFv2 web ACL",
            awsResource(
                "aws:wafv2/webAcl:WebAcl",
                { scope: "REGIONAL", defaultAction: { allow: {} } },
                { provider: ireland },
            ),
            ["primary eu-west-1 IE"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(locationsText(placed(r)), expected));

    it("a global type with an unknown provider region is still undetermined", () => {
        const p = placed(iamRole(explicitProvider("aws", "later", { region: unknown() })));
        assert.deepEqual(locationsText(p), []);
        assert.deepEqual(undeterminedsText(p), ["unknown-during-preview location region"]);
    });
});

describe("aws locator: machine images", () => {
    const instance = (ami: Value, opts: AwsOptions = { provider: china }) =>
        awsResource("aws:ec2/instance:Instance", { ami, instanceType: "t3.micro" }, opts);
    const imagesOf = (p: Placement) => p.images.map((i) => `${i.kind} ${i.ref} in ${i.region ?? "?"} at ${i.path}`);

    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "an instance's AMI, to be looked up in the instance's region",
            instance("ami-0abc1234def567890"),
            ["machine-image ami-0abc1234def567890 in cn-north-1 at ami"],
        ],
        [
            "the instance's own region wins for the lookup too",
            instance("ami-0abc1234", { provider: china, region: "eu-west-1" }),
            ["machine-image ami-0abc1234 in eu-west-1 at ami"],
        ],
        [
            "a launch template's image",
            awsResource(
                "aws:ec2/launchTemplate:LaunchTemplate",
                { imageId: "ami-0123456789abcdef0" },
                { provider: ireland },
            ),
            ["machine-image ami-0123456789abcdef0 in eu-west-1 at imageId"],
        ],
        [
            "AWS's own public parameter names AWS's image: nothing to look up",
            awsResource(
                "aws:ec2/launchTemplate:LaunchTemplate",
                { imageId: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" },
                { provider: ireland },
            ),
            [],
        ],
        [
            "aws-native instance",
            awsNativeResource(
                "aws-native:ec2:Instance",
                { imageId: "ami-0abc1234" },
                { providerRegion: "cn-northwest-1" },
            ),
            ["machine-image ami-0abc1234 in cn-northwest-1 at imageId"],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(imagesOf(placed(r)), expected));

    const undetermined: Array<[string, NormalisedResource, string[]]> = [
        ["unknown during preview", instance(unknown()), ["unknown-during-preview image ami"]],
        ["a secret ciphertext", instance(secret()), ["secret-ciphertext image ami"]],
        [
            "someone else's parameter cannot be looked up",
            awsResource(
                "aws:ec2/launchTemplate:LaunchTemplate",
                { imageId: "resolve:ssm:/team/golden-ami" },
                { provider: ireland },
            ),
            ["unrecognised image imageId"],
        ],
    ];
    for (const [what, r, expected] of undetermined)
        it(what, () => assert.deepEqual(undeterminedsText(placed(r)), expected));
});
