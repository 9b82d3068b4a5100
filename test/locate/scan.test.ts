import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import {
    awsResource,
    defaultProvider,
    explicitProvider,
    providerResource,
    resource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";
import { undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const eu = { providerRegion: "eu-west-1" };

const hostsOf = (p: Placement) => p.hosts.map((h) => `${h.host} ${h.vendor ?? "-"} at ${h.path}`);
const imagesOf = (p: Placement) => p.images.map((i) => `${i.registry} ${i.vendor ?? "-"} at ${i.path}`);

const lambda = (variables: Record<string, string>) =>
    awsResource(
        "aws:lambda/function:Function",
        { role: "arn:aws:iam::1:role/r", runtime: "nodejs20.x", environment: { variables } },
        eu,
    );
const taskDefinition = (containers: object[]) =>
    awsResource(
        "aws:ecs/taskDefinition:TaskDefinition",
        { family: "app", containerDefinitions: JSON.stringify(containers) },
        eu,
    );
const ossProvider = explicitProvider("aws", "oss", {
    region: "us-east-1",
    skipRegionValidation: true,
    endpoints: [{ s3: "https://s3.oss-cn-hangzhou.aliyuncs.com" }],
});

describe("input scan: hosts", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "an AWS provider whose S3 endpoint is Alibaba OSS",
            s3Bucket({}, { provider: ossProvider }),
            ["s3.oss-cn-hangzhou.aliyuncs.com alibaba at provider 'oss': endpoints[0].s3"],
        ],
        [
            "upper case and a trailing dot do not dodge the suffix",
            lambda({ STORE: "HTTPS://OSS-CN-HANGZHOU.ALIYUNCS.COM./bucket/key" }),
            ["oss-cn-hangzhou.aliyuncs.com alibaba at environment.variables.STORE"],
        ],
        [
            "user@host:port without a scheme",
            lambda({ SINK: "admin@cos.ap-guangzhou.myqcloud.com:443" }),
            ["cos.ap-guangzhou.myqcloud.com tencent at environment.variables.SINK"],
        ],
        [
            "a bare endpoint",
            lambda({ OBS_ENDPOINT: "obs.cn-north-4.myhuaweicloud.com" }),
            ["obs.cn-north-4.myhuaweicloud.com huawei at environment.variables.OBS_ENDPOINT"],
        ],
        [
            "a JDBC URL",
            lambda({ DB: "jdbc:mysql://rm-1.mysql.rds.aliyuncs.com:3306/shop" }),
            ["rm-1.mysql.rds.aliyuncs.com alibaba at environment.variables.DB"],
        ],
        [
            "a URL inside a user-data script",
            awsResource(
                "aws:ec2/instance:Instance",
                {
                    ami: "ami-1",
                    instanceType: "t3.micro",
                    userData: "#!/bin/sh\ncurl -fsSL https://mirrors.aliyun.com/setup.sh | sh\n",
                },
                eu,
            ),
            ["mirrors.aliyun.com alibaba at userData"],
        ],
        [
            "a URL inside a JSON container definition",
            taskDefinition([
                { name: "app", image: "nginx", environment: [{ name: "UPLOAD", value: "https://b.bcebos.com/u" }] },
            ]),
            ["b.bcebos.com baidu at containerDefinitions[0].environment[0].value"],
        ],
        [
            "a DNS record pointing at Alibaba OSS",
            awsResource(
                "aws:route53/record:Record",
                {
                    zoneId: "Z1",
                    name: "files",
                    type: "CNAME",
                    ttl: 300,
                    records: ["shop.oss-cn-hangzhou.aliyuncs.com"],
                },
                eu,
            ),
            ["shop.oss-cn-hangzhou.aliyuncs.com alibaba at records[0]"],
        ],
        [
            "a CloudFront origin on Tencent COS",
            awsResource(
                "aws:cloudfront/distribution:Distribution",
                {
                    enabled: true,
                    origins: [{ originId: "cos", domainName: "shop-1250000000.cos.ap-guangzhou.myqcloud.com" }],
                },
                eu,
            ),
            ["shop-1250000000.cos.ap-guangzhou.myqcloud.com tencent at origins[0].domainName"],
        ],
        [
            "a host of nobody in particular is still a host",
            lambda({ HOOK: "https://hooks.example.org/x" }),
            ["hooks.example.org - at environment.variables.HOOK"],
        ],
        // Decoys: names and prose that merely mention a vendor.
        ["a bucket named after a vendor", s3Bucket({ bucket: "alibaba-report" }, eu), []],
        ["prose naming a vendor", lambda({ NOTE: "migrated off aliyun last year" }), []],
        ["prose naming a vendor's domain, without a scheme", lambda({ NOTE: "docs at aliyun.com are outdated" }), []],
        ["a file name is not a host", lambda({ CONFIG: "settings.json" }), []],
        ["a version is not a host", lambda({ VERSION: "1.2.3.4" }), []],
        [
            "a look-alike suffix is not the vendor's",
            lambda({ HOOK: "https://evilaliyuncs.com/x" }),
            ["evilaliyuncs.com - at environment.variables.HOOK"],
        ],
        [
            "the vendor's domain inside another domain is not the vendor's",
            lambda({ HOOK: "https://aliyuncs.com.example.org/x" }),
            ["aliyuncs.com.example.org - at environment.variables.HOOK"],
        ],
        ["an unknown value is not a host", lambda({ HOOK: unknown() as unknown as string }), []],
        ["an S3 URL names a bucket, not a host", lambda({ SRC: "s3://orders/in/" }), []],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(hostsOf(placed(r)), expected));

    it("a secret URL is scanned and marked secret", () => {
        const r = awsResource(
            "aws:lambda/function:Function",
            { environment: { variables: { DSN: secret("https://x.oss-cn-beijing.aliyuncs.com") } } },
            eu,
        );
        const [host] = placed(r).hosts;
        assert.equal(host.vendor, "alibaba");
        assert.equal(host.secret, true);
    });

    it("the provider resource itself reports its endpoints", () => {
        const p = placed(
            providerResource("aws", "oss", {
                region: "us-east-1",
                endpoints: [{ s3: "https://s3.oss-cn-hangzhou.aliyuncs.com" }],
            }),
        );
        assert.deepEqual(hostsOf(p), ["s3.oss-cn-hangzhou.aliyuncs.com alibaba at endpoints[0].s3"]);
    });

    it("the default provider's endpoints (stack config) are named as such", () => {
        const p = placed(
            s3Bucket(
                {},
                {
                    provider: defaultProvider("aws", {
                        region: "us-east-1",
                        endpoints: [{ s3: "https://s3.oss-cn-hangzhou.aliyuncs.com" }],
                    }),
                },
            ),
        );
        assert.deepEqual(hostsOf(p), [
            "s3.oss-cn-hangzhou.aliyuncs.com alibaba at the default aws provider (stack config): endpoints[0].s3",
        ]);
    });

    it("a provider's endpoints are read once and reported for every resource it manages", () => {
        const a = placed(s3Bucket({}, { provider: ossProvider, name: "a" }));
        const b = placed(s3Bucket({}, { provider: ossProvider, name: "b" }));
        assert.deepEqual(hostsOf(a), hostsOf(b));
        assert.notEqual(a.hosts, b.hosts);
    });

    it("JSON beyond the bound is reported too-large, not skipped", () => {
        const huge = JSON.stringify([{ name: "app", image: "nginx", command: ["x".repeat(1024 * 1024)] }]);
        const r = awsResource(
            "aws:ecs/taskDefinition:TaskDefinition",
            { family: "app", containerDefinitions: huge },
            eu,
        );
        assert.deepEqual(undeterminedsText(placed(r)), ["too-large host containerDefinitions"]);
    });

    it("a deeply nested input does not overflow", () => {
        const deep = `${'{"next":'.repeat(5000)}{"url":"https://x.aliyuncs.com"}${"}".repeat(5000)}`;
        const p = placed(resource("command:local:Command", "deep", { create: "true", environment: deep }));
        assert.deepEqual(p.hosts, []);
        assert.deepEqual(
            p.undetermined.map((u) => u.reason),
            ["too-large"],
        );
    });

    it("a configuration whose YAML aliases multiply (a billion laughs) is read once per node, its endpoint found", () => {
        // Nine levels of nine aliases stand for 9^9 values; walked naively the preview would wait for minutes.
        const levels = "abcdefghi".split("");
        const yaml = levels
            .map((name, i) =>
                i === 0
                    ? `${name}: &${name} ["x", "x", "x", "x", "x", "x", "x", "x", "x"]`
                    : `${name}: &${name} [${Array(9)
                          .fill(`*${levels[i - 1]}`)
                          .join(", ")}]`,
            )
            .concat("url: https://oss-cn-hangzhou.aliyuncs.com", "")
            .join("\n");
        const configMap = resource("kubernetes:core/v1:ConfigMap", "bomb", { data: { "app.yaml": yaml } });
        assert.deepEqual(hostsOf(placed(configMap)), ["oss-cn-hangzhou.aliyuncs.com alibaba at data.app.yaml.url"]);
    });

    it("a node a YAML alias repeats is reported at the first place it appears", () => {
        const yaml = "base: &base\n  endpoint: https://cos.ap-beijing.myqcloud.com\nprod: *base\n";
        const configMap = resource("kubernetes:core/v1:ConfigMap", "aliases", { data: { "app.yaml": yaml } });
        assert.deepEqual(hostsOf(placed(configMap)), [
            "cos.ap-beijing.myqcloud.com tencent at data.app.yaml.base.endpoint",
        ]);
    });
});

