// Entry points to the catalog: load a directory (tests, custom catalogs) or the shipped data, once.

import path from "path";
import { buildCatalog } from "./catalog";
import { loadCatalogData } from "./load";
import type { Catalog } from "./types";

export type { Catalog, CatalogFact, CloudId, MultiRegion, AzurePair, Vendor, VendorMatch } from "./types";
export { CatalogError } from "./errors";
export { parseHost } from "./hosts";
export { catalogSummary } from "./summary";

/** The shipped data: YAML beside this module (the build copies it into dist). */
export const defaultCatalogDir = path.join(__dirname, "data");

/** Loads and checks a catalog directory; throws CatalogError naming file, line and key on any problem. */
export function loadCatalog(dir: string = defaultCatalogDir): Catalog {
    return buildCatalog(loadCatalogData(dir));
}

let shipped: Catalog | undefined;

/** The shipped catalog, loaded on first use and shared afterwards. */
export function defaultCatalog(): Catalog {
    shipped ??= loadCatalog();
    return shipped;
}
