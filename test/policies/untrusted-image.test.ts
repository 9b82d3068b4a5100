import { strict as assert } from "node:assert";
import type { Ec2Lookups, ImageRequest, LookupResult } from "../../src/lookups";
import type { ImageFacts } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import { awsResource, defaultProvider, resource, secret, unknown } from "../support/builders";
import { assertFindings, judgeResource, judgeStack, orgProfile, type Expected, type JudgeOptions } from "./judge";

const POLICY = "clean-guard-untrusted-image";
const kubernetes = defaultProvider("kubernetes", {}, "4_34_2");

const deployment = (image: Value) =>
    resource(
        "kubernetes:apps/v1:Deployment",
        "app",
        { spec: { template: { spec: { containers: [{ name: "app", image }] } } } },
        { provider: kubernetes },
    );
const helmRelease = (chart: string) =>
    resource("kubernetes:helm.sh/v3:Release", "app", { chart }, { provider: kubernetes });
const taskDefinition = (image: string) =>
    awsResource(
        "aws:ecs/taskDefinition:TaskDefinition",
        { family: "app", containerDefinitions: JSON.stringify([{ name: "app", image }]) },
        { providerRegion: "eu-west-1" },
    );
const instance = (ami: Value, name = "instance") =>
    awsResource("aws:ec2/instance:Instance", { ami, instanceType: "t3.micro" }, { providerRegion: "eu-west-1", name });

