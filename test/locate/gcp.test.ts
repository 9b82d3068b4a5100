import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import { locateStack } from "../../src/locate/stack";
import type { NormalisedResource } from "../../src/model/resource";
import { explicitProvider, gcpResource, gcsBucket, providerResource, secret, unknown } from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const EU_COUNTRIES = "AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK";
const stackRegion = (region: string) => ({ providerConfig: { region } });

describe("gcp locator", () => {
    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        ["bucket in one region", gcsBucket({ location: "EUROPE-WEST4" }), ["primary europe-west4 NL"], []],
        [
            "bucket in the EU multi-region",
            gcsBucket({ location: "EU" }),
            [`primary eu ${EU_COUNTRIES} [multi-region]`],
            [],
        ],
        ["bucket in the US multi-region", gcsBucket({ location: "US" }), ["primary us US [multi-region]"], []],
        [
            "predefined dual-region: its two regions are members",
            gcsBucket({ location: "EUR4" }),
            ["primary eur4 BE,FI,NL [multi-region]", "member europe-north1 FI", "member europe-west4 NL"],
            [],
        ],
        [
            "custom dual-region names its regions",
            gcsBucket({
                location: "ASIA",
                customPlacementConfig: { dataLocations: ["ASIA-EAST1", "ASIA-SOUTHEAST1"] },
            }),
            [
                "primary asia HK,ID,IN,JP,KR,SG,TH,TW [multi-region]",
                "member asia-east1 TW",
                "member asia-southeast1 SG",
            ],
            [],
        ],
        [
            "a location no catalog knows",
            gcsBucket({ location: "MARS-NORTH1" }),
            ["primary mars-north1 ?"],
            ["unrecognised location location"],
        ],
        [
            "location unknown during preview",
            gcsBucket({ location: unknown() }),
            [],
            ["unknown-during-preview location location"],
        ],
        [
            "disk snapshot stored in the EU multi-region",
            gcpResource("gcp:compute/snapshot:Snapshot", {
                sourceDisk: "disk",
                zone: "europe-west4-b",
                storageLocations: ["eu"],
            }),
            ["primary europe-west4-b NL [zone]", `backup eu ${EU_COUNTRIES} [multi-region]`],
            [],
        ],
        [
            "zone names its region",
            gcpResource("gcp:compute/instance:Instance", { machineType: "e2-small", zone: "europe-west4-b" }),
            ["primary europe-west4-b NL [zone]"],
            [],
        ],
        [
            "Cloud Run location",
            gcpResource("gcp:cloudrunv2/service:Service", { location: "europe-west9", template: {} }),
            ["primary europe-west9 FR"],
            [],
        ],
        [
            "1st gen function region",
            gcpResource("gcp:cloudfunctions/function:Function", { region: "asia-east2", runtime: "nodejs20" }),
            ["primary asia-east2 HK"],
            [],
        ],
        [
            "function without region: the default provider (stack config gcp:region)",
            gcpResource("gcp:cloudfunctions/function:Function", { runtime: "nodejs20" }, stackRegion("europe-west3")),
            ["primary europe-west3 DE"],
            [],
        ],
        [
            "explicit provider's region",
            gcpResource(
                "gcp:cloudfunctions/function:Function",
                { runtime: "nodejs20" },
                { provider: explicitProvider("gcp", "hk", { region: "asia-east2", project: "p" }) },
            ),
            ["primary asia-east2 HK"],
            [],
        ],
        [
            "the resource's own input wins over the provider",
            gcpResource("gcp:cloudfunctions/function:Function", { region: "europe-west1" }, stackRegion("asia-east2")),
            ["primary europe-west1 BE"],
            [],
        ],
        [
            "provider region unknown during preview",
            gcpResource("gcp:cloudfunctions/function:Function", {}, stackRegion(unknown() as unknown as string)),
            [],
            ["unknown-during-preview location provider.region"],
        ],
        [
            "the provider instance itself",
            providerResource("gcp", "hk", { region: "asia-east2" }),
            ["primary asia-east2 HK"],
            [],
        ],
        [
            "BigQuery dataset without location: US, not the provider's region",
            gcpResource("gcp:bigquery/dataset:Dataset", { datasetId: "d" }, stackRegion("europe-west1")),
            ["primary us US [multi-region]"],
            [],
        ],
        [
            "BigQuery dataset in the EU",
            gcpResource("gcp:bigquery/dataset:Dataset", { datasetId: "d", location: "EU" }),
            [`primary eu ${EU_COUNTRIES} [multi-region]`],
            [],
        ],
        [
            "Artifact Registry repository",
            gcpResource("gcp:artifactregistry/repository:Repository", {
                location: "europe-west1",
                format: "DOCKER",
                repositoryId: "r",
            }),
            ["primary europe-west1 BE"],
            [],
        ],
        [
            "Spanner regional config",
            gcpResource(
                "gcp:spanner/instance:Instance",
                { config: "regional-europe-west1", displayName: "i" },
                stackRegion("us-east1"),
            ),
            ["primary europe-west1 BE"],
            [],
        ],
        [
            "Spanner config written as a full name",
            gcpResource("gcp:spanner/instance:Instance", {
                config: "projects/p/instanceConfigs/regional-asia-east1",
                displayName: "i",
            }),
            ["primary asia-east1 TW"],
            [],
        ],
        [
            "Spanner multi-region config eur3: each member region",
            gcpResource("gcp:spanner/instance:Instance", { config: "eur3", displayName: "i" }, stackRegion("us-east1")),
            [
                "primary eur3 BE,FI,NL [multi-region]",
                "member europe-west1 BE",
                "member europe-west4 NL",
                "member europe-north1 FI",
            ],
            [],
        ],
        [
            "a Firestore database in nam5, named by locationId, not the provider's region",
            gcpResource(
                "gcp:firestore/database:Database",
                { name: "(default)", locationId: "nam5", type: "FIRESTORE_NATIVE" },
                stackRegion("europe-west1"),
            ),
            ["primary nam5 US [multi-region]", "member us-central1 US", "member us-east1 US"],
            [],
        ],
        [
            "Spanner custom config",
            gcpResource("gcp:spanner/instance:Instance", { config: "custom-my-config", displayName: "i" }),
            ["primary custom-my-config ?"],
            ["unrecognised location config"],
        ],
        [
            "Pub/Sub topic limited to persistence regions",
            gcpResource(
                "gcp:pubsub/topic:Topic",
                { messageStoragePolicy: { allowedPersistenceRegions: ["europe-west1", "asia-east2"] } },
                stackRegion("europe-west1"),
            ),
            ["member europe-west1 BE", "member asia-east2 HK"],
            [],
        ],
        [
            "Pub/Sub topic without a storage policy may store anywhere",
            gcpResource("gcp:pubsub/topic:Topic", {}, stackRegion("europe-west1")),
            ["primary global ? [global]"],
            [],
        ],
        [
            "Pub/Sub storage policy in an unreadable secret",
            gcpResource("gcp:pubsub/topic:Topic", { messageStoragePolicy: secret() }),
            [],
            ["secret-ciphertext location messageStoragePolicy"],
        ],
        [
            "Secret Manager automatic replication",
            gcpResource("gcp:secretmanager/secret:Secret", { secretId: "s", replication: { auto: {} } }),
            ["primary global ? [global]"],
            [],
        ],
        [
            "Secret Manager user-managed replicas",
            gcpResource("gcp:secretmanager/secret:Secret", {
                secretId: "s",
                replication: { userManaged: { replicas: [{ location: "europe-west1" }, { location: "us-east1" }] } },
            }),
            ["replica europe-west1 BE", "replica us-east1 US"],
            [],
        ],
        [
            "Cloud SQL backups in a chosen location",
            gcpResource("gcp:sql/databaseInstance:DatabaseInstance", {
                region: "europe-west3",
                databaseVersion: "POSTGRES_16",
                settings: { tier: "db-f1-micro", backupConfiguration: { enabled: true, location: "us" } },
            }),
            ["primary europe-west3 DE", "backup us US [multi-region]"],
            [],
        ],
        [
            "Cloud SQL backups left to Google's nearest multi-region",
            gcpResource("gcp:sql/databaseInstance:DatabaseInstance", {
                region: "europe-west3",
                databaseVersion: "POSTGRES_16",
                settings: { tier: "db-f1-micro", backupConfiguration: { enabled: true } },
            }),
            ["primary europe-west3 DE", `backup eu ${EU_COUNTRIES} [multi-region]`],
            [],
        ],
        [
            "Cloud SQL backups of an instance no multi-region covers: one of them",
            gcpResource("gcp:sql/databaseInstance:DatabaseInstance", {
                region: "europe-west2",
                databaseVersion: "POSTGRES_16",
                settings: { tier: "db-f1-micro", backupConfiguration: { enabled: true } },
            }),
            [
                "primary europe-west2 GB",
                `backup us/eu/asia US,${EU_COUNTRIES},HK,ID,IN,JP,KR,SG,TH,TW [multi-region one of gcp:us,gcp:eu,gcp:asia]`,
            ],
            [],
        ],
        [
            "Cloud SQL without backups",
            gcpResource("gcp:sql/databaseInstance:DatabaseInstance", {
                region: "europe-west3",
                databaseVersion: "POSTGRES_16",
                settings: { tier: "db-f1-micro" },
            }),
            ["primary europe-west3 DE"],
            [],
        ],
        [
            "a VPC network is global configuration",
            gcpResource("gcp:compute/network:Network", { autoCreateSubnetworks: false }, stackRegion("europe-west1")),
            ["primary global ? [global control-plane]"],
            [],
        ],
        [
            "a global load balancer handles traffic everywhere",
            gcpResource("gcp:compute/backendService:BackendService", {}, stackRegion("europe-west1")),
            ["primary global ? [global]"],
            [],
        ],
        [
            "an IAM binding keeps no data",
            gcpResource(
                "gcp:projects/iAMMember:IAMMember",
                { project: "p", role: "roles/viewer", member: "user:a@example.com" },
                stackRegion("europe-west1"),
            ),
            [],
            [],
        ],
    ];
    for (const [what, r, locations, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(locationsText(p), locations);
            assert.deepEqual(undeterminedsText(p), undetermined);
        });
    }

    it("a resource inside another takes its parent's location, not the provider's region", () => {
        const bucket = gcsBucket({ name: "orders-eu", location: "EU" }, { name: "orders" });
        const object = gcpResource(
            "gcp:storage/bucketObject:BucketObject",
            { bucket: "orders-eu", name: "a.csv" },
            { ...stackRegion("asia-east2"), name: "a" },
        );
        const placements = locateStack([bucket, object], { catalog });
        assert.deepEqual(locationsText(placements.get(object.urn)!), [`primary eu ${EU_COUNTRIES} [multi-region]`]);
    });

    it("a Cloud SQL read replica holds a copy of its primary", () => {
        const p = placed(
            gcpResource("gcp:sql/databaseInstance:DatabaseInstance", {
                region: "us-east1",
                databaseVersion: "MYSQL_8_0",
                masterInstanceName: "orders-main",
            }),
        );
        assert.deepEqual(
            p.references.map((r) => `${r.relation} ${r.role} ${r.target}`),
            ["copy-of replica orders-main"],
        );
    });

    it("a secret location is flagged and its value kept out of the detail", () => {
        const p = placed(gcsBucket({ location: secret("MARS-NORTH1") }));
        assert.equal(p.locations[0].secret, true);
        assert.ok(!p.undetermined[0].detail.includes("MARS"), p.undetermined[0].detail);
    });
});
