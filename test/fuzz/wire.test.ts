// Pulumi's property encoding under random and malformed values: signature objects with missing or wrong
// fields, plaintext that is not JSON, sentinels in odd places. Decoding never throws, a secret stays a secret
// however it is nested, and the locators accept whatever decoding produces.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import { isSecret, type Value } from "../../src/model/values";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { decodeProps, decodeStruct, decodeValue } from "../../src/normalise/wire";
import { resource } from "../support/builders";
import { fuzzed } from "./settings";

const SIG = "4dabf18193072939515e22adb298388d";
const SIGNATURES = [
    "1b47061264138c4ac30d75fd1eb44270", // secret
    "c44067f5952c0a294b673a41bacd8c17", // asset
    "0def7320c3a5731c473e5ecbe6d01bc7", // archive
    "5cf8f73096256a8f31e491e813e4eb8e", // resource reference
    "d0e6a833031e9bbcd3f4e8bde6ca49a4", // output value
    "not-a-signature",
];
const SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

const { json } = fc.letrec<{ json: unknown }>((arb) => ({
    json: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(...SENTINELS),
        fc.array(arb("json"), { maxLength: 5 }),
        fc.dictionary(fc.string({ maxLength: 8 }), arb("json"), { maxKeys: 5 }),
        // A signature object with any mix of the fields the decoder reads, each of any shape.
        fc.record(
            {
                [SIG]: fc.constantFrom(...SIGNATURES),
                value: arb("json"),
                plaintext: fc.oneof(
                    fc.string(),
                    arb("json").map((v) => JSON.stringify(v) ?? ""),
                ),
                ciphertext: fc.string(),
                secret: fc.oneof(fc.boolean(), arb("json")),
                urn: arb("json"),
                id: arb("json"),
                path: arb("json"),
                uri: arb("json"),
            },
            { requiredKeys: [SIG] },
        ),
    ),
}));

function containsSecret(v: Value | undefined): boolean {
    if (isSecret(v)) return true;
    if (Array.isArray(v)) return v.some(containsSecret);
    if (v !== null && typeof v === "object") return Object.values(v).some(containsSecret);
    return false;
}

describe("fuzz: wire decoding", () => {
    const catalog = defaultCatalog();

    it("never throws, and the locators accept what it produces", () => {
        fc.assert(
            fc.property(json, json, (props, providerProps) => {
                const decoded = decodeProps(props);
                decodeValue(props);
                const provider = {
                    type: "pulumi:providers:aws",
                    name: "p",
                    urn: "urn:p",
                    props: decodeProps(providerProps),
                };
                locate(resource("aws:s3/bucket:Bucket", "b", decoded, { provider }), { catalog });
            }),
            fuzzed(),
        );
    });

    it("an engine's struct decodes as its plain JavaScript does: secrets, unknowns and signatures alike", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 5 }), (props) => {
                const struct = Struct.fromJavaScript(props as Record<string, never>);
                assert.deepEqual(decodeStruct(struct), decodeProps(struct.toJavaScript()));
            }),
            fuzzed(),
        );
        assert.deepEqual(decodeStruct(undefined), {});
    });

    it("a secret stays a secret however deep it sits in what wraps it", () => {
        fc.assert(
            fc.property(
                json,
                fc.array(fc.oneof(fc.constant("list"), fc.string({ maxLength: 6 })), { maxLength: 8 }),
                (inner, wraps) => {
                    const secret = { [SIG]: SIGNATURES[0], value: inner };
                    const wrapped = wraps.reduce<unknown>((v, w) => (w === "list" ? [v] : { [w]: v }), secret);
                    assert.ok(containsSecret(decodeValue(wrapped)), JSON.stringify(wrapped));
                },
            ),
            fuzzed(),
        );
    });
});
