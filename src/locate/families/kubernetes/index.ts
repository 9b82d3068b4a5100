// Kubernetes: workloads run wherever their cluster is, so the package places nothing in a catalog cloud; its
// locator reads container images and the cluster a resource names.

import type { Family } from "../../core/family";
import { locateKubernetes } from "./kubernetes";

export const kubernetesFamily: Family = {
    name: "Kubernetes",
    clouds: [],
    packages: {
        // Labels live in metadata.labels, nested: nothing is stamped.
        kubernetes: { locate: locateKubernetes, tagging: { word: "label" } },
    },
};
