// Amazon Web Services: the aws package (v5 to v7) and aws-native, placed in the aws catalog (with its
// partitions aws-cn and aws-us-gov).

import type { Family } from "../../core/family";
import { locateAws } from "./aws";
import { locateAwsNative } from "./aws-native";

export const awsFamily: Family = {
    name: "AWS",
    clouds: ["aws"],
    packages: {
        aws: { locate: locateAws, tagging: { word: "tag", input: "tags" } },
        // aws-native tags are a list of {key, value}: nothing to stamp a map key into.
        "aws-native": { locate: locateAwsNative, tagging: { word: "tag" } },
    },
};
