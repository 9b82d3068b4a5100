// A classification follows the data down a chain of copies of any depth (see test/policies/copy-chains.test.ts).
// Kept apart from the in-process tests of the policies because it takes seconds: the mutation run
// (stryker.config.json) would repeat it for every mutant of the policies.
import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import { rdsInstance } from "../support/builders";
import { judgeStack } from "../policies/judge";

const POLICY = "clean-guard-cross-border-replication";

function replicaChain(length: number): NormalisedResource[] {
    const source = rdsInstance(
        { identifier: "db-0", tags: { "data-residency": "eu" } },
        { providerRegion: "eu-west-1", name: "db-0" },
    );
    const chain = [source];
    for (let i = 1; i <= length; i++) {
        const region = i === length ? "us-east-1" : "eu-central-1";
        chain.push(
            rdsInstance(
                { identifier: `db-${i}`, replicateSourceDb: `db-${i - 1}` },
                { providerRegion: region, name: `db-${i}` },
            ),
        );
    }
    return chain;
}

describe("classification along chains of copies", () => {
    it("reaches the end of a 5,000-deep chain of untagged replicas: only the copy in the US is reported", async () => {
        const { all } = await judgeStack(replicaChain(5000));
        const found = all.filter((f) => f.policy === POLICY);
        assert.deepEqual(
            found.map((f) => f.resource.name),
            ["db-5000"],
        );
        assert.match(found[0].message, /Data classified eu .* of its source aws:rds\/instance:Instance 'db-0'/);
    });
});
