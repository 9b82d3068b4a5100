import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import type { Props, Value } from "../../src/model/values";
import { container, k8sResource, secret, unknown } from "../support/builders";
import { undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
/** `container registry.cn-hangzhou.aliyuncs.com alibaba at spec.containers[0].image`. */
const images = (p: Placement) => p.images.map((i) => `${i.kind} ${i.registry} ${i.vendor ?? "-"} at ${i.path}`);

const ALIYUN = "registry.cn-hangzhou.aliyuncs.com/shop/api:1.4";
const TENCENT = "ccr.ccs.tencentyun.com/shop/worker:2";
const HUB = "nginx:1.27";
const GHCR = "ghcr.io/shop/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

const meta = (name: string): Props => ({ name });
const podSpec = (containers: Props[], extra: Props = {}): Props => ({ containers, ...extra });
const template = (spec: Props): Props => ({ metadata: { labels: { app: "shop" } }, spec });
const workload = (type: string, spec: Props): NormalisedResource =>
    k8sResource(type, { apiVersion: type.split(":")[1], kind: type.split(":")[2], metadata: meta("shop"), spec });

describe("kubernetes locator: container images of every workload kind", () => {
    const one = [container("api", ALIYUN)];
    const cases: Array<[string, NormalisedResource, string[]]> = [
        [
            "Pod",
            k8sResource("kubernetes:core/v1:Pod", { metadata: meta("p"), spec: podSpec(one) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.containers[0].image"],
        ],
        [
            "Pod with init and ephemeral containers",
            k8sResource("kubernetes:core/v1:Pod", {
                metadata: meta("p"),
                spec: podSpec([container("web", HUB)], {
                    initContainers: [container("migrate", TENCENT)],
                    ephemeralContainers: [container("debug", GHCR)],
                }),
            }),
            [
                "container docker.io - at spec.containers[0].image",
                "container ccr.ccs.tencentyun.com tencent at spec.initContainers[0].image",
                "container ghcr.io - at spec.ephemeralContainers[0].image",
            ],
        ],
        [
            "Deployment",
            workload("kubernetes:apps/v1:Deployment", { replicas: 2, template: template(podSpec(one)) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.template.spec.containers[0].image"],
        ],
        [
            "StatefulSet",
            workload("kubernetes:apps/v1:StatefulSet", { serviceName: "db", template: template(podSpec(one)) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.template.spec.containers[0].image"],
        ],
        [
            "DaemonSet",
            workload("kubernetes:apps/v1:DaemonSet", { template: template(podSpec(one)) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.template.spec.containers[0].image"],
        ],
        [
            "ReplicaSet",
            workload("kubernetes:apps/v1:ReplicaSet", { template: template(podSpec(one)) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.template.spec.containers[0].image"],
        ],
        [
            "Job",
            workload("kubernetes:batch/v1:Job", { template: template(podSpec(one, { restartPolicy: "Never" })) }),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at spec.template.spec.containers[0].image"],
        ],
        [
            "CronJob",
            workload("kubernetes:batch/v1:CronJob", {
                schedule: "0 * * * *",
                jobTemplate: { spec: { template: template(podSpec(one)) } },
            }),
            [
                "container registry.cn-hangzhou.aliyuncs.com alibaba at spec.jobTemplate.spec.template.spec.containers[0].image",
            ],
        ],
        [
            "Deployment from trusted registries only",
            workload("kubernetes:apps/v1:Deployment", {
                template: template(podSpec([container("web", HUB), container("api", GHCR)])),
            }),
            [
                "container docker.io - at spec.template.spec.containers[0].image",
                "container ghcr.io - at spec.template.spec.containers[1].image",
            ],
        ],
    ];
    for (const [what, r, expected] of cases) {
        it(`${what}: each image once, with its registry`, () => assert.deepEqual(images(placed(r)), expected));
    }

    it("a workload has no location: its cluster decides where it runs", () => {
        const p = placed(
            workload("kubernetes:apps/v1:Deployment", { template: template(podSpec([container("api", ALIYUN)])) }),
        );
        assert.deepEqual(p.locations, []);
        assert.deepEqual(p.undetermined, []);
    });

    it("an image field that is not an image reference cannot be checked, and says so", () => {
        const p = placed(
            workload("kubernetes:apps/v1:Deployment", {
                template: template(podSpec([container("api", "${REGISTRY}/api:1")])),
            }),
        );
        assert.deepEqual(images(p), []);
        assert.deepEqual(undeterminedsText(p), ["unrecognised image spec.template.spec.containers[0].image"]);
    });

    it("a secret image that is not a reference is reported without its value", () => {
        const p = placed(
            k8sResource("kubernetes:core/v1:Pod", {
                metadata: meta("p"),
                spec: podSpec([container("api", secret("${TOKEN} registry"))]),
            }),
        );
        assert.deepEqual(undeterminedsText(p), ["unrecognised image spec.containers[0].image"]);
        assert.ok(!p.undetermined[0].detail.includes("TOKEN"), p.undetermined[0].detail);
    });

    it("an image in an unreadable secret cannot be checked", () => {
        const p = placed(
            workload("kubernetes:batch/v1:Job", { template: template(podSpec([container("api", secret())])) }),
        );
        assert.deepEqual(undeterminedsText(p), ["secret-ciphertext image spec.template.spec.containers[0].image"]);
    });

    it("an image not known during preview is advisory", () => {
        const p = placed(
            workload("kubernetes:apps/v1:Deployment", { template: template(podSpec([container("api", unknown())])) }),
        );
        assert.deepEqual(undeterminedsText(p), ["unknown-during-preview image spec.template.spec.containers[0].image"]);
        assert.equal(p.undetermined[0].advisory, true);
    });
});

describe("kubernetes locator: Helm charts", () => {
    const release = (props: Props) => k8sResource("kubernetes:helm.sh/v3:Release", props);
    const chart = (props: Props) => k8sResource("kubernetes:helm.sh/v4:Chart", props);
    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        [
            "Release from a chart repository on Alibaba's registry",
            release({
                chart: "api",
                repositoryOpts: { repo: "https://shop-registry.cn-hangzhou.cr.aliyuncs.com/helm" },
            }),
            ["helm-chart shop-registry.cn-hangzhou.cr.aliyuncs.com alibaba at repositoryOpts.repo"],
            [],
        ],
        [
            "the same Release from a public repository",
            release({ chart: "nginx", repositoryOpts: { repo: "https://charts.bitnami.com/bitnami" } }),
            ["helm-chart charts.bitnami.com - at repositoryOpts.repo"],
            [],
        ],
        [
            "v4 Chart from an OCI registry",
            chart({ chart: "oci://ccr.ccs.tencentyun.com/shop/api", version: "1.0.0" }),
            ["helm-chart ccr.ccs.tencentyun.com tencent at chart"],
            [],
        ],
        [
            "OCI registry host written in capitals",
            chart({ chart: "oci://CCR.CCS.TencentYun.com/shop/api" }),
            ["helm-chart ccr.ccs.tencentyun.com tencent at chart"],
            [],
        ],
        ["chart shipped with the program", chart({ chart: "./charts/api" }), [], []],
        [
            "chart from a repository added outside the program",
            release({ chart: "bitnami/nginx" }),
            [],
            ["unrecognised image chart"],
        ],
        [
            "repository unknown during preview",
            release({ chart: "api", repositoryOpts: { repo: unknown() } }),
            [],
            ["unknown-during-preview image repositoryOpts.repo"],
        ],
        [
            "repository in an unreadable secret",
            release({ chart: "api", repositoryOpts: { repo: secret() } }),
            [],
            ["secret-ciphertext image repositoryOpts.repo"],
        ],
    ];
    for (const [what, r, expected, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(images(p), expected);
            assert.deepEqual(undeterminedsText(p), undetermined);
        });
    }
});

describe("kubernetes locator: ConfigGroup inline objects", () => {
    it("each workload's image once, from the structured objects", () => {
        const objs = [
            {
                apiVersion: "apps/v1",
                kind: "Deployment",
                metadata: meta("api"),
                spec: { template: template(podSpec([container("api", TENCENT)])) },
            },
        ];
        assert.deepEqual(images(placed(k8sResource("kubernetes:yaml/v2:ConfigGroup", { objs }))), [
            "container ccr.ccs.tencentyun.com tencent at objs[0].spec.template.spec.containers[0].image",
        ]);
    });
});

describe("kubernetes locator: ConfigGroup inline YAML", () => {
    const group = (yaml: Value) => k8sResource("kubernetes:yaml/v2:ConfigGroup", { yaml });
    const deploymentYaml = (image: string) =>
        [
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata: {name: api}",
            "spec:",
            "  template:",
            "    spec:",
            "      containers:",
            `        - {name: api, image: "${image}"}`,
        ].join("\n");
    const configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {image: not-an-image}";

    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        [
            "a Deployment on Alibaba's registry",
            group(`${configMap}\n---\n${deploymentYaml(ALIYUN)}`),
            ["container registry.cn-hangzhou.aliyuncs.com alibaba at yaml#1.spec.template.spec.containers[0].image"],
            [],
        ],
        [
            "a list of documents",
            group([deploymentYaml(HUB)]),
            ["container docker.io - at yaml[0]#0.spec.template.spec.containers[0].image"],
            [],
        ],
        ["YAML that does not parse", group("kind: [unclosed"), [], ["unrecognised image yaml"]],
        [
            "inline YAML too large to read per resource",
            group(`${deploymentYaml(HUB)}\n# ${"x".repeat(300 * 1024)}`),
            [],
            ["too-large image yaml"],
        ],
    ];
    for (const [what, r, expected, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(
                images(p).filter((i) => i.includes("#")),
                expected,
            );
            assert.deepEqual(
                undeterminedsText(p).filter((u) => u.endsWith("yaml") || u.includes("yaml")),
                undetermined,
            );
        });
    }
});