describe(POLICY, () => {
    describe("container images and charts", () => {
        const cases: Array<[string, NormalisedResource, Expected]> = [
            [
                "a Deployment pulling from Alibaba's registry: the image, the registry, the vendor and the path",
                deployment("registry.cn-hangzhou.aliyuncs.com/team/app:1.2"),
                [
                    [
                        "violation",
                        "container image registry.cn-hangzhou.aliyuncs.com/team/app:1.2 from registry registry.cn-hangzhou.aliyuncs.com (Alibaba",
                        "spec.template.spec.containers[0].image",
                    ],
                ],
            ],
            ["the same app from Docker Hub", deployment("nginx:1.27"), []],
            ["a look-alike: an organisation called aliyuncs on GHCR", deployment("ghcr.io/aliyuncs/app:1.0"), []],
            [
                "Tencent's registry in an ECS container definition",
                taskDefinition("ccr.ccs.tencentyun.com/team/app:2"),
                [["violation", "ccr.ccs.tencentyun.com", "Tencent"]],
            ],
            [
                "ECR in an ECS container definition",
                taskDefinition("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:2"),
                [],
            ],
            [
                "a Helm chart from Alibaba's registry, reported once",
                helmRelease("oci://registry.cn-hangzhou.cr.aliyuncs.com/charts/app"),
                [["violation", "Helm chart oci://registry.cn-hangzhou.cr.aliyuncs.com/charts/app"]],
            ],
            ["an image unknown until `up`", deployment(unknown()), [["advisory", "not known during preview"]]],
        ];
        for (const [what, r, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

        it("the chart's host is not reported a second time as an untrusted host", async () => {
            assertFindings(
                await judgeResource(helmRelease("oci://registry.cn-hangzhou.cr.aliyuncs.com/charts/app")),
                "clean-guard-untrusted-host",
                [],
            );
        });

        it("judges a secret image without naming it", async () => {
            const findings = await judgeResource(deployment(secret("registry.cn-hangzhou.aliyuncs.com/team/app:1.2")));
            assertFindings(
                findings,
                POLICY,
                [["violation", "container image [secret]", "Alibaba"]],
                ["cn-hangzhou", "team/app"],
            );
        });
    });

    // EC2 stubbed in-process with facts written here (untrusted-image-ec2.test.ts asks a real EC2 API): each
    // field EC2 returns can carry a vendor's branding, and each way a lookup can fail is said.
    describe("machine images, by what EC2 says of them", () => {
        const HUAWEI = "Huawei (Huawei Cloud)";
        /** `asked` collects every request, in order. */
        const images = (answers: Record<string, LookupResult<ImageFacts>>, asked: ImageRequest[] = []): Ec2Lookups => ({
            images: {
                lookup: async (requests) => {
                    asked.push(...requests);
                    return requests.map(
                        (r) => answers[r.imageId] ?? { ok: false, failure: { reason: "not-found", detail: "unknown" } },
                    );
                },
            },
            zones: { lookup: async () => [] },
            stats: () => ({ calls: 0, cacheHits: 0, answered: 0, failures: {}, budgetSpentMs: 0 }),
        });
        const facts = (fields: Partial<ImageFacts>): LookupResult<ImageFacts> => ({
            ok: true,
            facts: { imageId: AMI, region: "eu-west-1", ownerId: "123456789012", ...fields },
        });
        const AMI = "ami-0c1ea9a4d00000001";
        const judged = (answer: LookupResult<ImageFacts>, options: JudgeOptions = {}) =>
            judgeResource(instance(AMI), { lookups: images({ [AMI]: answer }), ...options });

        const branded: Array<[string, Partial<ImageFacts>, string]> = [
            [
                "its name",
                { name: "Huawei Cloud EulerOS 2.0 Standard 64 bit" },
                `has name 'Huawei Cloud EulerOS 2.0 Standard 64 bit' ('Huawei Cloud EulerOS' is ${HUAWEI}'s)`,
            ],
            [
                "its description",
                { name: "base-2024-01", description: "Built on Alibaba Cloud Linux 3 for the shop" },
                "has description 'Built on Alibaba Cloud Linux 3 for the shop' ('Alibaba Cloud Linux' is Alibaba",
            ],
            ["its owner alias", { ownerAlias: "EulerOS" }, `has owner alias 'EulerOS' ('EulerOS' is ${HUAWEI}'s)`],
            [
                "its platform details",
                { platformDetails: "TencentOS Server 3.1" },
                "has platform details 'TencentOS Server 3.1'",
            ],
            [
                "its location",
                { imageLocation: "123456789012/OpenCloudOS-9.0-x86_64" },
                "has location '123456789012/OpenCloudOS-9.0-x86_64' ('OpenCloudOS' is Tencent",
            ],
        ];
        for (const [field, fields, expected] of branded) {
            it(`a vendor's brand in ${field}: rejected, quoting it`, async () =>
                assertFindings(await judged(facts(fields)), POLICY, [
                    ["violation", `machine image ${AMI} at ami ${expected}`],
                ]));
        }

        it("the first branded field is the one quoted", async () =>
            assertFindings(await judged(facts({ name: "EulerOS 2.0", description: "TencentOS inside" })), POLICY, [
                ["violation", "has name 'EulerOS 2.0'"],
            ]));

        it("a trusted publisher's images pass: Amazon Linux, Ubuntu", async () => {
            const amazon = facts({
                ownerAlias: "amazon",
                name: "al2023-ami-2023.3.20240108.0-kernel-6.1-x86_64",
                description: "Amazon Linux 2023 AMI 2023.3.20240108.0 x86_64 HVM kernel-6.1",
                platformDetails: "Linux/UNIX",
                imageLocation: "amazon/al2023-ami-2023.3.20240108.0-kernel-6.1-x86_64",
            });
            const ubuntu = facts({
                name: "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240101",
                description: "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-01-01",
                platformDetails: "Linux/UNIX",
            });
            assertFindings(await judged(amazon), POLICY, []);
            assertFindings(await judged(ubuntu), POLICY, []);
        });

        it("a brand of a vendor the profile does not disallow passes", async () => {
            const onlyAlibaba = orgProfile("extends: none\ndisallow:\n  vendors: [alibaba]");
            const huawei = facts({ name: "Huawei Cloud EulerOS 2.0 Standard 64 bit" });
            assertFindings(await judged(huawei, { profile: onlyAlibaba }), POLICY, []);
            const alibaba = facts({ name: "Alibaba Cloud Linux 3.2104" });
            assertFindings(await judged(alibaba, { profile: onlyAlibaba }), POLICY, [
                ["violation", "has name 'Alibaba Cloud Linux 3.2104'"],
            ]);
        });

        it("an image EC2 does not know blocks, whatever the lookup mode", async () => {
            const notFound = { ok: false as const, failure: { reason: "not-found" as const, detail: "unknown" } };
            for (const mode of ["auto", "required"]) {
                assertFindings(await judged(notFound, { profile: orgProfile(`lookups:\n  ec2: ${mode}`) }), POLICY, [
                    ["unverified", `machine image ${AMI} at ami: EC2 does not know it in eu-west-1`],
                ]);
            }
        });

        const timedOut: LookupResult<ImageFacts> = {
            ok: false,
            failure: { reason: "timeout", detail: `AMI '${AMI}' in eu-west-1 could not be looked up: no answer` },
        };

        it("a failed lookup warns under `auto` and blocks under `required`, saying why", async () => {
            assertFindings(await judged(timedOut, { profile: orgProfile("lookups:\n  ec2: auto") }), POLICY, [
                ["advisory", `could not be looked up: no answer`],
            ]);
            const required = await judged(timedOut, { profile: orgProfile("lookups:\n  ec2: required") });
            assertFindings(required, POLICY, [["unverified", `machine image ${AMI} at ami: AMI '${AMI}'`]]);
            assert.match(required[0].fix ?? "", /ec2:DescribeImages/);
        });

        it("a failed lookup of a secret image id names the reason, not the id", async () => {
            const findings = await judgeResource(instance(secret(AMI)), {
                lookups: images({ [AMI]: timedOut }),
                profile: orgProfile("lookups:\n  ec2: required"),
            });
            assertFindings(
                findings,
                POLICY,
                [["unverified", "machine image [secret] at ami: the lookup failed (timeout)"]],
                [AMI],
            );
        });

        it("without a lookup layer, says lookups are not set up (of a secret id: that lookups are off)", async () => {
            assertFindings(await judgeResource(instance(AMI)), POLICY, [
                ["advisory", "EC2 lookups are not set up in this run"],
            ]);
            assertFindings(await judgeResource(instance(secret(AMI))), POLICY, [
                ["advisory", "machine image [secret] at ami: the lookup failed (off)"],
            ]);
        });

        it("asks EC2 only about machine images with a region, once each, saying which ids are secret; no region blocks unless it comes at `up`", async () => {
            const asked: ImageRequest[] = [];
            const lookups = images({}, asked);
            await judgeResource(instance(AMI), { lookups });
            await judgeResource(instance(secret(AMI)), { lookups });
            await judgeResource(deployment("registry.cn-hangzhou.aliyuncs.com/team/app:1.2"), { lookups });
            const regionLater = awsResource("aws:ec2/instance:Instance", { ami: AMI }, { region: unknown() });
            assertFindings(await judgeResource(regionLater, { lookups }), POLICY, [
                ["advisory", `machine image ${AMI} at ami: the region to look it up in is not known`],
            ]);
            const nowhere = awsResource("aws:ec2/instance:Instance", { ami: AMI }, {});
            assertFindings(await judgeResource(nowhere, { lookups }), POLICY, [
                ["unverified", `machine image ${AMI} at ami: the region to look it up in is not known`],
            ]);
            assert.deepEqual(asked, [
                { imageId: AMI, region: "eu-west-1" },
                { imageId: AMI, region: "eu-west-1", secret: true },
            ]);
        });

        it("during a preview, Analyze asks nothing and says nothing; the stack pass asks once per image and reports", async () => {
            const asked: ImageRequest[] = [];
            const preview = {
                lookups: images(
                    {
                        "ami-0c1ea9a4d00000001": facts({ name: "Huawei Cloud EulerOS 2.0 Standard 64 bit" }),
                        "ami-0c1ea9a4d00000004": facts({ ownerAlias: "amazon", name: "al2023-ami-2023.3" }),
                        "ami-0c1ea9a4d00000002": facts({ name: "Alibaba Cloud Linux 3.2104" }),
                    },
                    asked,
                ),
                phase: "preview" as const,
            };
            const amis = ["ami-0c1ea9a4d00000001", "ami-0c1ea9a4d00000004", "ami-0c1ea9a4d00000002"];
            const fleet = amis.map((ami, i) => instance(ami, `worker-${i}`));
            assertFindings(await judgeResource(fleet[0], preview), POLICY, []);
            assert.equal(asked.length, 0, "Analyze during preview asks EC2 nothing");
            const { all, stackOnly } = await judgeStack(fleet, preview);
            assertFindings(stackOnly, POLICY, [
                ["violation", "'worker-0'", "Huawei Cloud EulerOS"],
                ["violation", "'worker-2'", "Alibaba Cloud Linux"],
            ]);
            assert.deepEqual(
                stackOnly.map((f) => f.message),
                all.map((f) => f.message),
                "Analyze reported none of them, so the stack pass reports them all",
            );
            assert.deepEqual(
                asked.map((r) => r.imageId),
                amis,
            );
        });

        it("outside a preview, the stack pass reports only what Analyze could not see", async () => {
            const lookups = images({ [AMI]: facts({ name: "Huawei Cloud EulerOS 2.0 Standard 64 bit" }) });
            const { all, stackOnly } = await judgeStack([instance(AMI)], { lookups });
            assertFindings(all, POLICY, [["violation", "Huawei Cloud EulerOS"]]);
            assert.deepEqual(stackOnly, [], "Analyze already reported it");
        });
    });
});
