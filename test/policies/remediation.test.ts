// What clean-guard-data-residency proposes under Pulumi's `remediate` level: the stack's one classification,
// stamped on a taggable resource that holds data and carries none; nothing where the change is not obvious.
import { strict as assert } from "node:assert";
import { locate } from "../../src/locate";
import type { NormalisedResource, StackContext } from "../../src/model/resource";
import { dataResidency } from "../../src/policies";
import type { TagRemediation } from "../../src/policies/define";
import { gcsBucket, providerResource, s3Bucket, k8sResource } from "../support/builders";
import { catalog, profile } from "./judge";

function stackTagged(tags: Record<string, string>): StackContext {
    return { project: "shop", stack: "dev", tags: new Map(Object.entries(tags)), phase: "preview" };
}

function proposal(r: NormalisedResource, stack: StackContext): TagRemediation | undefined {
    return dataResidency.remediate?.(locate(r, { catalog }), { profile, catalog, stack });
}

describe("clean-guard-data-residency remediation", () => {
    const eu = stackTagged({ "data-residency": "eu" });
    const cases: Array<[string, NormalisedResource, StackContext, TagRemediation | undefined]> = [
        [
            "an untagged AWS bucket in an EU stack",
            s3Bucket({ bucket: "b" }, { providerRegion: "eu-west-1" }),
            eu,
            { input: "tags", key: "data-residency", value: "eu" },
        ],
        [
            "a Google Cloud bucket gets a label",
            gcsBucket({ name: "g", location: "EUROPE-WEST4" }),
            eu,
            { input: "labels", key: "data-residency", value: "eu" },
        ],
        [
            "a bucket already classified",
            s3Bucket({ bucket: "b", tags: { "data-residency": "de" } }, { providerRegion: "eu-west-1" }),
            eu,
            undefined,
        ],
        [
            "a stack that classifies nothing",
            s3Bucket({ bucket: "b" }, { providerRegion: "eu-west-1" }),
            stackTagged({}),
            undefined,
        ],
        ["a provider instance", providerResource("aws", "eu", { region: "eu-west-1" }), eu, undefined],
        [
            "a Kubernetes object (its labels are not a cloud tag map)",
            k8sResource("kubernetes:core/v1:ConfigMap", { metadata: { name: "c" } }),
            eu,
            undefined,
        ],
    ];
    for (const [what, resource, stack, expected] of cases)
        it(what, () => assert.deepEqual(proposal(resource, stack), expected));
});
