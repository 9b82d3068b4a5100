// A cloud's service endpoint says where the data sent to it goes: `s3.cn-north-1.amazonaws.com.cn` is a bucket in
// Beijing, `*.blob.core.chinacloudapi.cn` a storage account of Azure China, a kubeconfig's EKS server a cluster in
// the region its host names. Data written there is processed and kept there, wherever the resource that names the
// endpoint runs. Each trap sits beside a look-alike that must pass.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { awsResource, azureNative, explicitProvider, k8sResource } from "../support/builders";
import { assertFindings, judgeResource, type Expected } from "./judge";

const REGION = "clean-guard-disallowed-region";
const RESIDENCY = "clean-guard-data-residency";
const ENDPOINT_FIX = "Point the input at an endpoint or setting in an allowed region";

const lambdaWithEnv = (variables: Props, tags: Props = {}) =>
    awsResource(
        "aws:lambda/function:Function",
        { runtime: "nodejs20.x", handler: "index.handler", environment: { variables }, tags },
        { providerRegion: "eu-central-1" },
    );

const kubeconfig = (server: string) =>
    [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- cluster:",
        `    server: ${server}`,
        "  name: prod",
        "current-context: prod",
        "",
    ].join("\n");
const namespaceOn = (server: string) =>
    k8sResource(
        "kubernetes:core/v1:Namespace",
        { metadata: { name: "orders" } },
        { provider: explicitProvider("kubernetes", "prod", { kubeconfig: kubeconfig(server) }) },
    );

