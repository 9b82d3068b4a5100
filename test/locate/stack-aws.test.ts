import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locateStack } from "../../src/locate/stack";
import type { NormalisedResource } from "../../src/model/resource";
import { awsResource, explicitProvider, rdsInstance, s3Bucket, s3Replication, unknown } from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const ireland = explicitProvider("aws", "ireland", { region: "eu-west-1" });
const china = explicitProvider("aws", "china", { region: "cn-north-1" });

const source = s3Bucket({ bucket: "orders" }, { provider: ireland, name: "orders" });
/** The replica as `up` sees it (outputs known: its ARN) and as preview sees it (only its name). */
const replicaWithArn = s3Bucket(
    { bucket: "orders-replica", arn: "arn:aws-cn:s3:::orders-replica" },
    { provider: china, name: "replica" },
);
const replicaByName = s3Bucket({ bucket: "orders-replica" }, { provider: china, name: "replica" });
const replicaUnnamed = s3Bucket({ bucket: unknown() }, { provider: china, name: "replica" });

/** `bucket: source.id` in a program: the engine records the dependency. */
const fromSource = { provider: ireland, propertyDependencies: { bucket: [source.urn] } };

function stack(...resources: NormalisedResource[]) {
    const placements = locateStack(resources, { catalog });
    return (r: NormalisedResource) => placements.get(r.urn)!;
}

describe("stack pass: S3 replication destinations", () => {
    const cases: Array<[string, NormalisedResource[], NormalisedResource, string[]]> = (() => {
        const byArn = s3Replication("orders", ["arn:aws-cn:s3:::orders-replica"], fromSource);
        const byName = s3Replication("orders", ["arn:aws:s3:::orders-replica"], fromSource);
        const byDependency = s3Replication("orders", [unknown()], {
            ...fromSource,
            propertyDependencies: { ...fromSource.propertyDependencies, rules: [replicaUnnamed.urn] },
        });
        const toIreland = s3Replication("orders", ["arn:aws:s3:::orders-dr"], fromSource);
        const irishReplica = s3Bucket({ bucket: "orders-dr" }, { provider: ireland, name: "dr" });
        return [
            [
                "by ARN (at `up`)",
                [source, replicaWithArn, byArn],
                byArn,
                ["primary eu-west-1 IE", "replica cn-north-1 CN"],
            ],
            [
                "by bucket name inside the ARN (preview)",
                [source, replicaByName, byName],
                byName,
                ["primary eu-west-1 IE", "replica cn-north-1 CN"],
            ],
            [
                "by the engine's property dependencies when the ARN is unknown",
                [source, replicaUnnamed, byDependency],
                byDependency,
                ["primary eu-west-1 IE", "replica cn-north-1 CN"],
            ],
            [
                "decoy: a replica in the same country",
                [source, irishReplica, toIreland],
                toIreland,
                ["primary eu-west-1 IE", "replica eu-west-1 IE"],
            ],
        ];
    })();
    for (const [what, resources, subject, expected] of cases) {
        it(what, () => assert.deepEqual(locationsText(stack(...resources)(subject)), expected));
    }

    it("a companion resource naming the replica bucket does not hide it when the engine's dependencies are known", () => {
        const versioning = awsResource(
            "aws:s3/bucketVersioning:BucketVersioning",
            { bucket: "orders-replica", versioningConfiguration: { status: "Enabled" } },
            { provider: china },
        );
        const rule = s3Replication("orders", ["arn:aws:s3:::orders-replica"], {
            ...fromSource,
            propertyDependencies: { ...fromSource.propertyDependencies, rules: [replicaByName.urn] },
        });
        assert.deepEqual(locationsText(stack(source, replicaByName, versioning, rule)(rule)), [
            "primary eu-west-1 IE",
            "replica cn-north-1 CN",
        ]);
    });

    it("says where the replica location came from", () => {
        const rule = s3Replication("orders", ["arn:aws-cn:s3:::orders-replica"], fromSource);
        const replicaLocation = stack(source, replicaWithArn, rule)(rule).locations[1];
        assert.equal(replicaLocation.fromStack, true);
        assert.equal(replicaLocation.path, "rules[0].destination.bucket");
        assert.match(replicaLocation.via, /'replica'/);
    });

    it("the rule carries the source bucket's data (keeping none) and the replica is a copy of what the rule moves", () => {
        const rule = s3Replication("orders", ["arn:aws-cn:s3:::orders-replica"], fromSource);
        const placementOf = stack(source, replicaWithArn, rule);
        assert.deepEqual(placementOf(rule).carries, [source.urn]);
        assert.deepEqual(placementOf(rule).copyOf, []);
        assert.deepEqual(placementOf(replicaWithArn).copyOf, [rule.urn]);
    });

    it("a destination outside the stack is any region of the partition its ARN names, never passed unread", () => {
        for (const [arn, partition] of [
            ["arn:aws:s3:::somebody-elses", "aws"],
            ["arn:aws-cn:s3:::somebody-elses", "aws-cn"],
        ]) {
            const rule = s3Replication("orders", [arn], fromSource);
            const p = stack(source, rule)(rule);
            assert.deepEqual(undeterminedsText(p), []);
            const replica = p.locations.find((l) => l.role === "replica")!;
            assert.match(
                replica.possible!.why,
                new RegExp(`is not in this stack, so any region of partition ${partition} `),
            );
            assert.deepEqual([...new Set(replica.possible!.candidates.map((c) => c.partition))], [partition]);
        }
    });

    it("an unknown destination with no dependency to follow is advisory", () => {
        const rule = s3Replication("orders", [unknown()], fromSource);
        const p = stack(source, rule)(rule);
        assert.deepEqual(undeterminedsText(p), [
            "unknown-during-preview secondary-location rules[0].destination.bucket",
        ]);
        assert.equal(p.undetermined[0].advisory, true);
    });
});

