import type { NormalisedResource } from "../../src/model/resource";
import {
    awsResource,
    container,
    defaultProvider,
    dynamoTable,
    explicitProvider,
    gcpResource,
    k8sResource,
    resource,
    s3Bucket,
    secret,
    unknown,
} from "../support/builders";
import { gcsBucket, iamRole } from "./builders";
import { assertFindings, judgeResource, orgProfile, type Expected, type JudgeOptions } from "./judge";

const POLICY = "clean-guard-data-residency";
const tagged = (value: string) => ({ tags: { "data-residency": value } });
const labelled = (value: string) => ({ labels: { "data-residency": value } });

describe(POLICY, () => {
    describe("a resource's own classification", () => {
        const cases: Array<[string, NormalisedResource, Expected]> = [
            [
                "EU data in Virginia: the location, the jurisdiction and the country outside it",
                s3Bucket(tagged("eu"), { providerRegion: "us-east-1" }),
                [
                    [
                        "violation",
                        "region us-east-1 (United States (US))",
                        "Data classified eu (27 countries) by tag 'data-residency'",
                        "United States (US) is outside it",
                    ],
                ],
            ],
            ["EU data in Ireland", s3Bucket(tagged("eu"), { providerRegion: "eu-west-1" }), []],
            [
                "German data in Ireland",
                s3Bucket(tagged("de"), { providerRegion: "eu-west-1" }),
                [["violation", "de (Germany)", "Ireland (IE)"]],
            ],
            ["German data in Frankfurt", s3Bucket(tagged("de"), { providerRegion: "eu-central-1" }), []],
            ["an unclassified bucket in Virginia", s3Bucket({}, { providerRegion: "us-east-1" }), []],
            [
                "a typo in the classification names the accepted values",
                s3Bucket(tagged("xx"), { providerRegion: "eu-west-1" }),
                [
                    [
                        "violation",
                        "tag 'data-residency' is 'xx', which names no jurisdiction",
                        "A data-residency classification must be a lower-case ISO 3166-1 country code (de, fr, ca, ...) or a group: eu, eea, five-eyes, clean-countries",
                        "Fix: set tag 'data-residency' to one of the accepted values, or define the group under 'jurisdictions'",
                    ],
                ],
            ],
            [
                "a classification written ' EU ' is read as eu",
                s3Bucket(tagged(" EU "), { providerRegion: "us-east-1" }),
                [["violation", "Data classified eu (27 countries) by tag 'data-residency'", "United States (US)"]],
            ],
            ["EU data in GCS's EU multi-region", gcsBucket("EU", labelled("eu")), []],
            [
                "German data in GCS's eur4 dual-region: the three countries outside Germany are named",
                gcsBucket("EUR4", labelled("de")),
                [["violation", "it spans Belgium (BE), Finland (FI), Netherlands (NL). Fix:"]],
            ],
            [
                "German data in Cloud KMS's europe multi-region: the ten countries outside Germany are counted",
                gcpResource("gcp:kms/keyRing:KeyRing", { location: "europe", ...labelled("de") }),
                [
                    [
                        "violation",
                        "gcp multi-region europe",
                        "the multi-region is not pinned: it spans 10 countries outside it. Fix:",
                    ],
                ],
            ],
            [
                "EU data in GCS's US multi-region is not pinned",
                gcsBucket("US", labelled("eu")),
                [["violation", "multi-region us", "not pinned"]],
            ],
            [
                "EU data behind CloudFront's edge, anywhere",
                awsResource("aws:cloudfront/distribution:Distribution", tagged("eu"), { providerRegion: "eu-west-1" }),
                [["violation", "not pinned to any country"]],
            ],
            [
                "an IAM role tagged eu holds configuration, not the data",
                iamRole(tagged("eu"), { provider: explicitProvider("aws", "eu", { region: "eu-west-1" }) }),
                [],
            ],
            [
                "a classified bucket whose region is unknown until `up`",
                s3Bucket(tagged("eu"), { region: unknown() }),
                [["advisory", "not known during preview"]],
            ],
            [
                "a classified bucket in a region nobody knows",
                s3Bucket(tagged("eu"), { providerRegion: "eu-west-9" }),
                [["unverified", "eu-west-9"]],
            ],
            [
                "an unclassified bucket whose region is unknown is disallowed-region's to report",
                s3Bucket({}, { region: unknown() }),
                [],
            ],
        ];
        for (const [what, r, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r), POLICY, expected));

        it("a classification not known during preview: said, advisory, and judged at up", async () => {
            const tagPending = await judgeResource(
                s3Bucket({ tags: { "data-residency": unknown() } }, { providerRegion: "us-east-1" }),
            );
            assertFindings(tagPending, POLICY, [
                ["advisory", "the resource's tag 'data-residency' is not known during preview", "at `pulumi up`"],
            ]);
            const mapPending = await judgeResource(s3Bucket({ tags: unknown() }, { providerRegion: "us-east-1" }));
            assertFindings(mapPending, POLICY, [
                ["advisory", "the resource's tags ('tags') are not known during preview"],
            ]);
            const known = await judgeResource(s3Bucket(tagged("eu"), { providerRegion: "us-east-1" }));
            assertFindings(known, POLICY, [["violation", "Data classified eu"]]);
            const nameOnly = await judgeResource(
                s3Bucket({ tags: { Name: unknown() } }, { providerRegion: "us-east-1" }),
            );
            assertFindings(nameOnly, POLICY, []);
        });

        it("judges a classification kept in a secret tag without naming it", async () => {
            const inVirginia = await judgeResource(
                s3Bucket({ tags: secret({ "data-residency": "eu" }) }, { providerRegion: "us-east-1" }),
            );
            assertFindings(
                inVirginia,
                POLICY,
                [["violation", "Data classified [secret] by secret tag 'data-residency'", "United States (US)"]],
                ["eu (", "27 countries"],
            );
            const inIreland = await judgeResource(
                s3Bucket({ tags: { "data-residency": secret("eu") } }, { providerRegion: "eu-west-1" }),
            );
            assertFindings(inIreland, POLICY, []);
        });

        it("judges a secret region without naming it", async () => {
            const findings = await judgeResource(s3Bucket(tagged("eu"), { providerRegion: secret("us-east-1") }));
            assertFindings(
                findings,
                POLICY,
                [["violation", "[secret]", "the location is outside it"]],
                ["us-east-1", "United States"],
            );
        });
    });

    describe("a classification for the whole stack", () => {
        const eu: JudgeOptions = { stackTags: { "data-residency": "eu" } };
        const cases: Array<[string, NormalisedResource, JudgeOptions, Expected]> = [
            [
                "an untagged bucket of an EU stack in Virginia",
                s3Bucket({}, { providerRegion: "us-east-1" }),
                eu,
                [["violation", "by stack tag 'data-residency'", "us-east-1"]],
            ],
            ["the same bucket in Paris", s3Bucket({}, { providerRegion: "eu-west-3" }), eu, []],
            [
                "a resource tag narrows the stack's: French data in Paris",
                s3Bucket(tagged("fr"), { providerRegion: "eu-west-3" }),
                eu,
                [],
            ],
            [
                "a resource tag narrows the stack's: French data in Ireland",
                s3Bucket(tagged("fr"), { providerRegion: "eu-west-1" }),
                eu,
                [["violation", "fr (France)", "Ireland (IE)"]],
            ],
            [
                "a resource tag cannot widen the stack's",
                s3Bucket(tagged("us"), { providerRegion: "us-east-1" }),
                eu,
                [
                    [
                        "violation",
                        "tag 'data-residency' is us (United States), which reaches outside stack tag 'data-residency' eu (27 countries) (US)",
                        "only narrow",
                        "Fix: tag the resource with a jurisdiction inside eu (27 countries), or remove its tag so the stack's applies",
                    ],
                    ["violation", "eu (27 countries) by stack tag", "us-east-1"],
                ],
            ],
            [
                "stack config <project>:data-residency",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackConfig: { "shop:data-residency": "de" } },
                [["violation", "by stack config 'shop:data-residency'", "Ireland (IE)"]],
            ],
            [
                "stack config clean-guard:data-residency",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackConfig: { "clean-guard:data-residency": "ca" } },
                [["violation", "ca (Canada)"]],
            ],
            [
                "another project's config key classifies nothing",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackConfig: { "other:data-residency": "ca" } },
                [],
            ],
            [
                "a typo in the stack tag is reported on resources that hold data",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackTags: { "data-residency": "europe" } },
                [["violation", "stack tag 'data-residency' is 'europe', which names no jurisdiction"]],
            ],
            [
                "the same typo on a bucket whose region is unknown until `up`: it will hold data",
                s3Bucket({}, { region: unknown() }),
                { stackTags: { "data-residency": "europe" } },
                [["violation", "stack tag 'data-residency' is 'europe', which names no jurisdiction"]],
            ],
            [
                "the same typo is not repeated on a Kubernetes Deployment: what it keeps is placed by the cluster and its volumes",
                k8sResource("kubernetes:apps/v1:Deployment", {
                    metadata: { name: "app" },
                    spec: { template: { spec: { containers: [container("app", "nginx:1.27")] } } },
                }),
                { stackTags: { "data-residency": "europe" } },
                [],
            ],
            [
                "the same typo is not repeated on a resource that keeps no data (a generated password)",
                resource(
                    "random:index/randomPassword:RandomPassword",
                    "pw",
                    { length: 16 },
                    { provider: defaultProvider("random", {}, "4_16_0") },
                ),
                { stackTags: { "data-residency": "europe" } },
                [],
            ],
        ];
        for (const [what, r, options, expected] of cases)
            it(what, async () => assertFindings(await judgeResource(r, options), POLICY, expected));
    });

    describe("an organisation's profile", () => {
        // Compiled in each test, not when the file loads: the mutation run credits a profile's compilation only
        // to the tests that ran it (see README, Development).
        const org = () =>
            orgProfile(
                [
                    "jurisdictions:",
                    "  nordics: [se, no, dk, fi, is]",
                    "  trio: [us, ca, gb]",
                    "  quartet: [us, ca, gb, au]",
                    "classification:",
                    "  stacks:",
                    "    - { project: shop, stack: 'prod-*', residency: ca }",
                    "    - { project: 'other-*', residency: us }",
                    "    - { stack: staging, residency: fr }",
                    "  requiredFor: ['aws:s3/*']",
                ].join("\n"),
            );
        const cases: Array<[string, NormalisedResource, JudgeOptions, Expected]> = [
            [
                "its own group: Nordic data in Stockholm",
                s3Bucket(tagged("nordics"), { providerRegion: "eu-north-1" }),
                {},
                [],
            ],
            [
                "its own group: Nordic data in Ireland",
                s3Bucket(tagged("nordics"), { providerRegion: "eu-west-1" }),
                {},
                [["violation", "nordics (5 countries)"]],
            ],
            [
                "a required classification is missing",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                {},
                [
                    [
                        "violation",
                        "the resource carries no data-residency classification (tag or label 'data-residency'), and its stack sets none. org.yaml requires one on every resource of type aws:s3/*. Fix: tag the resource with data-residency: <jurisdiction> (an ISO country code like de, or a group like eu), or classify the whole stack with the stack tag 'data-residency'",
                    ],
                ],
            ],
            ["a type that need not carry one", dynamoTable({}, { providerRegion: "eu-west-1" }), {}, []],
            [
                "a stack default of the profile (stack prod-*)",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackName: "prod-eu" },
                [["violation", "ca (Canada) by classification.stacks[0] of org.yaml"]],
            ],
            [
                "a stack default naming only a stack applies to that stack of any project; one naming only another project does not",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackName: "staging" },
                [["violation", "fr (France) by classification.stacks[2] of org.yaml"]],
            ],
            [
                "a resource tag reaching three countries outside its stack's names them",
                s3Bucket(tagged("trio"), { providerRegion: "eu-west-1" }),
                { stackTags: { "data-residency": "eu" } },
                [
                    ["violation", "which reaches outside stack tag 'data-residency' eu (27 countries) (CA, GB, US)"],
                    ["violation", "Data classified trio (3 countries) by tag 'data-residency' must stay"],
                ],
            ],
            [
                "one reaching four counts them",
                s3Bucket(tagged("quartet"), { providerRegion: "eu-west-1" }),
                { stackTags: { "data-residency": "eu" } },
                [
                    ["violation", "which reaches outside stack tag 'data-residency' eu (27 countries) (4 countries)"],
                    ["violation", "Data classified quartet (4 countries) by tag 'data-residency' must stay"],
                ],
            ],
            [
                "a stack tag satisfies the requirement",
                s3Bucket({}, { providerRegion: "eu-west-1" }),
                { stackTags: { "data-residency": "eu" } },
                [],
            ],
        ];
        for (const [what, r, options, expected] of cases)
            it(what, async () =>
                assertFindings(await judgeResource(r, { profile: org(), ...options }), POLICY, expected),
            );
    });
});
