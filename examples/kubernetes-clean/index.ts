// The same shop with every image from trusted registries, including names that only look like an
// untrusted registry: a path that mentions one, and a host whose name merely ends in the same letters.

import * as k8s from "@pulumi/kubernetes";

const deployment = (name: string, image: string) =>
    new k8s.apps.v1.Deployment(name, {
        metadata: { name, labels: { app: "shop" } },
        spec: {
            replicas: 2,
            selector: { matchLabels: { app: name } },
            template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } },
        },
    });

deployment("api", "ghcr.io/acme/shop-api:2.3.0");
// Decoy: the registry is registry.example.com; "aliyuncs.com" is only part of the repository path.
deployment("app", "registry.example.com/aliyuncs.com-mirror/app:1.0.0");
// Decoy: notaliyuncs.com is not a subdomain of aliyuncs.com.
deployment("search", "mirror.notaliyuncs.com/shop/search:5.1.0");
// An image without a registry comes from Docker Hub.
deployment("cache", "redis:7.4");

new k8s.batch.v1.CronJob("nightly-report", {
    metadata: { name: "nightly-report", labels: { app: "shop" } },
    spec: {
        schedule: "0 2 * * *",
        jobTemplate: {
            spec: {
                template: {
                    spec: {
                        restartPolicy: "OnFailure",
                        containers: [
                            { name: "report", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/report:1.0.4" },
                        ],
                    },
                },
            },
        },
    },
});
