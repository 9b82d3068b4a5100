// clean-guard-unverified: Pulumi sets enforcement per policy, so a "cannot verify" that need not block is
// reported under this advisory companion, prefixed with the policy it concerns; everything else stays with its
// own policy, as the CLI and the pack both show it.
import { strict as assert } from "node:assert";
import { asReported } from "../../src/policies/unverified";
import { s3Bucket, unknown } from "../support/builders";
import { judgeResource } from "./judge";

const REGION = "clean-guard-disallowed-region";
const reported = async (r: Parameters<typeof judgeResource>[0]) =>
    (await judgeResource(r)).filter((f) => f.policy === REGION || f.found.startsWith(`[${REGION}]`)).map(asReported);

describe("clean-guard-unverified: where a finding is reported", () => {
    it("a region unknown during preview goes to clean-guard-unverified, prefixed with the policy it concerns", async () => {
        const [f] = await reported(s3Bucket({}, { region: unknown() }));
        assert.equal(f.policy, "clean-guard-unverified");
        assert.match(
            f.found,
            /^\[clean-guard-disallowed-region\] the region \(input 'region'\) is not known during preview$/,
        );
        assert.match(f.message, /^\[clean-guard-disallowed-region\] aws:s3\/bucket:Bucket 'bucket': cannot verify: /);
    });

    it("a region nobody can know blocks, so it stays with its own policy, unprefixed", async () => {
        const [f] = await reported(s3Bucket({}, {}));
        assert.equal(f.policy, REGION);
        assert.match(f.message, /^aws:s3\/bucket:Bucket 'bucket': cannot verify: /);
    });

    it("a violation stays with its own policy, unprefixed", async () => {
        const [f] = await reported(s3Bucket({}, { providerRegion: "cn-north-1" }));
        assert.equal(f.policy, REGION);
        assert.equal(f.kind, "violation");
        assert.match(f.message, /^aws:s3\/bucket:Bucket 'bucket': aws region cn-north-1 \(China \(CN\)/);
    });

    it("a finding already under clean-guard-unverified is not prefixed twice", async () => {
        const [once] = await reported(s3Bucket({}, { region: unknown() }));
        assert.deepEqual(asReported(once), once);
    });
});
