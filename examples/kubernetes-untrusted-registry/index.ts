// A shop's workloads on Kubernetes, two of them pulling images from untrusted registries: Alibaba
// Cloud Container Registry (Hangzhou) and Tencent Container Registry.

import * as k8s from "@pulumi/kubernetes";

const labels = { app: "shop" };

new k8s.apps.v1.Deployment("api", {
    metadata: { name: "api", labels },
    spec: {
        replicas: 3,
        selector: { matchLabels: { app: "api" } },
        template: {
            metadata: { labels: { app: "api" } },
            spec: {
                containers: [
                    {
                        name: "api",
                        image: "registry.cn-hangzhou.aliyuncs.com/shop/api:2.3.0",
                        ports: [{ containerPort: 8080 }],
                    },
                ],
            },
        },
    },
});

new k8s.batch.v1.CronJob("nightly-report", {
    metadata: { name: "nightly-report", labels },
    spec: {
        schedule: "0 2 * * *",
        jobTemplate: {
            spec: {
                template: {
                    spec: {
                        restartPolicy: "OnFailure",
                        containers: [
                            {
                                name: "report",
                                image: "ccr.ccs.tencentyun.com/shop/report:1.0.4",
                                args: ["--since=24h"],
                            },
                        ],
                    },
                },
            },
        },
    },
});

// From the organisation's own registry: passes.
new k8s.apps.v1.Deployment("web", {
    metadata: { name: "web", labels },
    spec: {
        replicas: 2,
        selector: { matchLabels: { app: "web" } },
        template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "ghcr.io/acme/shop-web:2.3.0" }] },
        },
    },
});
