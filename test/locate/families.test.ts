// A cloud is added in one place: its family's registration (src/locate/families) and its catalog data file.
// These tests fail when the two disagree, or when anything else names a cloud no family registers.

import { strict as assert } from "node:assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate/index";
import { FAMILIES, registeredClouds, registrationOf } from "../../src/locate/families/index";
import { defaultProfile } from "../../src/profile/load";
import { resource } from "../support/builders";

const catalog = defaultCatalog();

describe("locate: family registrations", () => {
    it("every cloud with catalog data is registered by exactly one family, and every registered cloud has data", () => {
        const registered = registeredClouds();
        assert.deepEqual([...registered].sort(), [...new Set(registered)].sort(), "a cloud registered twice");
        assert.deepEqual([...registered].sort(), [...catalog.clouds()].sort());
    });

    it("no package is registered by two families", () => {
        const packages = FAMILIES.flatMap((family) => Object.keys(family.packages));
        assert.deepEqual(packages, [...new Set(packages)]);
    });

    it("every vendor that runs a cloud names a registered one", () => {
        const registered = new Set(registeredClouds());
        for (const vendor of catalog.vendors())
            if (vendor.cloud) assert.ok(registered.has(vendor.cloud), `${vendor.id} runs unregistered ${vendor.cloud}`);
    });

    it("every cloud the built-in profile names is registered", () => {
        const registered = new Set([...registeredClouds(), "*"]);
        for (const { cloud } of defaultProfile(catalog).disallowed.regions) assert.ok(registered.has(cloud), cloud);
    });

    it("a resource of a registered package is read by its family: its tags are named as its family names them", () => {
        for (const family of FAMILIES) {
            for (const [pkg, registration] of Object.entries(family.packages)) {
                const p = locate(resource(`${pkg}:storage/bucket:Bucket`, "b", {}), { catalog });
                assert.deepEqual(p.tagging, registration.tagging, pkg);
                assert.equal(registrationOf(pkg), registration);
            }
        }
    });

    it("a package no family registers is read by the inputs every provider names alike, and has tags", () => {
        const cluster = resource("acmedb:index/cluster:Cluster", "c", {
            providerName: "AWS",
            providerRegionName: "EU_CENTRAL_1",
        });
        const p = locate(cluster, { catalog });
        assert.equal(registrationOf("acmedb"), undefined);
        assert.deepEqual(p.tagging, { word: "tag" });
        assert.deepEqual(
            p.locations.map((l) => [l.cloud, l.place?.region]),
            [["aws", "eu-central-1"]],
        );
    });

    it("multi-cloud services name clouds by the aliases of the catalog's cloud files", () => {
        assert.equal(catalog.cloudNamed("Amazon Web Services"), "aws");
        assert.equal(catalog.cloudNamed("GOOGLE_CLOUD"), "gcp");
        assert.equal(catalog.cloudNamed("aliyun"), "alicloud");
        assert.equal(catalog.cloudNamed("Oracle Cloud"), "oci");
        assert.equal(catalog.cloudNamed("ovh"), undefined);
    });
});
