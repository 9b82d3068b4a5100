// What the pack derives from a name (a package's vendor, an input name's role, a location, a short value's hosts)
// is kept by the name, and the memory it keeps stays bounded whatever a stack holds: a stack of 100,000 made-up
// names or of megabyte-long keys must not grow the pack without end.
import { strict as assert } from "node:assert";
import { NameMemo } from "../../src/model/name-memo";

describe("a memo of names", () => {
    it("derives each name once, an answer of undefined included", () => {
        const memo = new NameMemo<string | undefined>();
        const derived: string[] = [];
        const derive = (name: string) => (derived.push(name), name === "aws" ? "amazon" : undefined);
        for (let i = 0; i < 3; i++) {
            assert.equal(memo.get("aws", derive), "amazon");
            assert.equal(memo.get("made-up", derive), undefined);
        }
        assert.deepEqual(derived, ["aws", "made-up"]);
    });

    it("keeps no name longer than its bound, and derives it every time", () => {
        const memo = new NameMemo<number>({ entries: 10, nameLength: 8 });
        let calls = 0;
        const long = "x".repeat(9);
        for (let i = 0; i < 3; i++) memo.get(long, () => ++calls);
        assert.equal(calls, 3);
    });

    it("drops what it kept when full, rather than grow", () => {
        const memo = new NameMemo<number>({ entries: 100, nameLength: 256 });
        let calls = 0;
        for (let i = 0; i < 1_000; i++) memo.get(`name-${i}`, () => ++calls);
        assert.equal(calls, 1_000);
        // Only what came after the last drop is still kept: the first names are derived again.
        memo.get("name-999", () => ++calls);
        assert.equal(calls, 1_000);
        memo.get("name-0", () => ++calls);
        assert.equal(calls, 1_001);
    });
});