describe("input scan: container images", () => {
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "ECS container from Alibaba's registry",
            taskDefinition([{ name: "app", image: "registry.cn-hangzhou.aliyuncs.com/team/app:1.2" }]),
            ["registry.cn-hangzhou.aliyuncs.com alibaba at containerDefinitions[0].image"],
        ],
        [
            "Tencent registry with a digest",
            taskDefinition([{ name: "app", image: "ccr.ccs.tencentyun.com/ns/app@sha256:0123456789abcdef" }]),
            ["ccr.ccs.tencentyun.com tencent at containerDefinitions[0].image"],
        ],
        [
            "Lambda image from ECR",
            awsResource(
                "aws:lambda/function:Function",
                { packageType: "Image", imageUri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest" },
                eu,
            ),
            ["123456789012.dkr.ecr.eu-west-1.amazonaws.com - at imageUri"],
        ],
        [
            "Docker Hub official image",
            taskDefinition([{ name: "web", image: "nginx:1.25" }]),
            ["docker.io - at containerDefinitions[0].image"],
        ],
        // Decoy: a Docker Hub namespace named after a vendor is still Docker Hub.
        [
            "Docker Hub namespace named `aliyun`",
            taskDefinition([{ name: "web", image: "aliyun/app:1" }]),
            ["docker.io - at containerDefinitions[0].image"],
        ],
        [
            "a registry on localhost with a port",
            taskDefinition([{ name: "web", image: "localhost:5000/app" }]),
            ["localhost - at containerDefinitions[0].image"],
        ],
        [
            "Kubernetes container",
            resource("kubernetes:core/v1:Pod", "p", {
                metadata: { name: "p" },
                spec: { containers: [{ name: "c", image: "swr.cn-north-4.myhuaweicloud.com/o/app:2" }] },
            }),
            ["swr.cn-north-4.myhuaweicloud.com huawei at spec.containers[0].image"],
        ],
        // Decoy: a GCE disk image is a machine image, not a container on Docker Hub.
        [
            "GCE disk image",
            resource("gcp:compute/disk:Disk", "d", { zone: "europe-west4-a", image: "debian-cloud/debian-12" }),
            [],
        ],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(imagesOf(placed(r)), expected));

    it("an image registry is not reported as a host the resource sends data to", () => {
        assert.deepEqual(
            placed(taskDefinition([{ name: "app", image: "registry.cn-hangzhou.aliyuncs.com/team/app:1.2" }])).hosts,
            [],
        );
    });

    it("an image unknown during preview is advisory, not absent", () => {
        const p = placed(
            awsResource("aws:lambda/function:Function", { packageType: "Image", imageUri: unknown() }, eu),
        );
        assert.deepEqual(undeterminedsText(p), ["unknown-during-preview image imageUri"]);
        assert.equal(p.undetermined[0].advisory, true);
    });
});

describe("scan: hidden and not-yet-known endpoints and images", () => {
    const cases: Array<[string, NormalisedResource["props"], string[]]> = [
        [
            "an endpoint hidden as a preview's [secret]",
            { S3_ENDPOINT: secret() },
            ["secret-ciphertext host S3_ENDPOINT"],
        ],
        ["an endpoint not known during preview", { webhookUrl: unknown() }, ["unknown-during-preview host webhookUrl"]],
        ["an image hidden as a preview's [secret]", { image: secret() }, ["secret-ciphertext image image"]],
        ["decoy: a hidden value under a key that names no endpoint", { password: secret() }, []],
        ["decoy: an unknown value under a key that names no endpoint", { policy: unknown() }, []],
    ];
    for (const [what, props, expected] of cases) {
        it(what, () => {
            const r = awsResource("aws:lambda/function:Function", props, { providerRegion: "eu-west-1" });
            assert.deepEqual(undeterminedsText(placed(r)), expected);
        });
    }
});
