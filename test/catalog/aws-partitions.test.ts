// The AWS SDK's own partitions table is the list of regions AWS ships. When a new SDK names a region the catalog
// lacks, this test fails and names it: that is how a new AWS region reaches the catalog.

import assert from "assert";
import fs from "fs";
import path from "path";
import { defaultCatalog } from "../../src/catalog";

interface SdkPartitions {
    partitions: Array<{
        id: string;
        regionRegex: string;
        regions: Record<string, { description?: string }>;
    }>;
}

/** The partitions table as the installed @aws-sdk/core ships it (an ES module holding one JSON object). */
function sdkPartitions(): SdkPartitions {
    const core = path.dirname(require.resolve("@aws-sdk/core/package.json"));
    const file = path.join(core, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");
    const text = fs.readFileSync(file, "utf8");
    const start = text.indexOf("{");
    const end = text.lastIndexOf("}");
    assert.ok(start >= 0 && end > start, `no partitions object in ${file}`);
    return JSON.parse(text.slice(start, end + 1)) as SdkPartitions;
}

describe("AWS regions: the catalog covers the SDK's partitions table", () => {
    const sdk = sdkPartitions();
    const catalog = defaultCatalog();

    it("the SDK table was found and names the partitions we expect", () => {
        assert.deepStrictEqual(sdk.partitions.map((p) => p.id).sort(), [
            "aws",
            "aws-cn",
            "aws-eusc",
            "aws-iso",
            "aws-iso-b",
            "aws-iso-e",
            "aws-iso-f",
            "aws-us-gov",
        ]);
    });

    it("every region the SDK names is in the catalog, in the same partition", () => {
        const problems: string[] = [];
        for (const partition of sdk.partitions) {
            for (const [region, { description }] of Object.entries(partition.regions)) {
                const place = catalog.region("aws", region);
                if (!place)
                    problems.push(
                        `${region} (${description ?? "no description"}, partition ${partition.id}) is missing`,
                    );
                else if (place.partition !== partition.id)
                    problems.push(`${region} is in partition ${place.partition}, the SDK says ${partition.id}`);
            }
        }
        assert.deepStrictEqual(problems, []);
    });

    it("a region name newer than the catalog lands in the partition the SDK's regionRegex gives it", () => {
        const cases = sdk.partitions.map((p) => {
            // A name of the partition's shape that no table lists: `cn-north-99`, `us-gov-west-99`.
            const example = Object.keys(p.regions).find((r) => new RegExp(p.regionRegex).test(r))!;
            const unlisted = example.replace(/\d+$/, "99");
            return [unlisted, catalog.region("aws", unlisted), catalog.partitionOfName("aws", unlisted), p.id];
        });
        assert.deepStrictEqual(
            cases.map(([name, listed, found]) => [name, listed, found]),
            cases.map(([name, , , id]) => [name, undefined, id]),
        );
    });

    it("the catalog names no AWS region the SDK does not know", () => {
        const known = new Set(sdk.partitions.flatMap((p) => Object.keys(p.regions)));
        assert.deepStrictEqual(
            catalog
                .regions("aws")
                .map((p) => p.region)
                .filter((r) => !known.has(r)),
            [],
        );
    });
});
