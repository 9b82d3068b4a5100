// What the stack pass alone finds over a large mixed stack belongs to a policy that judges across resources, or
// is advisory (see test/engine/stack-only.test.ts). Kept apart from the in-process tests of the policies and the
// engine because it takes seconds: the mutation run (stryker.config.json) would repeat it for every mutant.
import { strict as assert } from "node:assert";
import { generateStack, PROJECT, STACK, STACK_CONFIG } from "../../bench/generate";
import { evaluateStack } from "../../src/engine/evaluate";
import { allPolicies } from "../../src/policies";
import { toNormalised } from "../emulator/engine";
import { catalog, profile } from "../policies/judge";

describe("what only the stack pass finds", () => {
    it("belongs to a policy that judges across resources, or is advisory (a 3,000-resource mixed stack)", async () => {
        const resources = generateStack(3_000, 5).resources.map(toNormalised);
        const stack = {
            project: PROJECT,
            stack: STACK,
            tags: new Map(),
            config: new Map(Object.entries(STACK_CONFIG)),
            phase: "preview" as const,
        };
        const { stackOnly } = await evaluateStack(resources, stack, { policies: allPolicies, profile, catalog });
        const across = new Set(allPolicies.filter((p) => p.judgesAcrossResources).map((p) => p.name));
        assert.ok(stackOnly.length > 0, "the generated stack has references for the stack pass to resolve");
        const lost = stackOnly.filter((f) => !across.has(f.policy) && !(f.kind === "unverified" && f.advisory));
        assert.deepEqual(
            lost.map((f) => f.message),
            [],
        );
    });
});
