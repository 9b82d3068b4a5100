// Places known only as a set (a region name several clouds share, the multi-region a service picks by default)
// judged on the set: every place breaks the rule -> violation; some -> cannot verify at the policy's level;
// none -> pass. And places the catalog cannot name at all warn on unclassified data, block classified data.

import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { cloudResource, gcpResource, secret } from "../support/builders";
import { assertFindings, judgeResource, orgProfile, type Expected } from "./judge";

const REGION = "clean-guard-disallowed-region";
const RESIDENCY = "clean-guard-data-residency";
const COPIES = "clean-guard-cross-border-replication";

/** A SaaS data store clean-guard has no locator for: placed by its `region` (and `cloud`) inputs. */
const saas = (props: Props) => cloudResource("acme", "1_0_0", "acme:index/cluster:Cluster", props, { name: "orders" });

/** A Cloud SQL instance with backups on and no backup location: Google picks the nearest multi-region. */
const cloudSql = (region: string, labels: Props = {}) =>
    gcpResource(
        "gcp:sql/databaseInstance:DatabaseInstance",
        {
            region,
            databaseVersion: "POSTGRES_16",
            settings: { tier: "db-f1-micro", backupConfiguration: { enabled: true }, ...labels },
        },
        { name: "orders" },
    );

const classified = (jurisdiction: string) => ({ tags: { "data-residency": jurisdiction } });

describe("possible places: a location judged on the set of places it may be", () => {
    const cases: Array<[string, NormalisedResource, string, Expected]> = [
        [
            "a region name AWS and Huawei Cloud both use for Beijing: China wherever it is",
            saas({ region: "cn-north-1" }),
            REGION,
            [
                [
                    "violation",
                    "cn-north-1",
                    "a name of aws, huaweicloud: China (CN)",
                    "Wherever it is: Placement in",
                    "China (CN)",
                    // Both candidates break the rule: the message gives one place's reason and counts the other.
                    "(and likewise 1 other possible place).",
                ],
            ],
        ],
        [
            "a name AWS and Alibaba both use for Frankfurt: no place of it is disallowed",
            saas({ region: "eu-central-1" }),
            REGION,
            [],
        ],
        [
            "Singapore on AWS and Alibaba, Hong Kong on Huawei Cloud: data classified sg cannot be verified",
            saas({ region: "ap-southeast-1", ...classified("sg") }),
            RESIDENCY,
            [
                [
                    "unverified",
                    "ap-southeast-1",
                    "it may be in huaweicloud ap-southeast-1 (Hong Kong",
                    "(HK) is outside it",
                ],
            ],
        ],
        [
            "the same name, the service saying it runs on AWS: Singapore",
            saas({ cloud: "AWS", region: "ap-southeast-1", ...classified("sg") }),
            RESIDENCY,
            [],
        ],
        [
            "an Artifact Registry repository in Google's `europe` multi-region, unclassified: a known place, none disallowed",
            gcpResource("gcp:artifactregistry/repository:Repository", {
                location: "europe",
                repositoryId: "images",
                format: "DOCKER",
            }),
            REGION,
            [],
        ],
        [
            "a Cloud KMS key ring in `europe` holding EU data: the multi-region may reach London and Zurich",
            gcpResource("gcp:kms/keyRing:KeyRing", { location: "europe", labels: { "data-residency": "eu" } }),
            RESIDENCY,
            [["violation", "gcp multi-region europe", "not pinned", "Switzerland (CH), United Kingdom (GB)"]],
        ],
        [
            "Cloud SQL backups in Belgium's nearest multi-region, unclassified: nothing to say",
            cloudSql("europe-west1"),
            COPIES,
            [],
        ],
        [
            "the same, classified eu: the EU multi-region keeps EU data",
            cloudSql("europe-west1", { userLabels: { "data-residency": "eu" } }),
            COPIES,
            [],
        ],
        [
            "the same, data classified for Belgium alone: the EU multi-region is not pinned to it",
            cloudSql("europe-west1", { userLabels: { "data-residency": "be" } }),
            COPIES,
            [["violation", "backup gcp multi-region eu", "the multi-region nearest europe-west1"]],
        ],
        [
            "Cloud SQL in London, data classified eu: backups go to one of US, EU or ASIA, not known which",
            cloudSql("europe-west2", { userLabels: { "data-residency": "eu" } }),
            COPIES,
            [
                [
                    "unverified",
                    "multi-region us/eu/asia (the multi-region nearest europe-west2: one of 36 countries)",
                    // Three of the nine places that break the rule are named, the rest counted.
                    "it may be in gcp us (United States (US)), gcp asia (Hong Kong SAR China (HK)), gcp asia (Indonesia (ID)), 6 more.",
                    "likewise 8 other possible places",
                    "name the place exactly",
                ],
            ],
        ],
    ];
    for (const [what, r, policy, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), policy, expected));

    it("only Hong Kong breaks the rule: it is named alone, with no count of others", async () =>
        assertFindings(
            await judgeResource(saas({ region: "ap-southeast-1", ...classified("sg") })),
            RESIDENCY,
            [
                [
                    "unverified",
                    "it may be in huaweicloud ap-southeast-1 (Hong Kong SAR China (HK)). ",
                    "Hong Kong SAR China (HK) is outside it. Fix: name the place exactly",
                ],
            ],
            ["likewise", "more"],
        ));

    it("a secret region shared by several clouds: judged on its places, none of them named", async () =>
        assertFindings(
            await judgeResource(saas({ region: secret("ap-southeast-1"), ...classified("sg") })),
            RESIDENCY,
            [["unverified", "[secret] from input 'region'. clean-guard cannot tell which of its possible places"]],
            ["ap-southeast-1", "it may be in", "Hong Kong"],
        ));
});

describe("places the catalog cannot name: the level follows the risk", () => {
    // Vultr: a cloud the catalog has no regions for (`sgp` is its Singapore).
    const droplet = (props: Props = {}) =>
        cloudResource("vultr", "2_0_0", "vultr:index/instance:Instance", {
            region: "sgp",
            plan: "vc2-1c-1gb",
            ...props,
        });
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "an instance in a region no cloud of the catalog has, unclassified: a warning, not a block",
            droplet(),
            [["advisory", "location 'sgp'", "not a location of any cloud clean-guard knows", "warning, not a block"]],
        ],
        [
            "the same instance holding data classified sg: blocked until it can be checked",
            droplet(classified("sg")),
            [["unverified", "sgp", "does not let through what it cannot check"]],
        ],
    ];
    for (const [what, r, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(r), REGION, expected));

    it("a profile with classification.unknownPlaces: mandatory blocks it on unclassified data too", async () => {
        const profile = orgProfile("classification:\n  unknownPlaces: mandatory");
        assertFindings(await judgeResource(droplet(), { profile }), REGION, [["unverified", "sgp"]]);
    });
});
