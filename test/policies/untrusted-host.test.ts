import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import { awsResource, azureNative, explicitProvider, k8sResource, s3Bucket, secret } from "../support/builders";
import { assertFindings, judgeResource, orgProfile, type Expected } from "./judge";

const POLICY = "clean-guard-untrusted-host";

/** An AWS provider whose S3 endpoint is overridden, and a bucket created through it. */
const bucketThroughS3Endpoint = (s3: Value) =>
    s3Bucket({}, { provider: explicitProvider("aws", "oss", { region: "eu-west-1", endpoints: [{ s3 }] }) });

/** A Lambda function with one environment variable. */
const lambdaWithEnv = (name: string, value: Value) =>
    awsResource(
        "aws:lambda/function:Function",
        {
            role: "arn:aws:iam::123456789012:role/lambda",
            runtime: "nodejs20.x",
            handler: "index.handler",
            environment: { variables: { [name]: value } },
        },
        { providerRegion: "eu-west-1" },
    );

/** A Route 53 CNAME record for www.example.com pointing at a target. */
const cnameTo = (target: string) =>
    awsResource(
        "aws:route53/record:Record",
        { zoneId: "Z123", name: "www.example.com", type: "CNAME", ttl: 300, records: [target] },
        { providerRegion: "eu-west-1" },
    );

/** A Kubernetes ConfigMap holding configuration files. */
const configMap = (data: Record<string, string>) =>
    k8sResource("kubernetes:core/v1:ConfigMap", { metadata: { name: "app-config" }, data });

/** An EC2 instance that runs a script at boot. */
const instanceWithUserData = (userData: string) =>
    awsResource(
        "aws:ec2/instance:Instance",
        {
            ami: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            instanceType: "t3.micro",
            userData,
        },
        { providerRegion: "eu-west-1" },
    );

