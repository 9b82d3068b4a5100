// AnalyzeStack's request read one resource at a time from its bytes must give exactly the resources the generated
// decoder gives, whatever else the message holds (test/fuzz/resource-bytes.test.ts tries every shape of input); read
// a second time, it must fail loudly rather than judge an empty stack.
import { strict as assert } from "node:assert";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { isSecret } from "../../src/model/values";
import { fromAnalyzerResource } from "../../src/normalise/engine";
import { StackRequestBytes } from "../../src/pack/request-bytes";

function analyzerResource(
    name: string,
    inputs: Record<string, unknown>,
    dependsOn: string[],
): analyzer.AnalyzerResource {
    const r = new analyzer.AnalyzerResource();
    r.setUrn(`urn:pulumi:dev::shop::aws:s3/bucket:Bucket::${name}`);
    r.setType("aws:s3/bucket:Bucket");
    r.setName(name);
    r.setProperties(Struct.fromJavaScript(inputs as Record<string, never>));
    r.setDependenciesList(dependsOn);
    const provider = new analyzer.AnalyzerProviderResource();
    provider.setType("pulumi:providers:aws");
    provider.setName("frankfurt");
    provider.setProperties(Struct.fromJavaScript({ region: "eu-central-1" }));
    r.setProvider(provider);
    return r;
}

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" };

const resources = [
    analyzerResource("logs", { bucket: "logs", tags: { "data-residency": "eu" }, password: SECRET }, []),
    analyzerResource("copy", { replicationConfiguration: { rules: [{ destination: "logs" }] } }, ["logs"]),
];

function encoded(): Buffer {
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList(resources);
    // Fields a later engine may add (numbers 2 and 3, varints), before and after the resources: skipped, as the
    // generated decoder skips them.
    return Buffer.from([0x10, 0x01, ...request.serializeBinary(), 0x18, 0x02]);
}

describe("AnalyzeStack's request read from its bytes", () => {
    it("gives every resource the generated decoder gives, in order, secrets kept secret", () => {
        const bytes = encoded();
        const expected = analyzer.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList();
        assert.equal(expected.length, 2);
        const read = [...new StackRequestBytes(bytes).resources()];
        assert.deepEqual(read, expected.map(fromAnalyzerResource));
        assert.deepEqual(
            read.map((r) => [r.name, r.provider?.props.region, r.dependencies]),
            [
                ["logs", "eu-central-1", []],
                ["copy", "eu-central-1", ["logs"]],
            ],
        );
        assert.ok(isSecret(read[0].props.password));
    });

    it("drops an input named __proto__, as the generated decoder does, and takes no prototype from it", () => {
        // Encoded under a stand-in key of the same length, then renamed in the bytes: the generated encoder drops
        // a `__proto__` key before it writes anything, the engine (Go) does not.
        const request = new analyzer.AnalyzeStackRequest();
        request.setResourcesList([
            analyzerResource("logs", { __proto_x: { region: "cn-north-1" }, bucket: "logs" }, []),
        ]);
        const bytes = Buffer.from(request.serializeBinary());
        const at = bytes.indexOf("__proto_x");
        assert.ok(at >= 0);
        bytes.write("__proto__", at);
        const [read] = [...new StackRequestBytes(bytes).resources()];
        assert.deepEqual(
            read,
            fromAnalyzerResource(analyzer.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList()[0]),
        );
        assert.deepEqual(Object.keys(read.props), ["bucket"]);
        assert.equal(Object.getPrototypeOf(read.props), Object.prototype);
        assert.equal(read.props.region, undefined);
    });

    it("is read once: a second reading fails instead of finding an empty stack", () => {
        const request = new StackRequestBytes(encoded());
        assert.equal([...request.resources()].length, 2);
        assert.throws(() => [...request.resources()], /read once/);
    });
});
