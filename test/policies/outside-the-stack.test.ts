// A resource placed by something that is not in the stack (an Azure resource group made elsewhere, a BigQuery
// dataset managed by another team, an S3 replication destination named by ARN) is not "cannot verify" by reflex:
// the thing's region is unknown, but the partition it is in is known (the Azure provider's environment, Google
// Cloud's single partition, the ARN), so its place is any region of that partition, judged as possible places.
// Nothing of the partition breaks the rule: pass; all of it does: violation; some of it: cannot verify, naming
// the set. A partition that cannot be told (a provider pointed at a metadata host) stays unresolved.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { azureClassic, azureNative, explicitProvider, gcpResource, s3Bucket, s3Replication } from "../support/builders";
import { assertFindings, judgeStack, type Expected } from "./judge";

const REGION = "clean-guard-disallowed-region";
const RESIDENCY = "clean-guard-data-residency";
const COPIES = "clean-guard-cross-border-replication";
const EU = { stackTags: { "data-residency": "eu" } };

/** A Log Analytics workspace filed in a resource group the program only names (azure-ts-sentinel-audit-logs). */
const workspace = (providerInputs?: Props): NormalisedResource =>
    azureNative(
        "operationalinsights:Workspace",
        { resourceGroupName: "rg-security", workspaceName: "audit", sku: { name: "PerGB2018" }, retentionInDays: 30 },
        {
            name: "audit",
            ...(providerInputs ? { provider: explicitProvider("azure-native", "target", providerInputs) } : {}),
        },
    );

const SET = "resource group 'rg-security' is not in this stack, so any region of partition";

describe("a resource in an Azure resource group that is not in the stack", () => {
    const cases: Array<[string, NormalisedResource, string, Parameters<typeof judgeStack>[1], Expected]> = [
        [
            "public Azure, the built-in default: pass (public Azure has no mainland-China region)",
            workspace(),
            REGION,
            {},
            [],
        ],
        [
            "public Azure, EU data: cannot verify, naming the set and some of its places",
            workspace(),
            RESIDENCY,
            EU,
            [
                [
                    "unverified",
                    `${SET} azure (`,
                    "deploys to the public cloud, its default",
                    "it may be in azure",
                    "some of them break",
                    "Fix: set the resource's own 'location' to one region, or create resource group 'rg-security' in this stack",
                ],
            ],
        ],
        [
            "a provider whose environment is china: rejected wherever in Azure China the group is",
            workspace({ environment: "china" }),
            REGION,
            {},
            [["violation", `${SET} azure-china`, "environment 'china'", "Wherever it is", "China (CN)"]],
        ],
        [
            "a provider with no environment whose location is an Azure China region: rejected, the cloud is Azure China",
            workspace({ location: "chinanorth3" }),
            REGION,
            {},
            [["violation", `${SET} azure-china`, "has location 'chinanorth3'", "China (CN)"]],
        ],
        [
            "a provider with no environment whose location is westeurope: public Azure, pass",
            workspace({ location: "westeurope" }),
            REGION,
            {},
            [],
        ],
        [
            "a provider whose environment is usgovernment, EU data: every place breaks the rule",
            workspace({ environment: "usgovernment" }),
            RESIDENCY,
            EU,
            [["violation", `${SET} azure-us-gov`, "Wherever it is", "United States (US)"]],
        ],
        [
            "a provider pointed at a metadata host: the cloud is not known, so cannot verify (fail closed)",
            workspace({ metadataHost: "management.example.internal" }),
            REGION,
            {},
            [["unverified", "'rg-security'", "names no resource of this stack"]],
        ],
        [
            "the classic provider, environment china: rejected",
            azureClassic(
                "azure:loganalytics/analyticsWorkspace:AnalyticsWorkspace",
                { resourceGroupName: "rg-security", name: "audit", sku: "PerGB2018" },
                { name: "audit", provider: explicitProvider("azure", "target", { environment: "china" }) },
            ),
            REGION,
            {},
            [["violation", "azure-china", "China (CN)"]],
        ],
    ];
    for (const [what, r, policy, options, expected] of cases)
        it(what, async () => assertFindings((await judgeStack([r], options)).all, policy, expected));

    it("the default profile gives the resource no finding at all", async () => {
        assertFindings((await judgeStack([workspace()])).all, REGION, []);
        assertFindings((await judgeStack([workspace()])).all, RESIDENCY, []);
    });
});

describe("the same rule in Google Cloud and AWS", () => {
    const table = (datasetId: string) =>
        gcpResource("gcp:bigquery/table:Table", { datasetId, tableId: "events" }, { name: "events" });

    it("a BigQuery table in a dataset managed elsewhere: pass by default (Google Cloud has no mainland-China region)", async () => {
        assertFindings((await judgeStack([table("shared_analytics")])).all, REGION, []);
    });

    it("the same table holding EU data: cannot verify, naming the set", async () => {
        assertFindings((await judgeStack([table("shared_analytics")], EU)).all, RESIDENCY, [
            [
                "unverified",
                "'shared_analytics' is not in this stack, so any region of partition gcp",
                "it may be in gcp",
                "Fix: create parent named by 'datasetId' 'shared_analytics' in this stack so that its place is known",
            ],
        ]);
    });

    it("an S3 replication to a bucket outside the stack in AWS China (by its ARN): rejected", async () => {
        const source = s3Bucket({ bucket: "orders" }, { providerRegion: "eu-west-1", name: "orders" });
        const rule = s3Replication("orders", ["arn:aws-cn:s3:::orders-copy"], {
            providerRegion: "eu-west-1",
            propertyDependencies: { bucket: [source.urn] },
        });
        assertFindings((await judgeStack([source, rule])).all, COPIES, [
            ["violation", "partition aws-cn", "China (CN)"],
        ]);
    });

    it("an S3 replication to a bucket outside the stack in the aws partition: pass by default", async () => {
        const source = s3Bucket({ bucket: "orders" }, { providerRegion: "eu-west-1", name: "orders" });
        const rule = s3Replication("orders", ["arn:aws:s3:::orders-copy"], {
            providerRegion: "eu-west-1",
            propertyDependencies: { bucket: [source.urn] },
        });
        assertFindings((await judgeStack([source, rule])).all, COPIES, []);
    });
});
