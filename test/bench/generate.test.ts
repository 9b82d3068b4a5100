// The benchmark stacks: deterministic, exactly the size asked, internally consistent, and carrying each
// thing that makes clean-guard work in the shares a real estate has. Shape only: nothing here is timed.
import { strict as assert } from "node:assert";
import { awsPart, ec2Fleet, generateStack } from "../../bench/generate";
import type { EmulatedResource } from "../emulator/engine";

const stack = generateStack(10_000);
const resources = stack.resources;

const familyOf = (r: EmulatedResource): string => r.type.replace(/^pulumi:providers:/, "").split(":")[0];
const share = (pick: (r: EmulatedResource) => boolean, among = resources): number =>
    among.filter(pick).length / among.length;
const tags = (r: EmulatedResource): Record<string, unknown> => {
    const i = r.inputs ?? {};
    const nested = (i.settings as { userLabels?: unknown } | undefined)?.userLabels;
    return (i.tags ?? i.labels ?? nested ?? {}) as Record<string, unknown>;
};
const inputsText = (r: EmulatedResource): string => JSON.stringify(r.inputs ?? {});

describe("benchmark stacks", () => {
    it("are the same for the same seed and differ for another", () => {
        assert.deepEqual(generateStack(1_000, 1), generateStack(1_000, 1));
        assert.notDeepEqual(generateStack(1_000, 1).resources, generateStack(1_000, 2).resources);
    });

    for (const size of [1_000, 10_000]) {
        it(`hold exactly ${size} resources, each with its own URN`, () => {
            const generated = size === 10_000 ? resources : generateStack(size).resources;
            assert.equal(generated.length, size);
            assert.equal(new Set(generated.map((r) => r.urn)).size, size);
        });
    }

    it("only depend on resources of the same stack", () => {
        const urns = new Set(resources.map((r) => r.urn));
        const dangling = resources.flatMap((r) => [
            ...(r.dependencies ?? []),
            ...Object.values(r.propertyDependencies ?? {}).flat(),
        ]);
        assert.deepEqual(
            dangling.filter((u) => !urns.has(u)),
            [],
        );
        assert.ok(dangling.length > 500, `${dangling.length} property dependencies`);
    });

    // [family, least share, largest share]: AWS-heavy, as most estates are, with every cloud present.
    const mix: Array<[string, number, number]> = [
        ["aws", 0.45, 0.62],
        ["azure-native", 0.12, 0.22],
        ["gcp", 0.12, 0.21],
        ["kubernetes", 0.09, 0.17],
        ["alicloud", 0.002, 0.02],
    ];
    for (const [family, least, most] of mix) {
        it(`are ${least * 100}% to ${most * 100}% ${family}`, () => {
            const s = share((r) => familyOf(r) === family);
            assert.ok(s >= least && s <= most, `${family}: ${(s * 100).toFixed(1)}%`);
        });
    }

    // [what a locator or policy must see, how to recognise it, least number in 10,000 resources]
    const features: Array<[string, (r: EmulatedResource) => boolean, number]> = [
        [
            "S3 replication to another bucket by ARN",
            (r) => /"destination":\{"bucket":"arn:aws:s3:::bucket-/.test(inputsText(r)),
            100,
        ],
        ["an RDS read replica of a database", (r) => typeof r.inputs?.replicateSourceDb === "string", 50],
        ["an Azure geo-redundant storage account", (r) => /"Standard_RA?GRS"/.test(inputsText(r)), 100],
        ["a GCS multi- or dual-region bucket", (r) => /"location":"(EU|US|EUR4)"/.test(inputsText(r)), 100],
        ["a `data-residency` tag or label", (r) => "data-residency" in tags(r), 1000],
        ["a webhook URL in an input", (r) => inputsText(r).includes("https://hooks.slack.com/"), 300],
        ["an IAM policy document as JSON text", (r) => typeof r.inputs?.policy === "string", 200],
        ["ECS container definitions as JSON text", (r) => typeof r.inputs?.containerDefinitions === "string", 200],
        ["an explicit provider", (r) => r.provider !== undefined && !r.provider.name.startsWith("default_"), 1000],
        ["a default provider", (r) => r.provider?.name.startsWith("default_") ?? false, 3000],
        ["an EC2 machine image", (r) => typeof r.inputs?.ami === "string", 200],
    ];
    for (const [what, is, least] of features) {
        it(`include ${what} (at least ${least})`, () => {
            const found = resources.filter(is).length;
            assert.ok(found >= least, `${found} found`);
        });
    }

    it("name only JSON that parses in their JSON-text inputs", () => {
        for (const r of resources) {
            for (const key of ["policy", "containerDefinitions"]) {
                const text = r.inputs?.[key];
                if (typeof text === "string") assert.doesNotThrow(() => JSON.parse(text), `${r.urn} ${key}`);
            }
        }
    });

    it("break a rule in a small share of resources, each kind of breach present", () => {
        const breaches = Object.values(stack.violations).reduce((a, b) => a + b, 0);
        assert.ok(breaches / resources.length >= 0.005 && breaches / resources.length <= 0.05, `${breaches} breaches`);
        for (const [kind, count] of Object.entries(stack.violations)) assert.ok(count > 0, `no ${kind}`);
        // [breach, how it shows in the resources]
        const visible: Array<[string, (r: EmulatedResource) => boolean]> = [
            ["an AWS China provider", (r) => r.provider?.inputs.region === "cn-north-1"],
            ["an Azure China region", (r) => r.inputs?.location === "chinaeast2"],
            ["an Alibaba OSS endpoint", (r) => String(r.provider?.inputs.endpoints ?? "").includes("aliyuncs.com")],
            ["an image from Alibaba's registry", (r) => inputsText(r).includes("registry.cn-hangzhou.aliyuncs.com")],
            ["an Alibaba Cloud resource", (r) => r.type.startsWith("alicloud:")],
        ];
        for (const [what, is] of visible) assert.ok(resources.some(is), what);
    });

    it("give awsguard only the AWS resources and AWS provider instances", () => {
        const aws = awsPart(resources);
        assert.deepEqual([...new Set(aws.map(familyOf))], ["aws"]);
        assert.equal(aws.length, resources.filter((r) => familyOf(r) === "aws").length);
    });
});

describe("the EC2 fleet", () => {
    const fleet = ec2Fleet(1_000, 250);

    it("runs every instance on an image moto_server is told about", () => {
        const known = new Set(fleet.amis.map((a) => a.ami_id));
        assert.equal(fleet.resources.length, 1_000);
        assert.equal(known.size, 250);
        for (const r of fleet.resources) assert.ok(known.has(String(r.inputs?.ami)), String(r.inputs?.ami));
        for (const id of known) assert.match(id, /^ami-[0-9a-f]{17}$/);
    });

    it("spans two regions and includes images branded by an untrusted vendor", () => {
        assert.deepEqual(
            new Set(fleet.resources.map((r) => r.provider?.inputs.region)),
            new Set(["eu-west-1", "us-east-1"]),
        );
        assert.ok(fleet.amis.some((a) => a.name.startsWith("Alibaba Cloud Linux")));
    });
});
