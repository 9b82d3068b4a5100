import { strict as assert } from "assert";
import { readTags, type HiddenTags } from "../../src/locate/core/tags";
import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import {
    awsNativeResource,
    defaultProvider,
    explicitProvider,
    resource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";

const gcs = (props: Props, config: Props = {}) =>
    resource(
        "gcp:storage/bucket:Bucket",
        "b",
        { location: "EU", ...props },
        { provider: defaultProvider("gcp", config, "9_0_0") },
    );

describe("tags and labels", () => {
    const cases: Array<[string, NormalisedResource, Record<string, string>]> = [
        [
            "Cloud SQL keeps its labels in settings.userLabels",
            resource(
                "gcp:sql/databaseInstance:DatabaseInstance",
                "db",
                { region: "europe-west1", settings: { tier: "db-f1-micro", userLabels: { "data-residency": "be" } } },
                { provider: defaultProvider("gcp", {}, "9_0_0") },
            ),
            { "data-residency": "be" },
        ],
        [
            "GKE keeps the cluster's labels in resourceLabels",
            resource(
                "gcp:container/cluster:Cluster",
                "gke",
                { location: "europe-west1", resourceLabels: { "data-residency": "eu" } },
                { provider: defaultProvider("gcp", {}, "9_0_0") },
            ),
            { "data-residency": "eu" },
        ],
        [
            "decoy: a map whose name only contains 'labels' is not one",
            resource(
                "gcp:container/cluster:Cluster",
                "gke",
                { location: "europe-west1", labelsPolicy: { "data-residency": "us" } },
                { provider: defaultProvider("gcp", {}, "9_0_0") },
            ),
            {},
        ],
        [
            "aws tags",
            s3Bucket({ tags: { "data-residency": "eu", team: "shop" } }, { providerRegion: "eu-west-1" }),
            { "data-residency": "eu", team: "shop" },
        ],
        [
            "aws provider default tags classify every resource of the provider",
            s3Bucket(
                {},
                {
                    provider: explicitProvider("aws", "eu", {
                        region: "eu-west-1",
                        defaultTags: { tags: { "data-residency": "de" } },
                    }),
                },
            ),
            { "data-residency": "de" },
        ],
        [
            "the resource's own tag beats the provider's default",
            s3Bucket(
                { tags: { "data-residency": "eu" } },
                {
                    provider: explicitProvider("aws", "eu", {
                        region: "eu-west-1",
                        defaultTags: { tags: { "data-residency": "de" } },
                    }),
                },
            ),
            { "data-residency": "eu" },
        ],
        [
            "aws tagsAll (at `up`)",
            s3Bucket({ tagsAll: { "data-residency": "ca" } }, { providerRegion: "ca-central-1" }),
            { "data-residency": "ca" },
        ],
        [
            "azure-native tags",
            resource("azure-native:storage:StorageAccount", "sa", {
                location: "westeurope",
                tags: { "data-residency": "eu" },
            }),
            { "data-residency": "eu" },
        ],
        ["gcp labels", gcs({ labels: { "data-residency": "eu" } }), { "data-residency": "eu" }],
        [
            "gcp provider default labels",
            gcs({}, { defaultLabels: { "data-residency": "eea" } }),
            { "data-residency": "eea" },
        ],
        ["gcp effectiveLabels", gcs({ effectiveLabels: { "data-residency": "eu" } }), { "data-residency": "eu" }],
        [
            "kubernetes metadata labels",
            resource("kubernetes:apps/v1:Deployment", "d", {
                metadata: { labels: { "data-residency": "ca" } },
                spec: {},
            }),
            { "data-residency": "ca" },
        ],
        [
            "a Deployment's pod template labels classify it when its own labels do not",
            resource("kubernetes:apps/v1:Deployment", "d", {
                metadata: { labels: { app: "shop" } },
                spec: { template: { metadata: { labels: { app: "shop", "data-residency": "de" } } } },
            }),
            { app: "shop", "data-residency": "de" },
        ],
        [
            "the Deployment's own label beats its pod template's",
            resource("kubernetes:apps/v1:Deployment", "d", {
                metadata: { labels: { "data-residency": "eu" } },
                spec: { template: { metadata: { labels: { "data-residency": "de" } } } },
            }),
            { "data-residency": "eu" },
        ],
        [
            "a StatefulSet's volume claim templates classify it; the first claim that sets a label keeps it",
            resource("kubernetes:apps/v1:StatefulSet", "s", {
                spec: {
                    volumeClaimTemplates: [
                        { metadata: { labels: { "data-residency": "fr" } } },
                        { metadata: { labels: { "data-residency": "us" } } },
                    ],
                },
            }),
            { "data-residency": "fr" },
        ],
        [
            "a CronJob's job template, and a secret template label left out",
            resource("kubernetes:batch/v1:CronJob", "c", {
                spec: {
                    jobTemplate: {
                        metadata: { labels: { team: secret("shop") } },
                        spec: { template: { metadata: { labels: { "data-residency": "ch" } } } },
                    },
                },
            }),
            { "data-residency": "ch" },
        ],
        [
            "Cloud Run keeps the revision's labels in template.labels",
            resource("gcp:cloudrunv2/service:Service", "run", {
                location: "europe-west1",
                template: { labels: { "data-residency": "be" } },
            }),
            { "data-residency": "be" },
        ],
        [
            "a machine-learning data asset keeps its tags in its properties (and v2 in dataVersionBaseProperties)",
            resource("azure-native:machinelearningservices/v20240401:DataVersion", "dv", {
                dataVersionBaseProperties: { tags: { "data-residency": "ch" } },
            }),
            { "data-residency": "ch" },
        ],
        [
            "a NetApp volume group's volumes classify it",
            resource("azure-native:netapp:VolumeGroup", "vg", {
                volumes: [{ tags: { "data-residency": "ch" } }],
            }),
            { "data-residency": "ch" },
        ],
        [
            "decoy: the tags TagAtScope writes on a subscription are not its own classification",
            resource("azure-native:resources:TagAtScope", "t", {
                scope: "/subscriptions/0000",
                properties: { tags: { "data-residency": "eu" } },
            }),
            {},
        ],
        [
            "decoy: a pod template label is not read on a type that has no pod template",
            resource("gcp:storage/bucket:Bucket", "b", {
                location: "EU",
                spec: { template: { metadata: { labels: { "data-residency": "us" } } } },
            }),
            {},
        ],
        [
            "alicloud tags",
            resource("alicloud:oss/bucket:Bucket", "b", { tags: { "data-residency": "eu" } }),
            { "data-residency": "eu" },
        ],
        [
            "aws-native tags as key/value pairs",
            awsNativeResource(
                "aws-native:s3:Bucket",
                {
                    tags: [
                        { key: "data-residency", value: "eu" },
                        { key: "team", value: "shop" },
                    ],
                },
                { providerRegion: "eu-west-1" },
            ),
            { "data-residency": "eu", team: "shop" },
        ],
        // A classification cannot be a secret or not-yet-known: nothing is recorded.
        [
            "a secret tag value is left out",
            s3Bucket({ tags: { "data-residency": secret("eu"), team: "shop" } }, { providerRegion: "eu-west-1" }),
            { team: "shop" },
        ],
        [
            "a secret tag map is left out",
            s3Bucket({ tags: secret({ "data-residency": "eu" }) }, { providerRegion: "eu-west-1" }),
            {},
        ],
        [
            "an unknown tag value is left out",
            s3Bucket({ tags: { "data-residency": unknown() } }, { providerRegion: "eu-west-1" }),
            {},
        ],
        ["odd shapes are ignored", s3Bucket({ tags: ["eu", 3, null] }, { providerRegion: "eu-west-1" }), {}],
    ];
    for (const [what, r, expected] of cases) it(what, () => assert.deepEqual(readTags(r), expected));

    it("a secret tag value, or every tag of a secret map, is handed to the caller that asks, apart", () => {
        const hidden: HiddenTags = { secrets: {}, pendingKeys: [], pendingMaps: [] };
        const r = s3Bucket(
            { tags: secret({ "data-residency": "eu" }), labels: { owner: secret("ops"), team: "shop" } },
            { providerRegion: "eu-west-1" },
        );
        assert.deepEqual(readTags(r, hidden), { team: "shop" });
        assert.deepEqual(hidden, {
            secrets: { "data-residency": "eu", owner: "ops" },
            pendingKeys: [],
            pendingMaps: [],
        });
    });

    it("a tag, or a whole map, not known during preview is named to the caller that asks; computed maps are not", () => {
        const hidden: HiddenTags = { secrets: {}, pendingKeys: [], pendingMaps: [] };
        const r = s3Bucket(
            {
                tags: { "data-residency": unknown(), team: "shop" },
                settings: { userLabels: unknown() },
                tagsAll: unknown(),
            },
            { providerRegion: "eu-west-1" },
        );
        assert.deepEqual(readTags(r, hidden), { team: "shop" });
        assert.deepEqual(hidden, {
            secrets: {},
            pendingKeys: ["data-residency"],
            pendingMaps: ["settings.userLabels"],
        });
    });
});

describe("tags and labels inside what a resource creates", () => {
    it("a secret pod template label classifies the workload, kept apart from the plain labels", () => {
        const hidden: HiddenTags = { secrets: {}, pendingKeys: [], pendingMaps: [] };
        const r = resource("kubernetes:apps/v1:Deployment", "d", {
            metadata: { labels: { team: "shop" } },
            spec: { template: { metadata: { labels: secret({ "data-residency": "de" }) } } },
        });
        assert.deepEqual(readTags(r, hidden), { team: "shop" });
        assert.deepEqual(hidden, { secrets: { "data-residency": "de" }, pendingKeys: [], pendingMaps: [] });
    });

    it("a pod template's labels not known during preview are named by their path", () => {
        const hidden: HiddenTags = { secrets: {}, pendingKeys: [], pendingMaps: [] };
        const r = resource("kubernetes:apps/v1:StatefulSet", "s", {
            spec: {
                template: { metadata: { labels: unknown() } },
                volumeClaimTemplates: [{ metadata: { labels: { "data-residency": unknown() } } }],
            },
        });
        assert.deepEqual(readTags(r, hidden), {});
        assert.deepEqual(hidden, {
            secrets: {},
            pendingKeys: ["data-residency"],
            pendingMaps: ["spec.template.metadata.labels"],
        });
    });
});
