// A classification follows the data down a chain of copies of any depth, and a cycle of copies ends.
import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import { rdsInstance } from "../support/builders";
import { judgeStack } from "./judge";

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

    it("ends a cycle of copies instead of looping", async () => {
        const a = rdsInstance(
            { identifier: "a", replicateSourceDb: "b", tags: { "data-residency": "eu" } },
            { providerRegion: "eu-west-1", name: "a" },
        );
        const b = rdsInstance({ identifier: "b", replicateSourceDb: "a" }, { providerRegion: "us-east-1", name: "b" });
        const found = (await judgeStack([a, b])).all.filter((f) => f.policy === POLICY);
        assert.deepEqual(
            found.map((f) => f.resource.name),
            ["b"],
        );
    });
});
