// Values as the engine encodes a resource's inputs, for the property tests of their decoding.
import fc from "fast-check";

export const SIG = "4dabf18193072939515e22adb298388d";
export const SIGNATURES = [
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

/** Any value the engine may send as an input: plain JSON, unknown sentinels, signature objects of any shape. */
export const { json: engineJson } = fc.letrec<{ json: unknown }>((arb) => ({
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
