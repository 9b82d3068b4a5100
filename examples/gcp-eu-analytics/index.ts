// An EU analytics pipeline on Google Cloud: events land in Pub/Sub, raw files in a regional bucket,
// tables in a BigQuery dataset, reports in an EU multi-region bucket. One bucket was created with
// location `US`, a multi-region that spreads the EU data over US data centres.

import * as gcp from "@pulumi/gcp";

const labels = { "data-residency": "eu", team: "analytics" };

new gcp.pubsub.Topic("events", {
    name: "events",
    // Pub/Sub stores messages only in these regions (Belgium, the Netherlands).
    messageStoragePolicy: { allowedPersistenceRegions: ["europe-west1", "europe-west4"], enforceInTransit: true },
    labels,
});

new gcp.storage.Bucket("events-raw", {
    name: "acme-events-raw",
    location: "EUROPE-WEST4",
    uniformBucketLevelAccess: true,
    labels,
});

new gcp.storage.Bucket("reports", {
    name: "acme-reports",
    location: "EU",
    uniformBucketLevelAccess: true,
    labels,
});

new gcp.bigquery.Dataset("analytics", {
    datasetId: "analytics",
    location: "EU",
    labels,
});

// The violation: `US` is a multi-region of data centres in the United States.
new gcp.storage.Bucket("exports", {
    name: "acme-exports",
    location: "US",
    uniformBucketLevelAccess: true,
    labels,
});
