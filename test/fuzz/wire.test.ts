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
import { engineJson as json, SIG, SIGNATURES } from "./engine-values";
import { fuzzed } from "./settings";

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