describe(POLICY, () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "an AWS provider's S3 endpoint pointed at Alibaba OSS: the host, the vendor and the path",
            bucketThroughS3Endpoint("https://oss-cn-hangzhou.aliyuncs.com"),
            [
                [
                    "violation",
                    "host oss-cn-hangzhou.aliyuncs.com (Alibaba",
                    "at provider 'oss': endpoints[0].s3",
                    "untrusted vendor",
                ],
            ],
        ],
        [
            "the same endpoint written in upper case with a trailing dot",
            bucketThroughS3Endpoint("HTTPS://OSS-CN-HANGZHOU.ALIYUNCS.COM./"),
            [["violation", "oss-cn-hangzhou.aliyuncs.com"]],
        ],
        ["the real S3 endpoint", bucketThroughS3Endpoint("https://s3.eu-west-1.amazonaws.com"), []],
        [
            "a look-alike host that only starts with the vendor's domain",
            bucketThroughS3Endpoint("https://aliyuncs.com.example.net"),
            [],
        ],
        ["Huawei OBS", bucketThroughS3Endpoint("https://obs.cn-north-4.myhuaweicloud.com"), [["violation", "Huawei"]]],
        [
            "a webhook to Tencent COS in an environment variable",
            lambdaWithEnv("UPLOAD_URL", "https://exports-1250000000.cos.ap-guangzhou.myqcloud.com/in"),
            [["violation", "cos.ap-guangzhou.myqcloud.com (Tencent", "environment.variables.UPLOAD_URL"]],
        ],
        ["an environment variable naming Tencent in prose", lambdaWithEnv("NOTE", "we left tencent cloud in 2024"), []],
        [
            "a DNS record that hands a domain to Alibaba Cloud CDN (the CNAME it assigns)",
            cnameTo("www.example.com.w.kunlunsl.com"),
            [["violation", "host www.example.com.w.kunlunsl.com (Alibaba", "records[0]"]],
        ],
        [
            "a DNS record that hands a domain to Tencent Cloud CDN",
            cnameTo("www.example.com.cdn.dnsv1.com"),
            [["violation", "host www.example.com.cdn.dnsv1.com (Tencent", "records[0]"]],
        ],
        ["a DNS record that hands a domain to CloudFront", cnameTo("d111111abcdef8.cloudfront.net"), []],
        ["a customer's own domain under another label of dnsv1.com", cnameTo("ns1.dnsv1.com"), []],
        [
            "user data that uploads a dump to Alibaba OSS by its endpoint",
            instanceWithUserData(
                `#!/bin/bash\nossutil cp /var/dump.sql oss://backup/ -e oss-cn-hangzhou.aliyuncs.com\n`,
            ),
            [["violation", "host oss-cn-hangzhou.aliyuncs.com (Alibaba", "at userData"]],
        ],
        [
            "a tag that mentions the same endpoint in prose",
            awsResource(
                "aws:s3/bucketV2:BucketV2",
                { tags: { note: "moved off oss-cn-hangzhou.aliyuncs.com in 2024" } },
                { providerRegion: "eu-west-1" },
            ),
            [],
        ],
        [
            "the same script given base64-encoded (userDataBase64)",
            awsResource(
                "aws:ec2/instance:Instance",
                {
                    instanceType: "t3.micro",
                    userDataBase64: Buffer.from(
                        "#!/bin/bash\nossutil cp /var/dump.sql oss://backup/ -e oss-cn-hangzhou.aliyuncs.com\n",
                    ).toString("base64"),
                },
                { providerRegion: "eu-west-1" },
            ),
            [["violation", "host oss-cn-hangzhou.aliyuncs.com (Alibaba", "at userDataBase64"]],
        ],
        [
            "an Azure VM's base64 customData that logs in to Tencent's registry",
            azureNative("compute:VirtualMachine", {
                location: "westeurope",
                resourceGroupName: "rg",
                osProfile: {
                    computerName: "vm",
                    customData: Buffer.from(
                        "#cloud-config\nruncmd:\n  - docker login ccr.ccs.tencentyun.com\n",
                    ).toString("base64"),
                },
            }),
            [["violation", "host ccr.ccs.tencentyun.com (Tencent", "osProfile.customData"]],
        ],
        [
            "a ConfigMap's application.yaml naming an Alibaba OSS endpoint on a line of its own",
            configMap({ "application.yaml": "storage:\n  endpoint: oss-cn-hangzhou.aliyuncs.com\n  bucket: b\n" }),
            [["violation", "host oss-cn-hangzhou.aliyuncs.com (Alibaba", "data.application.yaml.storage.endpoint"]],
        ],
        [
            "a ConfigMap's .env naming a Tencent COS endpoint",
            configMap({ ".env": "# storage\nexport S3_ENDPOINT=cos.ap-guangzhou.myqcloud.com\nBUCKET=b\n" }),
            [["violation", "host cos.ap-guangzhou.myqcloud.com (Tencent", "data..env.S3_ENDPOINT"]],
        ],
        [
            "everyday configuration files",
            configMap({
                "application.yaml": "server:\n  port: 8080\nstorage:\n  endpoint: s3.eu-west-1.amazonaws.com\n",
                ".env": "NODE_ENV=production\nPORT=8080\n",
                "notes.txt": "Moved off aliyun.com: see the ticket.\nDone in 2024.",
            }),
            [],
        ],
        [
            "a Network Firewall deny list of untrusted vendors' domains: match criteria, not a destination",
            awsResource(
                "aws:networkfirewall/ruleGroup:RuleGroup",
                {
                    capacity: 100,
                    type: "STATEFUL",
                    ruleGroup: {
                        rulesSource: {
                            rulesSourceList: {
                                generatedRulesType: "DENYLIST",
                                targetTypes: ["TLS_SNI", "HTTP_HOST"],
                                targets: [".aliyuncs.com", ".myqcloud.com"],
                            },
                        },
                    },
                },
                { providerRegion: "eu-west-1" },
            ),
            [],
        ],
        [
            "a DNS Firewall domain list blocking them",
            awsResource(
                "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList",
                { domains: ["*.aliyuncs.com", "*.myhuaweicloud.com"] },
                { providerRegion: "eu-west-1" },
            ),
            [],
        ],
        [
            "an Azure Firewall policy rule denying an FQDN",
            azureNative("network:FirewallPolicyRuleCollectionGroup", {
                resourceGroupName: "rg",
                firewallPolicyName: "egress",
                ruleCollections: [{ rules: [{ ruleType: "ApplicationRule", targetFqdns: ["*.aliyuncs.com"] }] }],
            }),
            [],
        ],
        [
            "everyday base64 user data",
            awsResource(
                "aws:ec2/instance:Instance",
                { userDataBase64: Buffer.from("#!/bin/bash\nyum install -y httpd\n").toString("base64") },
                { providerRegion: "eu-west-1" },
            ),
            [],
        ],
        [
            "everyday user data",
            instanceWithUserData("#!/bin/bash\napt-get update\ncurl -fsSL get.docker.com | sh\n"),
            [],
        ],
        [
            "alerts posted to a WeCom group robot (Tencent)",
            lambdaWithEnv("ALERT_WEBHOOK", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
            [["violation", "host qyapi.weixin.qq.com (Tencent", "environment.variables.ALERT_WEBHOOK"]],
        ],
        [
            "alerts posted to a DingTalk robot (Alibaba)",
            lambdaWithEnv("ALERT_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=t"),
            [["violation", "host oapi.dingtalk.com (Alibaba"]],
        ],
        [
            "notifications pushed through Huawei's Push Kit",
            lambdaWithEnv("PUSH_URL", "https://push-api.cloud.huawei.com/v1/123/messages:send"),
            [["violation", "host push-api.cloud.huawei.com (Huawei"]],
        ],
        [
            "alerts posted to Slack, and a mailbox at qq.com (not a WeChat service)",
            lambdaWithEnv("ALERTS", "https://hooks.slack.com/services/T0/B0/X https://mail.qq.com"),
            [],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

    it("a Feishu bot (ByteDance) passes the default profile and is rejected by one that disallows ByteDance", async () => {
        const feishu = lambdaWithEnv("ALERT_WEBHOOK", "https://open.feishu.cn/open-apis/bot/v2/hook/abc");
        assertFindings(await judgeResource(feishu), POLICY, []);
        const profile = orgProfile("disallow:\n  vendors: [bytedance]");
        assertFindings(await judgeResource(feishu, { profile }), POLICY, [
            ["violation", "host open.feishu.cn (ByteDance"],
        ]);
    });

    it("judges a secret endpoint without naming it", async () => {
        const findings = await judgeResource(
            lambdaWithEnv("UPLOAD_URL", secret("https://vault.oss-eu-central-1.aliyuncs.com/x")),
        );
        assertFindings(findings, POLICY, [["violation", "host [secret] (Alibaba"]], ["aliyuncs", "oss-eu-central-1"]);
    });
});
