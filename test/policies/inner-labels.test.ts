// A classification written where users put it: on a workload's pod template, a Cloud Run revision template, the
// volumes of a NetApp volume group. Each classifies the resource that creates them, judged where it is.

import type { NormalisedResource } from "../../src/model/resource";
import { azureNative, container, gcpResource, k8sResource } from "../support/builders";
import { assertFindings, judgeResource, type Expected } from "./judge";

const POLICY = "clean-guard-data-residency";
const classified = (value: string) => ({ "data-residency": value });

const deployment = (podLabels: Record<string, string>) =>
    k8sResource("kubernetes:apps/v1:Deployment", {
        metadata: { name: "api", labels: { app: "api" } },
        spec: {
            template: {
                metadata: { labels: { app: "api", ...podLabels } },
                spec: { containers: [container("api", "nginx:1.27")] },
            },
        },
    });

const cloudRun = (location: string) =>
    gcpResource("gcp:cloudrunv2/service:Service", {
        location,
        template: { labels: classified("ch"), containers: [{ image: "europe-docker.pkg.dev/p/r/api:1" }] },
    });

const volumeGroup = (location: string) =>
    azureNative("netapp:VolumeGroup", {
        location,
        resourceGroupName: "rg",
        accountName: "files",
        volumes: [{ name: "data", tags: classified("ch") }],
    });

describe(`${POLICY}: a classification on what a resource creates`, () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "a Deployment whose pods are labelled eu, with no cluster in the program, cannot be verified",
            deployment(classified("eu")),
            [["unverified", "classified by its label 'data-residency'", "not in the program"]],
        ],
        ["decoy: a Deployment whose pods carry only an app label", deployment({}), []],
        [
            "a Cloud Run service in Belgium whose revisions are labelled ch",
            cloudRun("europe-west1"),
            [["violation", "Data classified ch (Switzerland)", "Belgium (BE) is outside it"]],
        ],
        ["decoy: the same service in Zurich", cloudRun("europe-west6"), []],
        [
            "a NetApp volume group in the Netherlands whose volume is tagged ch",
            volumeGroup("westeurope"),
            [["violation", "Data classified ch (Switzerland)", "Netherlands (NL) is outside it"]],
        ],
        ["decoy: the same volume group in Switzerland North", volumeGroup("switzerlandnorth"), []],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));
});
