// A policy that throws: one clear finding at the policy's own level, naming the policy and the crash by its
// kind and place, never by its message (it may quote a secret input); the other policies still judge.
import { strict as assert } from "node:assert";
import { defaultCatalog } from "../../src/catalog";
import { evaluateResource } from "../../src/engine/evaluate";
import { Secret } from "../../src/model/values";
import type { PolicyDefinition } from "../../src/policies/define";
import { allPolicies } from "../../src/policies";
import { defaultProfile } from "../../src/profile/load";
import { s3Bucket } from "../support/builders";

const catalog = defaultCatalog();

describe("faults: a policy that throws", () => {
    const SECRET_REGION = "cn-north-1";
    const exploding = (error: unknown): PolicyDefinition => ({
        ...allPolicies[0],
        name: "clean-guard-exploding",
        judge: () => {
            throw error;
        },
    });
    const bucket = s3Bucket({ bucket: "orders", region: new Secret(SECRET_REGION) }, { providerRegion: "eu-west-1" });

    async function judgedBy(policy: PolicyDefinition) {
        const profile = defaultProfile(catalog);
        const stack = { tags: new Map(), phase: "preview" as const };
        const options = { policies: [policy, ...allPolicies], profile, catalog };
        return (await evaluateResource(bucket, stack, options)).findings;
    }

    it("becomes a finding at the policy's own level naming the policy and the resource, and the others still judge", async () => {
        const findings = await judgedBy(
            exploding(new TypeError("Cannot read properties of undefined (reading 'region')")),
        );
        const mine = findings.filter((f) => f.policy === "clean-guard-exploding");
        assert.equal(mine.length, 1);
        assert.equal(mine[0].kind, "unverified");
        assert.ok(!mine[0].advisory, "a crash is not advisory: it will not resolve at `up`");
        assert.equal(mine[0].resource.urn, bucket.urn);
        assert.match(
            mine[0].message,
            /^aws:s3\/bucket:Bucket 'bucket': cannot verify: policy clean-guard-exploding failed/,
        );
        // The crash is named by its kind and where it was thrown (here, this file), never by its message.
        assert.match(mine[0].message, /failed while judging this resource \(TypeError at faults\.test\.ts:\d+\)\./);
        assert.ok(
            findings.some((f) => f.policy === "clean-guard-disallowed-region"),
            "the secret China region is still judged by the other policies",
        );
    });

    it("does not print what the error says: an error message may quote a secret input", async () => {
        const findings = await judgedBy(exploding(new Error(`no partition for region ${SECRET_REGION}`)));
        for (const f of findings) assert.ok(!f.message.includes(SECRET_REGION), f.message);
    });

    it("a thrown non-Error (a string, undefined, null) is reported the same way, by its type", async () => {
        for (const [thrown, shown] of [
            ["boom", "a thrown string"],
            [undefined, "a thrown undefined"],
            [null, "a thrown null"],
        ]) {
            const mine = (await judgedBy(exploding(thrown))).filter((f) => f.policy === "clean-guard-exploding");
            assert.equal(mine.length, 1, String(thrown));
            assert.ok(
                mine[0].message.includes(`policy clean-guard-exploding failed while judging this resource (${shown})`),
                mine[0].message,
            );
        }
    });

    it("an error without a stack trace is named by its kind alone", async () => {
        const bare = Object.assign(new RangeError("x"), { stack: undefined });
        const mine = (await judgedBy(exploding(bare))).filter((f) => f.policy === "clean-guard-exploding");
        assert.match(
            mine[0].message,
            /failed while judging this resource \(RangeError\)\. A resource clean-guard could not judge is not allowed through\. Fix: report this to the clean-guard maintainers/,
        );
    });
});
