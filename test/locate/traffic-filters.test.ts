// The table of resource types that name hosts only to filter traffic (src/locate/traffic-filters.yaml): each
// pattern for an installed provider SDK names types that exist, so a typo cannot leave a firewall judged as a sender.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import yaml from "js-yaml";
import { compileGlobs } from "../../src/profile/globs";
import { filtersTraffic } from "../../src/locate/core/traffic-filters";
import { readSdk } from "../support/sdk-declarations";

const TABLE = yaml.load(
    fs.readFileSync(path.join(__dirname, "..", "..", "src", "locate", "traffic-filters.yaml"), "utf8"),
) as { filters: Array<{ types: string[]; why: string }> };

describe("resource types that filter traffic by host", function () {
    this.timeout(120_000);

    it("every pattern of an installed SDK's package matches one of its resource types", () => {
        const installed = new Map(
            ["aws", "azure-native", "gcp"].map((pkg) => [pkg, [...readSdk(`@pulumi/${pkg}`).resources.keys()]]),
        );
        for (const entry of TABLE.filters) {
            assert.ok(entry.why.length > 0);
            for (const glob of entry.types) {
                const types = installed.get(glob.split(":")[0]);
                if (!types) continue;
                const match = compileGlobs([glob]);
                assert.ok(types.some(match), `${glob} names no type of the installed SDK`);
            }
        }
    });

    it("filters are not senders: a firewall rule group is one, an S3 bucket or a Lambda function is not", () => {
        assert.equal(filtersTraffic("aws:networkfirewall/ruleGroup:RuleGroup"), true);
        assert.equal(filtersTraffic("aws:s3/bucketV2:BucketV2"), false);
        assert.equal(filtersTraffic("aws:lambda/function:Function"), false);
        // A custom resource's type is its API group, version and kind.
        assert.equal(filtersTraffic("kubernetes:cilium.io/v2:CiliumNetworkPolicy"), true);
        assert.equal(filtersTraffic("kubernetes:networking.istio.io/v1beta1:ServiceEntry"), false);
    });
});
