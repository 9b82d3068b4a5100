// Data stores outside the three big clouds, placed where their inputs say: a DigitalOcean Space or database by
// its `region` slug, an Oracle Cloud bucket by its provider's region, each in its own cloud's catalog. A place
// the catalog cannot name is "cannot verify", never a pass; a classified resource of a package with no locator
// and no location input is "cannot verify" too.

import type { NormalisedResource } from "../../src/model/resource";
import { cloudResource, resource } from "../support/builders";
import { assertFindings, judgeResource } from "./judge";

const RESIDENCY = "clean-guard-data-residency";
const EU = { stackTags: { "data-residency": "eu" } };

const space = (region: string): NormalisedResource =>
    cloudResource("digitalocean", "4_50_0", "digitalocean:index/spacesBucket:SpacesBucket", { name: "orders", region });
const database = (region: string): NormalisedResource =>
    cloudResource("digitalocean", "4_50_0", "digitalocean:index/databaseCluster:DatabaseCluster", {
        engine: "pg",
        nodeCount: 1,
        size: "db-s-1vcpu-1gb",
        region,
    });
// OCI resources carry no region: the provider's `oci:region` places them.
const ociBucket = (region: string): NormalisedResource =>
    cloudResource(
        "oci",
        "3_10_0",
        "oci:ObjectStorage/bucket:Bucket",
        { compartmentId: "ocid1.compartment.oc1..x", name: "orders", namespace: "ns" },
        { providerConfig: { region } },
    );

describe("clouds named by a region input: DigitalOcean and Oracle Cloud", () => {
    const cases: Array<[string, NormalisedResource, Parameters<typeof assertFindings>[2]]> = [
        ["a Space in Frankfurt (fra1) holding EU data: pass", space("fra1"), []],
        ["a Space in Amsterdam (ams3): pass", space("ams3"), []],
        [
            "a Space in Singapore (sgp1) holding EU data: rejected, naming the place",
            space("sgp1"),
            [["violation", "digitalocean region sgp1", "Singapore (SG)", "must stay in that jurisdiction"]],
        ],
        [
            "a managed database in New York (nyc3) holding EU data: rejected",
            database("nyc3"),
            [["violation", "nyc3", "United States (US)"]],
        ],
        ["an OCI bucket in Frankfurt (eu-frankfurt-1), from the provider: pass", ociBucket("eu-frankfurt-1"), []],
        ["an OCI bucket in the EU Sovereign Cloud (eu-madrid-2): pass", ociBucket("eu-madrid-2"), []],
        [
            "an OCI bucket in Ashburn (us-ashburn-1): rejected",
            ociBucket("us-ashburn-1"),
            [["violation", "oci region us-ashburn-1", "United States (US)"]],
        ],
        [
            "a Space in a region the catalog does not know: cannot verify, never a pass",
            space("mars1"),
            [["unverified", "mars1"]],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r, EU), RESIDENCY, expected));

    it("an OCI region name that is also a Tencent Cloud zone is OCI's region, not a choice of two clouds", async () => {
        const findings = await judgeResource(ociBucket("eu-frankfurt-1"), EU);
        assertFindings(findings, RESIDENCY, [], ["Tencent", "tencentcloud"]);
    });
});

describe("a classified resource with no location input: cannot verify, never a silent pass", () => {
    for (const [what, pkg] of [
        ["of a registered multi-cloud service (a Snowflake database)", "snowflake"],
        ["of a package no family knows", "acmedb"],
    ]) {
        it(what, async () => {
            const tagged = resource(`${pkg}:index/database:Database`, "analytics", {
                name: "ANALYTICS",
                tags: { "data-residency": "eu" },
            });
            assertFindings(await judgeResource(tagged), RESIDENCY, [
                ["unverified", "where it keeps its data is not in the program"],
            ]);
        });
    }
});
