import { strict as assert } from "node:assert";
import type { NormalisedResource } from "../../src/model/resource";
import { StackIndex } from "../../src/locate/core/stack-index";

function resource(
    name: string,
    type: string,
    props: NormalisedResource["props"],
    deps: Record<string, string[]> = {},
): NormalisedResource {
    return {
        urn: `urn:pulumi:dev::demo::${type}::${name}`,
        type,
        name,
        props,
        dependencies: [],
        propertyDependencies: deps,
    };
}

describe("the stack index resolves what one resource names in another", () => {
    const replica = resource("replica", "aws:s3/bucket:Bucket", {
        bucket: "replica-eu",
        arn: "arn:aws:s3:::replica-eu",
    });
    const twinA = resource("twin", "aws:s3/bucket:Bucket", { bucket: "same-name" });
    const twinB = resource("twin2", "aws:s3/bucket:Bucket", { bucket: "same-name" });
    const source = resource(
        "source",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        {},
        { rules: [replica.urn] },
    );
    const index = new StackIndex([replica, twinA, twinB, source]);

    const cases: Array<[string, string, NormalisedResource | undefined]> = [
        ["by ARN", "arn:aws:s3:::replica-eu", replica],
        ["by URN", replica.urn, replica],
        ["by physical name", "replica-eu", replica],
        ["an S3 ARN whose bucket is only known by name", "arn:aws-cn:s3:::replica-eu", replica],
        ["a name two resources share: ambiguous, so unresolved", "same-name", undefined],
        ["a bucket outside the stack", "arn:aws:s3:::elsewhere", undefined],
    ];
    for (const [what, ref, expected] of cases) it(what, () => assert.equal(index.resolve(ref), expected));

    it("follows a property's single dependency when the reference itself is unknown during preview", () => {
        assert.equal(index.dependencyOf(source, "rules"), replica);
        assert.equal(index.dependencyOf(source, "other"), undefined);
    });
});

describe("a bucket's companion resources do not make its name ambiguous", () => {
    const bucket = resource("data", "aws:s3/bucket:Bucket", { bucket: "data-eu" });
    const versioning = resource("data-versioning", "aws:s3/bucketVersioning:BucketVersioning", { bucket: "data-eu" });
    const policy = resource("data-policy", "aws:s3/bucketPolicy:BucketPolicy", { bucket: "data-eu" });
    it("resolves the name to the bucket", () =>
        assert.equal(new StackIndex([bucket, versioning, policy]).resolve("data-eu"), bucket));
});

describe("a name written on other resources as a reference does not make it ambiguous", () => {
    const group = resource("rg", "azure-native:resources:ResourceGroup", {
        resourceGroupName: "rg-data",
        location: "westeurope",
    });
    const account = resource("acct", "azure-native:storage:StorageAccount", {
        resourceGroupName: "rg-data",
        accountName: "acct1",
    });
    const dataset = resource("ds", "gcp:bigquery/dataset:Dataset", { datasetId: "sales" });
    const table = resource("t", "gcp:bigquery/table:Table", { datasetId: "sales", tableId: "orders" });
    const index = new StackIndex([group, account, dataset, table]);
    const cases: Array<[string, string, NormalisedResource]> = [
        ["a resource group by its name", "rg-data", group],
        ["a dataset by its id", "sales", dataset],
        ["a table by its own id", "orders", table],
    ];
    for (const [what, ref, expected] of cases) it(what, () => assert.equal(index.resolve(ref), expected));
});
