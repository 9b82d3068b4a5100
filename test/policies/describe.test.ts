// How a finding names the place it judged, as the user reads it: the cloud, the kind of place, its name, the
// countries (named up to three, counted from four), the operator and partition where they differ from the
// cloud's own, and the input or provider it came from.
import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import { awsResource, s3Bucket } from "../support/builders";
import { gcsBucket } from "./builders";
import { judgeResource } from "./judge";

const tagged = (value: string) => ({ tags: { "data-residency": value } });
const labelled = (value: string) => ({ labels: { "data-residency": value } });

const cases: Array<[string, NormalisedResource, string, string]> = [
    [
        "a region of the commercial partition: its country, no partition",
        s3Bucket(tagged("de"), { providerRegion: "eu-west-1" }),
        "clean-guard-data-residency",
        "aws region eu-west-1 (Ireland (IE)) from the default aws provider (stack config)",
    ],
    [
        "a region of another partition: its operator and partition",
        s3Bucket({}, { providerRegion: "cn-north-1" }),
        "clean-guard-disallowed-region",
        "aws region cn-north-1 (China (CN), operated by Beijing Sinnet Technology Co., Ltd., partition aws-cn) from the default aws provider (stack config)",
    ],
    [
        "a multi-region in one country",
        gcsBucket("US", labelled("eu")),
        "clean-guard-data-residency",
        "gcp multi-region us (United States (US)) from input 'location'",
    ],
    [
        "a multi-region in three countries: each named",
        gcsBucket("EUR4", labelled("de")),
        "clean-guard-data-residency",
        "gcp multi-region eur4 (Belgium (BE), Finland (FI), Netherlands (NL)) from input 'location'",
    ],
    [
        "a multi-region in more: counted",
        gcsBucket("ASIA", labelled("de")),
        "clean-guard-data-residency",
        "gcp multi-region asia (8 countries) from input 'location'",
    ],
    [
        "a global service",
        awsResource("aws:cloudfront/distribution:Distribution", tagged("eu"), { providerRegion: "eu-west-1" }),
        "clean-guard-data-residency",
        "aws location global (global: data may be served or cached anywhere) from the default aws provider (stack config): a global service that serves data from edge locations across the partition",
    ],
    [
        "a region newer than the catalog: the partition its name puts it in",
        s3Bucket({}, { providerRegion: "cn-north-9" }),
        "clean-guard-disallowed-region",
        "aws region cn-north-9 (not a location clean-guard knows; partition aws-cn by the shape of its name) from the default aws provider (stack config)",
    ],
];

describe("how a finding names a place", () => {
    for (const [what, resource, policy, found] of cases) {
        it(what, async () => {
            const findings = (await judgeResource(resource)).filter(
                (f) => f.policy === policy && f.kind === "violation",
            );
            assert.deepEqual(
                findings.map((f) => f.found),
                [found],
            );
        });
    }
});
