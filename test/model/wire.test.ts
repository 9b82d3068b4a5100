import { strict as assert } from "node:assert";
import { Secret, Unknown, lookup } from "../../src/model/values";
import { decodeProps, decodeValue } from "../../src/normalise/wire";

const SIG = "4dabf18193072939515e22adb298388d";

describe("Pulumi's property encoding, decoded", () => {
    const cases: Array<[string, unknown, (v: unknown) => void]> = [
        [
            "an unknown string during preview",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            (v) => assert.ok(v instanceof Unknown),
        ],
        [
            "an unknown object",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
            (v) => assert.equal((v as Unknown).kind, "object"),
        ],
        [
            "a secret from the engine",
            { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "eu-west-1" },
            (v) => assert.deepEqual(v, new Secret("eu-west-1")),
        ],
        [
            "a secret as a stack export's ciphertext",
            { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAB" },
            (v) => assert.deepEqual(v, new Secret(undefined)),
        ],
        [
            "a secret from `stack export --show-secrets`",
            { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '{"a":"b"}' },
            (v) => assert.deepEqual(v, new Secret({ a: "b" })),
        ],
        [
            "an output value that is secret",
            { [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: "x", secret: true },
            (v) => assert.deepEqual(v, new Secret("x")),
        ],
        [
            "an output value without a value (unknown)",
            { [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4" },
            (v) => assert.ok(v instanceof Unknown),
        ],
        [
            "a look-alike: a plain string that merely resembles a sentinel",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba8",
            (v) => assert.equal(v, "04da6b54-80e4-46f7-96ec-b56ff0331ba8"),
        ],
    ];
    for (const [what, raw, check] of cases) it(what, () => check(decodeValue(raw)));

    it("finds a secret nested deep in the inputs and says a secret was crossed", () => {
        const props = decodeProps({
            endpoints: [{ s3: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "https://oss" } }],
        });
        assert.deepEqual(lookup(props, ["endpoints", 0, "s3"]), { value: "https://oss", secret: true });
        assert.deepEqual(lookup(props, ["endpoints", 1, "s3"]), { value: undefined, secret: false });
    });

    it("drops an input named __proto__ of a preview's JSON, and takes no prototype from it", () => {
        const props = decodeProps(JSON.parse('{"__proto__": {"region": "cn-north-1"}, "bucket": "orders"}'));
        assert.deepEqual(Object.keys(props), ["bucket"]);
        assert.equal(props.region, undefined);
        assert.equal(Object.getPrototypeOf(props), Object.prototype);
    });
});
