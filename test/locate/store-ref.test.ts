// What a value naming another store says of it before anything is looked up (src/locate/core/store-ref.ts), and the
// stack's index finding that store by the name the form carries.

import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPlaceTable } from "../../src/locate/core/place-table";
import { StackIndex } from "../../src/locate/core/stack-index";
import { parseStoreRef } from "../../src/locate/core/store-ref";
import { azureNative, gcsBucket, s3Bucket } from "../support/builders";

describe("a value that names another store", () => {
    const cases: Array<[string, string, ReturnType<typeof parseStoreRef>]> = [
        [
            "an ARN with a region: that region and partition",
            "arn:aws-cn:sqs:cn-north-1:123456789012:dlq",
            {
                name: "arn:aws-cn:sqs:cn-north-1:123456789012:dlq",
                cloud: "aws",
                partition: "aws-cn",
                region: "cn-north-1",
                form: "its ARN",
            },
        ],
        [
            "an S3 ARN: the bucket and partition, no region",
            "arn:aws:s3:::org-logs/vpc/",
            { name: "org-logs", cloud: "aws", partition: "aws", form: "its ARN" },
        ],
        ["an s3:// URL: the bucket", "s3://results/athena/", { name: "results", cloud: "aws", form: "its s3:// URL" }],
        ["a gs:// URL: the bucket", "gs://tmp-eu/dataflow", { name: "tmp-eu", cloud: "gcp", form: "its gs:// URL" }],
        [
            "a log sink's Cloud Storage destination: the bucket",
            "storage.googleapis.com/audit-logs",
            { name: "audit-logs", cloud: "gcp", form: "its URL" },
        ],
        [
            "a BigQuery URL: the dataset",
            "bq://project-1.analytics.requests",
            { name: "analytics", cloud: "gcp", form: "its URL" },
        ],
        [
            "a Google resource name with a location: its location",
            "logging.googleapis.com/projects/p/locations/us-central1/buckets/audit",
            { name: "audit", cloud: "gcp", region: "us-central1", form: "its resource name" },
        ],
        [
            "a disk by zone",
            "projects/p/zones/europe-west1-b/disks/data",
            { name: "data", cloud: "gcp", region: "europe-west1-b", form: "its resource name" },
        ],
        [
            "a global Google resource: no location",
            "projects/p/locations/global/messageBuses/bus",
            { name: "bus", cloud: "gcp", form: "its resource name" },
        ],
        [
            "an Azure resource id: the top resource's name",
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct/blobServices/default",
            { name: "acct", cloud: "azure", form: "its resource id" },
        ],
        [
            "an Azure China blob URL: the account and Azure China",
            "https://Captures.blob.core.chinacloudapi.cn/pcaps/a.cap",
            {
                name: "captures",
                cloud: "azure",
                partition: "azure-china",
                form: "its storage host's suffix core.chinacloudapi.cn",
            },
        ],
        [
            "an Azure China container registry's login server: the registry and Azure China",
            "Builds.azurecr.cn",
            { name: "builds", cloud: "azure", partition: "azure-china", form: "its registry host's suffix azurecr.cn" },
        ],
        [
            "a public Azure registry's login server: the registry and public Azure",
            "builds.azurecr.io",
            { name: "builds", cloud: "azure", partition: "azure", form: "its registry host's suffix azurecr.io" },
        ],
        ["a plain name: itself", "orders-dlq", { name: "orders-dlq", form: "its name" }],
    ];
    for (const [what, value, expected] of cases) it(what, () => assert.deepEqual(parseStoreRef(value), expected));

    it("a lookalike host is no Azure Storage account or registry", () => {
        assert.equal(parseStoreRef("https://acct.blob.core.windows.net.example.com/x").cloud, undefined);
        assert.equal(parseStoreRef("builds.azurecr.io.example.com").cloud, undefined);
    });
});

describe("the stack's index, by the name a form carries", () => {
    const bucket = s3Bucket({ bucket: "results" }, { name: "results" });
    const gcs = gcsBucket({ name: "tmp-eu", location: "EU" }, { name: "tmp" });
    const account = azureNative("storage:StorageAccount", { resourceGroupName: "rg" }, { name: "acct" });
    const registry = azureNative("containerregistry:Registry", { registryName: "builds" }, { name: "registry" });
    const index = new StackIndex([bucket, gcs, account, registry]);

    it("finds a bucket by its s3:// URL or S3 ARN, a Cloud Storage bucket by gs://, an account by its id, a registry by its host", () => {
        assert.equal(index.resolve("s3://results/athena/")?.urn, bucket.urn);
        assert.equal(index.resolve("arn:aws:s3:::results/prefix")?.urn, bucket.urn);
        assert.equal(index.resolve("gs://tmp-eu/staging")?.urn, gcs.urn);
        const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct";
        assert.equal(index.resolve(id)?.urn, account.urn);
        assert.equal(index.resolve("builds.azurecr.io")?.urn, registry.urn);
    });

    it("finds nothing by a name no resource has", () => {
        assert.equal(index.resolve("s3://elsewhere/x"), undefined);
        assert.equal(index.resolve("arn:aws:sqs:eu-west-1:1:results"), undefined);
    });
});

describe("a table entry that refers", () => {
    const tableWith = (entry: string) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refers-")), "t.yaml");
        fs.writeFileSync(file, `entries:\n${entry}labels: []\n`);
        return () => loadPlaceTable("entries", file);
    };

    it("needs a role, and a relation it knows", () => {
        assert.throws(tableWith("  - { types: aws:x, inputs: [a], read: r, refers: copies-to }\n"), /role/);
        assert.throws(tableWith("  - { types: aws:x, inputs: [a], read: r, role: replica, refers: copy }\n"), /refers/);
        assert.equal(
            tableWith("  - { types: aws:x, inputs: [a], read: r, role: replica, refers: copy-of }\n")()[0].refers,
            "copy-of",
        );
    });
});
