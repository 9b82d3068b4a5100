// Google Cloud: the gcp package, placed in the gcp catalog.

import type { Family } from "../../core/family";
import { GCP_PARTITION, locateGcp } from "./gcp";

export const gcpFamily: Family = {
    name: "Google Cloud",
    clouds: ["gcp"],
    packages: {
        gcp: { locate: locateGcp, partition: () => GCP_PARTITION, tagging: { word: "label", input: "labels" } },
    },
};