describe("service endpoints: the region or partition a cloud's endpoint names", () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "a function writing to an S3 endpoint in Beijing",
            lambdaWithEnv({ ORDERS_BUCKET_URL: "https://s3.cn-north-1.amazonaws.com.cn/orders" }),
            [
                [
                    "violation",
                    "aws processing location cn-north-1",
                    "environment.variables.ORDERS_BUCKET_URL",
                    ENDPOINT_FIX,
                ],
            ],
        ],
        [
            "an SQS queue in Ningxia written bare",
            lambdaWithEnv({ QUEUE_HOST: "sqs.cn-northwest-1.amazonaws.com.cn" }),
            [["violation", "aws processing location cn-northwest-1"]],
        ],
        [
            "a storage account of Azure China, by its blob endpoint",
            lambdaWithEnv({ BLOB: "https://orders.blob.core.chinacloudapi.cn/exports" }),
            [["violation", "orders.blob.core.chinacloudapi.cn", "Azure operated by 21Vianet", "China (CN)"]],
        ],
        [
            "an Azure China connection string's endpoint suffix",
            lambdaWithEnv({
                STORAGE: "DefaultEndpointsProtocol=https;AccountName=orders;EndpointSuffix=core.chinacloudapi.cn",
            }),
            [["violation", "core.chinacloudapi.cn", "China (CN)"]],
        ],
        [
            "a SQL database of Azure China in an ADO.NET connection string",
            lambdaWithEnv({
                DB: "Server=tcp:orders.database.chinacloudapi.cn,1433;Initial Catalog=orders;User ID=app;",
            }),
            [["violation", "orders.database.chinacloudapi.cn", "China (CN)"]],
        ],
        [
            "decoy: an S3 endpoint in Frankfurt and a queue in Virginia",
            lambdaWithEnv({
                S3: "https://s3.eu-central-1.amazonaws.com/orders",
                Q: "https://sqs.us-east-1.amazonaws.com/1/q",
            }),
            [],
        ],
        [
            "decoy: a link to Azure China's documentation",
            lambdaWithEnv({ RUNBOOK: "https://docs.azure.cn/zh-cn/storage/" }),
            [],
        ],
        [
            "decoy: a bucket named after a China region on the global S3 endpoint",
            lambdaWithEnv({ S3: "https://backup-cn-north-1.s3.amazonaws.com/x" }),
            [],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), REGION, expected));

    it("every resource deployed through a kubeconfig whose server is an EKS cluster in Beijing is rejected", async () => {
        const findings = await judgeResource(namespaceOn("https://ABC123.gr7.cn-north-1.eks.amazonaws.com.cn"));
        assertFindings(findings, REGION, [
            [
                "violation",
                "aws processing location cn-north-1",
                "provider 'prod': kubeconfig.clusters[0].cluster.server",
            ],
        ]);
    });

    it("decoy: a kubeconfig whose server is an EKS cluster in Ireland", async () => {
        const findings = await judgeResource(namespaceOn("https://ABC123.gr7.eu-west-1.eks.amazonaws.com"));
        assertFindings(findings, REGION, []);
    });

    it("decoy: an EU key whose policy lets CloudWatch Logs of two regions use it (principals are identities)", async () => {
        const policy = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: ["logs.eu-central-1.amazonaws.com", "logs.us-east-1.amazonaws.com"] },
                    Action: ["kms:Encrypt*", "kms:Decrypt*"],
                    Resource: "*",
                },
                {
                    Effect: "Allow",
                    NotPrincipal: { Service: "logs.cn-north-1.amazonaws.com.cn" },
                    Action: "kms:Describe*",
                    Resource: "*",
                },
            ],
        });
        const key = awsResource(
            "aws:kms/key:Key",
            { policy, tags: { "data-residency": "eu" } },
            { providerRegion: "eu-central-1" },
        );
        const findings = await judgeResource(key);
        assertFindings(findings, RESIDENCY, []);
        assertFindings(findings, REGION, []);
    });

    it("EU data sent to a public Azure host in a US region is processed outside the EU; one in Frankfurt is not", async () => {
        const eu = { "data-residency": "eu" };
        const outside: Array<[string, string]> = [
            ["https://orders-api.eastus.cloudapp.azure.com/v1", "azure processing location eastus"],
            ["http://aci-demo.westus2.azurecontainer.io:8080", "azure processing location westus2"],
            ["https://westus.api.cognitive.microsoft.com/text/analytics", "azure processing location westus"],
            [
                "https://orders.happyhill-70162bb9.canadacentral.azurecontainerapps.io",
                "azure processing location canadacentral",
            ],
        ];
        for (const [url, found] of outside) {
            assertFindings(await judgeResource(lambdaWithEnv({ API: url }, eu)), RESIDENCY, [
                ["violation", found, "environment.variables.API", "outside"],
            ]);
        }
        for (const url of [
            "https://orders-api.germanywestcentral.cloudapp.azure.com/v1",
            "https://westeurope.api.cognitive.microsoft.com/",
            "https://orders.blob.core.windows.net/exports",
        ]) {
            assertFindings(await judgeResource(lambdaWithEnv({ API: url }, eu)), RESIDENCY, []);
        }
    });

    it("a public Azure host whose region label names no region cannot be verified for EU data", async () => {
        const findings = await judgeResource(
            lambdaWithEnv({ API: "https://orders.nowhereland.cloudapp.azure.com" }, { "data-residency": "eu" }),
        );
        assertFindings(findings, RESIDENCY, [["unverified", "nowhereland"]]);
    });

    it("a DNS record naming a host answers queries and sends no data there; an untrusted vendor's host is still reported", async () => {
        const record = (cname: string) =>
            azureNative(
                "dns:RecordSet",
                { resourceGroupName: "rg", zoneName: "example.com", recordType: "CNAME", cnameRecord: { cname } },
                { providerConfig: { location: "westeurope" } },
            );
        const eu = { stackTags: { "data-residency": "eu" } };
        const us = await judgeResource(record("orders-api.eastus.cloudapp.azure.com"), eu);
        assertFindings(us, RESIDENCY, []);
        const alibaba = await judgeResource(record("shop-files.oss-cn-hangzhou.aliyuncs.com"), eu);
        assertFindings(alibaba, "clean-guard-untrusted-host", [
            ["violation", "shop-files.oss-cn-hangzhou.aliyuncs.com", "cnameRecord.cname"],
        ]);
    });

    it("decoy: unclassified data sent to a public Azure host in the US passes", async () => {
        const findings = await judgeResource(lambdaWithEnv({ API: "https://orders-api.eastus.cloudapp.azure.com" }));
        assertFindings(findings, REGION, []);
        assertFindings(findings, RESIDENCY, []);
    });

    it("EU data sent to a queue in Virginia is processed outside the EU; one in Frankfurt is not", async () => {
        const eu = { "data-residency": "eu" };
        assertFindings(
            await judgeResource(lambdaWithEnv({ Q: "https://sqs.us-east-1.amazonaws.com/1/orders" }, eu)),
            RESIDENCY,
            [["violation", "aws processing location us-east-1", "United States"]],
        );
        assertFindings(
            await judgeResource(lambdaWithEnv({ Q: "https://sqs.eu-central-1.amazonaws.com/1/orders" }, eu)),
            RESIDENCY,
            [],
        );
    });
});
