// clean-guard reads the engine's Analyze and AnalyzeStack requests from their bytes (src/normalise/resource-bytes.ts):
// whatever a resource holds, it must come out exactly as the generated decoders' objects normalise, secrets,
// unknowns, signature objects, key order and all, and fields a later engine adds must be skipped as they skip them.
import { strict as assert } from "node:assert";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { fromAnalyzeRequest, fromAnalyzerResource } from "../../src/normalise/engine";
import { AnalyzeRequestBytes, StackRequestBytes } from "../../src/pack/request-bytes";
import { engineJson } from "./engine-values";
import { fuzzed } from "./settings";

const key = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }));
const inputs = fc.dictionary(key, fc.oneof(engineJson, fc.string({ unit: "binary", maxLength: 12 })), {
    maxKeys: 6,
});
const urn = fc.oneof(fc.constant(""), fc.string({ unit: "binary", maxLength: 30 }));
const types = fc.constantFrom("aws:s3/bucket:Bucket", "pulumi:providers:aws", "kubernetes:core/v1:ConfigMap", "");

const provider = fc.option(
    fc.record({ type: fc.constantFrom("pulumi:providers:aws", "pulumi:providers:gcp"), name: urn, urn, inputs }),
    { nil: undefined },
);

const shape = fc.record({
    type: types,
    name: urn,
    urn,
    inputs: fc.option(inputs, { nil: undefined }),
    provider,
    parent: urn,
    dependencies: fc.array(urn, { maxLength: 3 }),
    propertyDependencies: fc.dictionary(key, fc.array(urn, { maxLength: 3 }), { maxKeys: 3 }),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** Every object's keys, depth first: the order values are walked in, and findings reported in. */
function keyOrder(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(keyOrder);
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => [k, ...keyOrder(v)]);
}

const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as Record<string, never>);

/**
 * A field the message does not have yet (the next number, a string), which a later engine may send: skipped by both
 * readers. In the provider's own bytes it also keeps them apart from what the generated decoder's provider encodes
 * to, so that the two readings do not share a cached provider.
 */
const laterField = (field: number) => [(field << 3) | 2, 1, 0x78];
/** What a Struct holding these inputs is on the wire, its entries in the order given. */
function structField(field: number, entries: [string, unknown][]): number[] {
    const bytes = entries.flatMap(([k, v]) => [...struct({ [k]: v }).serializeBinary()]);
    return [(field << 3) | 2, ...varint(bytes.length), ...bytes];
}

function providerField(p: NonNullable<Shape["provider"]>): number[] {
    const message = new analyzer.AnalyzerProviderResource();
    message.setType(p.type);
    message.setName(p.name);
    message.setUrn(p.urn);
    message.setProperties(struct(p.inputs));
    const bytes = [...message.serializeBinary(), ...laterField(5)];
    return [(6 << 3) | 2, ...varint(bytes.length), ...bytes];
}

function varint(n: number): number[] {
    const out: number[] = [];
    for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n % 0x80) | 0x80);
    return [...out, n];
}

/**
 * The engine (Go) writes a map's entries in no set order, the generated encoder sorted: the inputs go on the wire
 * last key first, and come out in the order the generated Map hands them out. The first key is written twice, the
 * second time with its value, which wins.
 */
function inputsField(s: Shape): number[] {
    if (!s.inputs) return [];
    const entries = Object.entries(s.inputs);
    const shadowed: [string, unknown][] = entries.slice(0, 1).map(([k]) => [k, "shadowed"]);
    return structField(2, [...shadowed, ...entries.reverse()]);
}

function analyzeRequest(s: Shape): Buffer {
    const request = new analyzer.AnalyzeRequest();
    request.setType(s.type);
    request.setName(s.name);
    request.setUrn(s.urn);
    // A resource with no parent may come without options.
    if (s.parent) {
        const options = new analyzer.AnalyzerResourceOptions();
        options.setParent(s.parent);
        options.setProtect(true);
        options.setIgnorechangesList(["tags"]);
        request.setOptions(options);
    }
    return Buffer.from([
        ...request.serializeBinary(),
        ...inputsField(s),
        ...(s.provider ? providerField(s.provider) : []),
        ...laterField(7),
    ]);
}

function analyzerResource(s: Shape): number[] {
    const resource = new analyzer.AnalyzerResource();
    resource.setType(s.type);
    resource.setName(s.name);
    resource.setUrn(s.urn);
    resource.setParent(s.parent);
    resource.setDependenciesList(s.dependencies);
    for (const [input, urns] of Object.entries(s.propertyDependencies)) {
        const deps = new analyzer.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        resource.getPropertydependenciesMap().set(input, deps);
    }
    return [
        ...resource.serializeBinary(),
        ...inputsField(s),
        ...(s.provider ? providerField(s.provider) : []),
        ...laterField(10),
    ];
}

function stackRequest(shapes: Shape[]): Buffer {
    const bytes = shapes.flatMap((s) => {
        const resource = analyzerResource(s);
        return [(1 << 3) | 2, ...varint(resource.length), ...resource];
    });
    return Buffer.from([...laterField(2), ...bytes, ...laterField(2)]);
}

describe("fuzz: resources read from the engine's bytes", () => {
    it("an Analyze request's resource is the generated decoder's, normalised", () => {
        fc.assert(
            fc.property(shape, (s) => {
                const bytes = analyzeRequest(s);
                const expected = fromAnalyzeRequest(analyzer.AnalyzeRequest.deserializeBinary(bytes));
                const read = new AnalyzeRequestBytes(bytes).resource();
                assert.deepEqual(read, expected);
                assert.deepEqual(keyOrder(read), keyOrder(expected));
            }),
            fuzzed(),
        );
    });

    it("the policy SDK reads an Analyze or Remediate request as the generated decoder's", () => {
        const asTheSdkReads = (request: analyzer.AnalyzeRequest | AnalyzeRequestBytes) => {
            const provider = request.getProvider();
            return {
                type: request.getType(),
                urn: request.getUrn(),
                name: request.getName(),
                options: request.getOptions()?.toObject(),
                inputs: request.getProperties()?.toJavaScript(),
                provider: provider && {
                    type: provider.getType(),
                    urn: provider.getUrn(),
                    name: provider.getName(),
                    inputs: provider.getProperties()?.toJavaScript(),
                },
            };
        };
        fc.assert(
            fc.property(shape, (s) => {
                const bytes = analyzeRequest(s);
                const read = asTheSdkReads(new AnalyzeRequestBytes(bytes));
                const expected = asTheSdkReads(analyzer.AnalyzeRequest.deserializeBinary(bytes));
                assert.deepEqual(read, expected);
                assert.deepEqual(keyOrder(read), keyOrder(expected));
            }),
            fuzzed(),
        );
    });

    it("an AnalyzeStack request's resources are the generated decoder's, normalised, in order", () => {
        fc.assert(
            fc.property(fc.array(shape, { maxLength: 4 }), (shapes) => {
                const bytes = stackRequest(shapes);
                const expected = analyzer.AnalyzeStackRequest.deserializeBinary(bytes)
                    .getResourcesList()
                    .map(fromAnalyzerResource);
                const read = [...new StackRequestBytes(bytes).resources()];
                assert.deepEqual(read, expected);
                assert.deepEqual(keyOrder(read), keyOrder(expected));
            }),
            fuzzed(),
        );
    });
});
