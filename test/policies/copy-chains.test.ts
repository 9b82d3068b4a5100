// A classification follows the data down a chain of copies, and a cycle of copies ends. A chain thousands deep
// is in test/scale/copy-chains.test.ts.
import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import { rdsInstance } from "../support/builders";
import { judgeStack } from "./judge";

const POLICY = "clean-guard-cross-border-replication";

/** A database in `region`, a replica of `source` when given, classified by its own tag when given. */
const db = (name: string, region: string, source?: string, residency?: string): NormalisedResource =>
    rdsInstance(
        {
            identifier: name,
            ...(source ? { replicateSourceDb: source } : {}),
            ...(residency ? { tags: { "data-residency": residency } } : {}),
        },
        { providerRegion: region, name },
    );

async function copyFindings(rs: NormalisedResource[]): Promise<Array<[string, string]>> {
    const { all } = await judgeStack(rs);
    return all.filter((f) => f.policy === POLICY).map((f) => [f.resource.name, f.message]);
}

describe("classification along chains of copies", () => {
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

    it("names the nearest source that classifies the data, once, when sources upstream say the same", async () => {
        const found = await copyFindings([
            db("db-0", "eu-west-1", undefined, "eu"),
            db("db-1", "eu-central-1", "db-0", "eu"),
            db("db-2", "us-east-1", "db-1"),
        ]);
        assert.deepEqual(
            found.map(([name]) => name),
            ["db-2"],
        );
        assert.match(found[0][1], /Data classified eu .* of its source aws:rds\/instance:Instance 'db-1' must stay/);
        assert.doesNotMatch(found[0][1], /'db-0'/);
    });

    it("keeps a narrower classification from further upstream: Germany's data copied on through an EU-tagged replica", async () => {
        const found = await copyFindings([
            db("db-0", "eu-central-1", undefined, "de"),
            db("db-1", "eu-central-1", "db-0", "eu"),
            db("db-2", "eu-west-3", "db-1"),
        ]);
        assert.deepEqual(found, [["db-2", found[0]?.[1] ?? ""]]);
        assert.match(
            found[0][1],
            /Data classified de \(Germany\) by tag 'data-residency' of its source aws:rds\/instance:Instance 'db-0' must stay in that jurisdiction: France \(FR\) is outside it/,
        );
    });

    it("a copy of one member of a cycle of copies holds the data of every member", async () => {
        // a and b copy each other (two buckets replicating both ways): c, a copy of a, holds b's German data too.
        const found = await copyFindings([
            db("a", "eu-west-1", "b", "eu"),
            db("b", "eu-central-1", "a", "de"),
            db("c", "eu-west-3", "a"),
        ]);
        assert.deepEqual(
            found.map(([name]) => name),
            ["a", "c"],
        );
        assert.match(
            found[1][1],
            /'c': .*France \(FR\).*Data classified de \(Germany\) by tag 'data-residency' of its source aws:rds\/instance:Instance 'b' must stay in that jurisdiction: France \(FR\) is outside it/,
        );
    });
});
