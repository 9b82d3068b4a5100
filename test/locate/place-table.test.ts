// The place-input table's own reader (src/locate/core/place-table.ts): what it makes of the value at a role
// entry's input, read through lists, ARNs, another cloud's names, v2 tokens, preview unknowns and secrets.

import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import { loadPlaceTable } from "../../src/locate/core/place-table";
import type { NormalisedResource } from "../../src/model/resource";
import { awsResource, azureNative, gcpResource, secret, unknown } from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const copies = (r: NormalisedResource) => locationsText(placed(r)).filter((l) => !l.startsWith("primary"));

const workspace = (replication: unknown, token = "operationalinsights:Workspace") =>
    azureNative(token, {
        location: "westeurope",
        resourceGroupName: "rg",
        replication: replication as never,
    });

describe("the place-input table's reader", () => {
    it("places a region the catalog knows in its country, in the entry's role", () => {
        assert.deepEqual(copies(workspace({ enabled: true, location: "northeurope" })), ["replica northeurope IE"]);
    });

    it("reads an azure-native v2 token (with an API version) by its v3 name", () => {
        const r = workspace({ location: "chinanorth3" }, "operationalinsights/v20250201:Workspace");
        assert.deepEqual(copies(r), ["replica chinanorth3 CN"]);
    });

    it("reads every element of a list on the way and a list at the end of the path", () => {
        const image = awsResource(
            "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
            { distributions: [{ region: "eu-west-1" }, { region: "ap-northeast-1" }] },
            { providerRegion: "eu-west-1" },
        );
        assert.deepEqual(copies(image), ["replica eu-west-1 IE", "replica ap-northeast-1 JP"]);
        const model = gcpResource("gcp:ml/engineModel:EngineModel", { name: "m", regions: ["europe-west4"] });
        assert.deepEqual(copies(model), ["processing europe-west4 NL"]);
    });

    it("reads the region and partition an ARN carries, and nothing from an ARN with no region", () => {
        const replication = (arn: string) =>
            awsResource("aws:s3tables/tableBucketReplication:TableBucketReplication", {
                rule: { destinations: [{ destinationTableBucketArn: arn }] },
            });
        assert.deepEqual(copies(replication("arn:aws-cn:s3tables:cn-north-1:1:bucket/b")), ["replica cn-north-1 CN"]);
        assert.deepEqual(copies(replication("arn:aws:s3tables:::bucket/b")), []);
    });

    it("makes a name the catalog does not know any region of the resource's partition", () => {
        const [replica] = placed(workspace({ location: "westeurope9" })).locations.filter((l) => l.role === "replica");
        assert.ok(replica.possible, "a set of possible places");
        assert.deepEqual([...new Set(replica.possible.candidates.map((c) => c.partition))], ["azure"]);
        assert.ok(!replica.countries.includes("CN"), "Azure's public regions hold no mainland-China region");
    });

    it("reads another cloud's region where the entry names that cloud (GKE on AWS)", () => {
        const cluster = gcpResource("gcp:container/awsCluster:AwsCluster", {
            location: "europe-west1",
            awsRegion: "cn-north-1",
        });
        assert.ok(locationsText(placed(cluster)).includes("primary cn-north-1 CN"));
    });

    it("records a value unknown during preview as advisory and a secret's ciphertext as unreadable", () => {
        const preview = placed(workspace({ location: unknown() }));
        assert.deepEqual(undeterminedsText(preview), [
            "unknown-during-preview secondary-location replication.location",
        ]);
        assert.equal(preview.undetermined[0].advisory, true);
        const cipher = placed(workspace({ location: secret() }));
        assert.deepEqual(undeterminedsText(cipher), ["secret-ciphertext secondary-location replication.location"]);
    });

    it("never prints a secret location's value", () => {
        const p = placed(workspace({ location: secret("westeurope9") }));
        const replica = p.locations.find((l) => l.role === "replica")!;
        assert.equal(replica.secret, true);
        assert.ok(!replica.possible!.why.includes("westeurope9"));
    });

    it("refuses a role (or cloud) on an entry that is not read, or on a path it would have to search", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "place-table-"));
        const table = (entry: string) => {
            const file = path.join(dir, "table.yaml");
            fs.writeFileSync(file, `entries:\n  - types: aws:*\n${entry}\nlabels: []\n`);
            return () => loadPlaceTable("entries", file);
        };
        assert.throws(table("    inputs: [a.region]\n    unread: x\n    role: replica"), /belongs to a read entry/);
        assert.throws(table("    inputs: ['**.region']\n    read: x\n    role: replica"), /wildcard name/);
        assert.throws(table("    inputs: [a.region]\n    read: x\n    role: copy"), /belongs to a read entry/);
        assert.throws(table("    inputs: [a.region]\n    read: x\n    cloud: azure"), /belongs to a read entry/);
    });
});
