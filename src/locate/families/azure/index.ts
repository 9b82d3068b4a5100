// Microsoft Azure: azure-native (v2 and v3) and the classic azure package, placed in the azure catalog
// (with its partition azure-china).

import type { Family } from "../../core/family";
import { locateAzureClassic } from "./azure-classic";
import { azureProviderPartition, settleAzure } from "./azure-common";
import { locateAzureNative } from "./azure-native";

export const azureFamily: Family = {
    name: "Azure",
    clouds: ["azure"],
    packages: {
        "azure-native": {
            locate: locateAzureNative,
            settle: settleAzure,
            partition: azureProviderPartition,
            tagging: { word: "tag", input: "tags" },
        },
        azure: {
            locate: locateAzureClassic,
            settle: settleAzure,
            partition: azureProviderPartition,
            tagging: { word: "tag", input: "tags" },
        },
    },
};
