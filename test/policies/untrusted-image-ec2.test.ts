// clean-guard-untrusted-image's machine images through a real EC2 API (moto_server with our AMI fixture). The
// mutation run leaves this file out (stryker.config.json): it starts a Python server in every test run, so each
// mutant would pay for it; untrusted-image.test.ts judges the same facts in-process.
import * as path from "node:path";
import { strict as assert } from "node:assert";
import { EC2Client } from "@aws-sdk/client-ec2";
import { createEc2Lookups, type Ec2Lookups } from "../../src/lookups";
import type { Value } from "../../src/model/values";
import type { Profile } from "../../src/profile/types";
import { awsResource, secret, unknown } from "../support/builders";
import { startMoto, useFakeAws, type Moto } from "../support/moto";
import { assertFindings, judgeResource, judgeStack, orgProfile, profile, type Expected } from "./judge";

const POLICY = "clean-guard-untrusted-image";
const instance = (ami: Value, name = "instance") =>
    awsResource("aws:ec2/instance:Instance", { ami, instanceType: "t3.micro" }, { providerRegion: "eu-west-1", name });

describe(`${POLICY}: machine images, looked up in EC2 (moto_server)`, function () {
    this.timeout(60_000);
    let moto: Moto;
    let restoreEnv: () => void;
    let lookups: Ec2Lookups;
    const quiet = (): void => undefined;
    const withCache = (p: Profile): Profile["lookups"] => ({ ...p.lookups, cacheDir: "" });

    before(async () => {
        moto = await startMoto({ amisPath: path.join(__dirname, "..", "lookups", "fixtures", "moto-amis.json") });
        restoreEnv = useFakeAws(moto.endpoint);
        lookups = createEc2Lookups(withCache(profile), { log: quiet });
    });
    after(async () => {
        restoreEnv?.();
        await moto?.stop();
    });

    const cases: Array<[string, string, Expected]> = [
        [
            "Huawei Cloud EulerOS, by its name",
            "ami-0c1ea9a4d00000001",
            [
                [
                    "violation",
                    "machine image ami-0c1ea9a4d00000001 at ami has name 'Huawei Cloud EulerOS 2.0 Standard 64 bit'",
                    "Huawei",
                ],
            ],
        ],
        ["Alibaba Cloud Linux", "ami-0c1ea9a4d00000002", [["violation", "Alibaba Cloud Linux", "Alibaba"]]],
        ["TencentOS", "ami-0c1ea9a4d00000003", [["violation", "TencentOS", "Tencent"]]],
        ["Amazon Linux", "ami-0c1ea9a4d00000004", []],
        ["Ubuntu", "ami-0c1ea9a4d00000005", []],
        [
            "an image EC2 does not know fails closed",
            "ami-0c1ea9a4d0000ffff",
            [["unverified", "ami-0c1ea9a4d0000ffff", "EC2 does not know it in eu-west-1"]],
        ],
    ];
    for (const [what, ami, expected] of cases)
        it(what, async () => assertFindings(await judgeResource(instance(ami), { lookups }), POLICY, expected));

    it("during preview, waits for the stack pass, where every resource's images share one call", async () => {
        const preview = {
            lookups: createEc2Lookups(withCache(profile), { log: quiet }),
            phase: "preview" as const,
        };
        const fleet = ["ami-0c1ea9a4d00000001", "ami-0c1ea9a4d00000004", "ami-0c1ea9a4d00000002"].map((ami, i) =>
            instance(ami, `worker-${i}`),
        );
        assertFindings(await judgeResource(fleet[0], preview), POLICY, []);
        assert.equal(preview.lookups.stats().calls, 0, "Analyze during preview makes no call");
        const { stackOnly } = await judgeStack(fleet, preview);
        assertFindings(stackOnly, POLICY, [
            ["violation", "'worker-0'", "Huawei Cloud EulerOS"],
            ["violation", "'worker-2'", "Alibaba Cloud Linux"],
        ]);
        assert.equal(preview.lookups.stats().calls, 1, "one DescribeImages call for the region");
    });

    it("a region unknown until `up`: advisory, the image is looked up then", async () => {
        const later = awsResource(
            "aws:ec2/instance:Instance",
            { ami: "ami-0c1ea9a4d00000001", instanceType: "t3.micro" },
            { region: unknown() },
        );
        assertFindings(await judgeResource(later, { lookups }), POLICY, [
            ["advisory", "ami-0c1ea9a4d00000001", "the region to look it up in is not known"],
        ]);
    });

    it("judges a secret image id without naming it", async () => {
        const findings = await judgeResource(instance(secret("ami-0c1ea9a4d00000001")), { lookups });
        assertFindings(
            findings,
            POLICY,
            [["violation", "machine image [secret]", "Huawei"]],
            ["ami-0c1ea9a4d00000001"],
        );
    });

    it("lookups switched off: advisory, the check could not run", async () => {
        const off = orgProfile("lookups:\n  ec2: off");
        const findings = await judgeResource(instance("ami-0c1ea9a4d00000001"), {
            profile: off,
            lookups: createEc2Lookups(withCache(off), { log: quiet }),
        });
        assertFindings(findings, POLICY, [["advisory", "ami-0c1ea9a4d00000001", "lookups are off"]]);
    });

    it("lookups required but EC2 unreachable: at the policy's level", async () => {
        const required = orgProfile("lookups:\n  ec2: required\n  timeoutMs: 2000");
        const unreachable = createEc2Lookups(withCache(required), {
            log: quiet,
            clientFactory: (region) =>
                new EC2Client({
                    region,
                    endpoint: "http://127.0.0.1:9",
                    maxAttempts: 1,
                    credentials: { accessKeyId: "x", secretAccessKey: "x" },
                }),
        });
        const findings = await judgeResource(instance("ami-0c1ea9a4d00000001"), {
            profile: required,
            lookups: unreachable,
        });
        assertFindings(findings, POLICY, [["unverified", "ami-0c1ea9a4d00000001", "ec2:DescribeImages"]]);
        const secretFindings = await judgeResource(instance(secret("ami-0c1ea9a4d00000001")), {
            profile: required,
            lookups: unreachable,
        });
        assertFindings(
            secretFindings,
            POLICY,
            [["unverified", "machine image [secret]", "the lookup failed"]],
            ["ami-0c1ea9a4d00000001"],
        );
    });
});
