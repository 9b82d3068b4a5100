// What the stack pass alone finds over a large mixed stack belongs to a policy that judges across resources, or
// is advisory (see test/engine/stack-only.test.ts), and is exactly what judging each resource alone (the engine's
// Analyze calls) did not report. Kept apart from the in-process tests of the policies and the engine because it
// takes seconds: the mutation run (stryker.config.json) would repeat it for every mutant.
import { strict as assert } from "node:assert";
import { generateStack, PROJECT, STACK, STACK_CONFIG } from "../../bench/generate";
import { evaluateResource, evaluateStack } from "../../src/engine/evaluate";
import { locate } from "../../src/locate/index";
import { locateStack, placedAsAlone } from "../../src/locate/stack";
import type { Finding } from "../../src/model/finding";
import type { StackContext } from "../../src/model/resource";
import { allPolicies } from "../../src/policies";
import { toNormalised } from "../emulator/engine";
import { catalog, profile } from "../policies/judge";

const resources = generateStack(3_000, 5).resources.map(toNormalised);
const options = { policies: allPolicies, profile, catalog };

function stackAt(phase: StackContext["phase"]): StackContext {
    return { project: PROJECT, stack: STACK, tags: new Map(), config: new Map(Object.entries(STACK_CONFIG)), phase };
}

describe("what only the stack pass finds", () => {
    it("belongs to a policy that judges across resources, or is advisory (a 3,000-resource mixed stack)", async () => {
        const { stackOnly } = await evaluateStack(resources, stackAt("preview"), options);
        const across = new Set(allPolicies.filter((p) => p.judgesAcrossResources).map((p) => p.name));
        assert.ok(stackOnly.length > 0, "the generated stack has references for the stack pass to resolve");
        const lost = stackOnly.filter((f) => !across.has(f.policy) && !(f.kind === "unverified" && f.advisory));
        assert.deepEqual(
            lost.map((f) => f.message),
            [],
        );
    });

    for (const phase of ["preview", "update"] as const) {
        it(`is every finding of the stack that judging its resource alone does not give, at ${phase}`, async () => {
            const stack = stackAt(phase);
            const shown = (f: Finding) => `${f.policy} ${f.resource.urn} ${f.message}`;
            const alone = new Set<string>();
            for (const r of resources) {
                for (const f of (await evaluateResource(r, stack, options)).findings) alone.add(shown(f));
            }
            const { findings, stackOnly } = await evaluateStack(resources, stack, options);
            const expected = findings.map(shown).filter((f) => !alone.has(f));
            assert.ok(expected.length > 0 && expected.length < findings.length, "the stack has findings of both kinds");
            assert.deepEqual(stackOnly.map(shown), expected);
        });
    }
});

describe("a placement the stack pass leaves as located alone", () => {
    it("is what locating its resource alone makes", () => {
        const placements = locateStack(resources, { catalog });
        const alone = resources.filter((r) => placedAsAlone(placements.get(r.urn)!));
        assert.ok(alone.length > 0 && alone.length < resources.length, "the stack has placements of both kinds");
        for (const r of alone) assert.deepEqual(placements.get(r.urn), locate(r, { catalog }), r.urn);
    });
});
