// The pack asks the engine for the whole stack (AnalyzeStack) only for policies that judge across resources.
// What the stack pass alone finds must therefore belong to those policies, or be advisory (the companion
// clean-guard-unverified reports those): otherwise a finding would be lost. The same rule over a large generated
// stack is in test/scale/stack-only.test.ts.
import { strict as assert } from "node:assert";
import type { Finding } from "../../src/model/finding";
import { judgeStack, orgProfile } from "../policies/judge";
import { rdsInstance } from "../support/builders";

describe("what only the stack pass finds", () => {
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
