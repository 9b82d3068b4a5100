// The mutation run (stryker.config.json) names the host-matching code of src/catalog/catalog.ts by line ranges.
// An edit above them shifts the lines, and the run would then mutate other code and report its score as the
// host matching's: each range must still start at the code it is meant to cover and end where that code ends.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const EXPECTED: Array<[first: RegExp, last: RegExp]> = [
    [/No domain or registry in the catalog has more labels/, /^\s*};$/],
    [/^\s*processingEndpoint\(host\) \{$/, /^\s*},$/],
    [/^\s*vendor: \(id\) =>/, /^\s*vendorOfRegistry: \(host\) =>/],
];

describe("the mutation run's host-matching ranges of catalog.ts", () => {
    it("start and end at the host-matching code", () => {
        const config = JSON.parse(fs.readFileSync(path.join(ROOT, "stryker.config.json"), "utf8")) as {
            mutate: string[];
        };
        const lines = fs.readFileSync(path.join(ROOT, "src", "catalog", "catalog.ts"), "utf8").split("\n");
        const ranges = config.mutate
            .map((entry) => /^src\/catalog\/catalog\.ts:(\d+)-(\d+)$/.exec(entry))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => [Number(m[1]), Number(m[2])]);
        assert.equal(ranges.length, EXPECTED.length, "one range per piece of host-matching code");
        ranges.forEach(([from, to], i) => {
            const [first, last] = EXPECTED[i];
            assert.match(lines[from - 1], first, `catalog.ts:${from} should start range ${from}-${to}`);
            assert.match(lines[to - 1], last, `catalog.ts:${to} should end range ${from}-${to}`);
        });
    });
});
