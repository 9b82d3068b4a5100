// The pack asks the engine for the whole stack (AnalyzeStack) only for policies that judge across resources.
// What the stack pass alone finds must therefore belong to those policies, or be advisory (the companion
// clean-guard-unverified reports those): otherwise a finding would be lost.
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
