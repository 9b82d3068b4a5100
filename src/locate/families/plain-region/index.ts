// Clouds whose resources name their region in a plain input (`region: fra1`, or the provider's `region`), with
// no copies or side doors a locator of their own would need to read: the generic locator reads them, in the
// cloud's own catalog so that a name another cloud also uses (OCI's `eu-frankfurt-1`, a Tencent Cloud zone)
// is this cloud's region.

import { locateGeneric } from "../../core/generic";
import type { Family } from "../../core/family";

export const plainRegionFamily: Family = {
    name: "Clouds named by a region input",
    clouds: ["digitalocean", "oci"],
    packages: {
        digitalocean: { locate: locateGeneric, cloud: "digitalocean", tagging: { word: "tag" } },
        oci: { locate: locateGeneric, cloud: "oci", tagging: { word: "tag" } },
    },
};
