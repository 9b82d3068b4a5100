// The pack asks the engine for the whole stack (AnalyzeStack) only for policies that judge across resources.
// What the stack pass alone finds must therefore belong to those policies, or be advisory (the companion
// clean-guard-unverified reports those): otherwise a finding would be lost.
import { strict as assert } from "node:assert";
import { generateStack, PROJECT, STACK, STACK_CONFIG } from "../../bench/generate";
import { evaluateStack } from "../../src/engine/evaluate";
import { allPolicies } from "../../src/policies";
import { toNormalised } from "../emulator/engine";
import type { Finding } from "../../src/model/finding";
import { catalog, judgeStack, orgProfile, profile } from "../policies/judge";
import { rdsInstance } from "../support/builders";

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

    // A replica of German data in Beijing: Analyze sees the region, only the stack pass sees whose copy it is.
    const replicated = [
        rdsInstance(
            { identifier: "orders", tags: { "data-residency": "de" } },
            { providerRegion: "eu-central-1", name: "orders" },
        ),
        rdsInstance({ replicateSourceDb: "orders" }, { providerRegion: "cn-north-1", name: "orders-replica" }),
    ];
    const shown = (findings: Finding[]) => findings.map((f) => `${f.policy} ${f.resource.name}`);

    it("is what Analyze did not report, even on a resource Analyze reported something else about", async () => {
        const { all, stackOnly } = await judgeStack(replicated);
        assert.deepEqual(shown(all), [
            "clean-guard-disallowed-region orders-replica",
            "clean-guard-cross-border-replication orders-replica",
        ]);
        assert.deepEqual(shown(stackOnly), ["clean-guard-cross-border-replication orders-replica"]);
    });

    it("leaves out what an exemption lifted, so the pack does not report it", async () => {
        const exempt = orgProfile(`exemptions:
  - policies: [clean-guard-cross-border-replication]
    urns: ["*::orders-replica"]
    reason: The replica is being moved to Frankfurt
    owner: data-team
    ticket: MOVE-1
    expires: 2999-12-31
`);
        const { stackOnly } = await judgeStack(replicated, { profile: exempt });
        assert.deepEqual(shown(stackOnly), []);
    });
});
