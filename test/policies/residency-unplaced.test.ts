// A resource its owner classified, whose location the program does not say (a Kubernetes object), is not
// passed: clean-guard says it cannot check. A stack-wide classification does not ask this of every resource.
import type { NormalisedResource } from "../../src/model/resource";
import { container, k8sResource } from "../support/builders";
import { assertFindings, judgeResource, type Expected } from "./judge";

const POLICY = "clean-guard-data-residency";
const deployment = (labels: Record<string, string>) =>
    k8sResource("kubernetes:apps/v1:Deployment", {
        metadata: { name: "api", labels },
        spec: { template: { spec: { containers: [container("api", "nginx:1.27")] } } },
    });

describe(`${POLICY}: classified resources with no location in the program`, () => {
    const cases: Array<[string, NormalisedResource, Record<string, string>, Expected]> = [
        [
            "a Deployment labelled data-residency: eu",
            deployment({ "data-residency": "eu" }),
            {},
            [
                [
                    "unverified",
                    "classified by its label 'data-residency'",
                    "where it keeps its data is not in the program",
                ],
            ],
        ],
        [
            "decoy: the same Deployment unlabelled in a stack classified eu",
            deployment({}),
            { "data-residency": "eu" },
            [],
        ],
    ];
    for (const [what, r, stackTags, expected] of cases) {
        it(what, async () => assertFindings(await judgeResource(r, { stackTags }), POLICY, expected));
    }
});
