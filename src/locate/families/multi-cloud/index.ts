// Data services that run on a cloud of the customer's choice and say which one in their inputs: MongoDB Atlas
// (`providerName`/`backingProviderName` and `providerRegionName`), Confluent Cloud (`cloud`, `region`), Snowflake
// (`region: AZURE_WESTEUROPE`) and Databricks (`awsRegion`, or `cloud` with `location`). They place nothing of
// their own: the generic locator reads the stated cloud's region, in the service's spelling, in that cloud's
// catalog. Registering them says how their tags are kept; a resource with no location input (a Snowflake table,
// a Databricks job) is placed nowhere, and a classification on it is "cannot verify", never a pass.

import { locateGeneric } from "../../core/generic";
import type { Family } from "../../core/family";

export const multiCloudFamily: Family = {
    name: "Multi-cloud data services",
    clouds: [],
    packages: {
        // Atlas keeps tags and labels as lists of key/value pairs: nothing can be stamped.
        mongodbatlas: { locate: locateGeneric, tagging: { word: "tag" } },
        confluentcloud: { locate: locateGeneric, tagging: { word: "tag" } },
        // Snowflake tags are objects of their own (snowflake.Tag and its associations).
        snowflake: { locate: locateGeneric, tagging: { word: "tag" } },
        databricks: { locate: locateGeneric, tagging: { word: "tag" } },
    },
};