describe("stack pass: RDS replicas", () => {
    const primary = rdsInstance({ identifier: "orders-db" }, { provider: ireland, name: "orders-db" });

    it("a read replica is a copy of its source", () => {
        const replica = rdsInstance({ replicateSourceDb: "orders-db" }, { provider: china, name: "orders-ro" });
        const placementOf = stack(primary, replica);
        assert.deepEqual(placementOf(replica).copyOf, [primary.urn]);
        assert.deepEqual(locationsText(placementOf(replica)), ["primary cn-north-1 CN"]);
    });

    it("a replica of a database outside the stack is reported unresolved", () => {
        const replica = rdsInstance(
            { replicateSourceDb: "arn:aws:rds:us-east-1:1:db:elsewhere" },
            { provider: china, name: "orders-ro" },
        );
        assert.deepEqual(undeterminedsText(stack(primary, replica)(replica)), [
            "unresolved-reference secondary-location replicateSourceDb",
        ]);
    });
});

describe("stack pass: a destination whose own region is not known", () => {
    const rule = s3Replication("orders", ["arn:aws:s3:::orders-replica"], fromSource);
    const noRegion = explicitProvider("aws", "somewhere", {});
    const unknownRegion = explicitProvider("aws", "later", { region: unknown() });

    it("is advisory when the region will be known at `up`", () => {
        const replica = s3Bucket({ bucket: "orders-replica" }, { provider: unknownRegion, name: "replica" });
        const p = stack(source, replica, rule)(rule);
        assert.deepEqual(undeterminedsText(p), [
            "unknown-during-preview secondary-location rules[0].destination.bucket",
        ]);
        assert.equal(p.undetermined[0].advisory, true);
    });

    it("is reported, never silently absent, when the region is missing", () => {
        const replica = s3Bucket({ bucket: "orders-replica" }, { provider: noRegion, name: "replica" });
        const p = stack(source, replica, rule)(rule);
        assert.deepEqual(undeterminedsText(p), ["unresolved-reference secondary-location rules[0].destination.bucket"]);
        assert.match(p.undetermined[0].detail, /'replica' is not known/);
    });
});

describe("stack pass: long chains of copies", () => {
    it("a chain of 5,000 buckets, each replicating to the next, is placed to its last hop", () => {
        const chain = Array.from({ length: 5_000 }, (_, i) =>
            s3Bucket(
                {
                    bucket: `b${i}`,
                    replicationConfiguration: {
                        role: "arn:aws:iam::1:role/r",
                        rules: [{ status: "Enabled", destination: { bucket: `arn:aws:s3:::b${i + 1}` } }],
                    },
                },
                { provider: ireland, name: `b${i}` },
            ),
        );
        const last = s3Bucket({ bucket: "b5000" }, { provider: china, name: "b5000" });
        const placed = stack(...chain, last);
        assert.deepEqual(locationsText(placed(chain[chain.length - 1])), [
            "primary eu-west-1 IE",
            "replica cn-north-1 CN",
        ]);
        assert.deepEqual(locationsText(placed(chain[0])), ["primary eu-west-1 IE", "replica eu-west-1 IE"]);
    });
});
