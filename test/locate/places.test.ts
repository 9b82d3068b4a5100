// Location names as written, turned into the places policies judge. The catalog's answer for a name is
// remembered per catalog and cloud: a memo keyed too loosely would place one cloud's name on another.
import { strict as assert } from "node:assert";
import { defaultCatalog } from "../../src/catalog";
import { buildCatalog } from "../../src/catalog/catalog";
import { defaultCatalogDir } from "../../src/catalog/index";
import { loadCatalogData } from "../../src/catalog/load";
import type { Catalog, CloudId } from "../../src/catalog/types";
import { addLocation } from "../../src/locate/core/places";
import { emptyPlacement } from "../../src/model/placement";

const catalog = defaultCatalog();

/** `name countries` of the location, and whether the name was unrecognised. */
function placed(c: Catalog, cloud: CloudId, name: string): string {
    const p = emptyPlacement({ urn: "urn:x", type: "acme:x:X", name: "x" }, "acme");
    const l = addLocation(p, { catalog: c }, { cloud, name, role: "primary", via: "input 'region'", path: "region" });
    return `${l.name} ${l.countries.join(",") || "-"}${p.undetermined.length ? " unrecognised" : ""}`;
}

describe("addLocation", () => {
    it("places a name on the cloud it is read for, whatever was placed before", () => {
        assert.equal(placed(catalog, "azure", "westeurope"), "westeurope NL");
        assert.equal(placed(catalog, "aws", "westeurope"), "westeurope - unrecognised");
        assert.equal(placed(catalog, "azure", "West Europe"), "westeurope NL");
        assert.equal(placed(catalog, "aws", "westeurope"), "westeurope - unrecognised");
    });

    it("answers each catalog from its own regions", () => {
        const data = loadCatalogData(defaultCatalogDir);
        const aws = data.clouds.find((c) => c.cloud === "aws")!;
        aws.partitions[0].regions.push({ id: "eu-acme-1", country: "FR", source: "test" });
        const extended = buildCatalog(data);
        assert.equal(placed(catalog, "aws", "eu-acme-1"), "eu-acme-1 - unrecognised");
        assert.equal(placed(extended, "aws", "eu-acme-1"), "eu-acme-1 FR");
        assert.equal(placed(catalog, "aws", "eu-acme-1"), "eu-acme-1 - unrecognised");
    });

    it("gives every resource a location of its own", () => {
        const p = emptyPlacement({ urn: "urn:x", type: "acme:x:X", name: "x" }, "acme");
        const spec = {
            cloud: "aws",
            name: "eu-west-1",
            role: "primary",
            via: "input 'region'",
            path: "region",
        } as const;
        addLocation(p, { catalog }, spec).countries.push("CN");
        assert.equal(placed(catalog, "aws", "eu-west-1"), "eu-west-1 IE");
    });
});
