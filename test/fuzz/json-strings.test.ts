// Every input string of every resource is asked whether it holds JSON (src/locate/core/json-strings.ts), and the
// first character answers for nearly all of them. That shortcut must answer as the pattern it stands for, a JSON
// object or array after any white space, for every string (JSON.parse then decides what is JSON).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { decodeJsonString, looksLikeJson } from "../../src/locate/core/json-strings";
import { fuzzed } from "./settings";

const PATTERN = /^\s*[[{]/;

/** Every character JavaScript's `\s` matches, and neighbours it does not (control characters, zero-width space). */
const spaceLike = fc.constantFrom(
    " ",
    "\t",
    "\n",
    "\r",
    "\v",
    "\f",
    "\u00a0",
    "\u1680",
    "\u2000",
    "\u200a",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\ufeff",
    "\u0000",
    "\u001f",
    "\u007f",
    "\u0085",
    "\u200b",
);
const opening = fc.constantFrom("[", "{", "]", "}", '"', "a", "1", "-", "~", "\u00e9", "\ud83d\ude00", "");

describe("whether a string holds JSON", () => {
    it("is answered as the pattern answers, whatever white space or character opens the string", () => {
        fc.assert(
            fc.property(
                fc.array(spaceLike, { maxLength: 4 }),
                opening,
                fc.string({ unit: "binary", maxLength: 12 }),
                (spaces, first, rest) => {
                    const text = spaces.join("") + first + rest;
                    assert.equal(looksLikeJson(text), PATTERN.test(text), JSON.stringify(text));
                },
            ),
            fuzzed(),
        );
        fc.assert(
            fc.property(fc.string({ unit: "binary", maxLength: 16 }), (text) => {
                assert.equal(looksLikeJson(text), PATTERN.test(text), JSON.stringify(text));
            }),
            fuzzed(),
        );
    });

    it("reads a document indented with white space, and not a string that only holds a bracket further on", () => {
        for (const text of ['\n\t{"endpoint": "oss-cn-hangzhou.aliyuncs.com"}', ' [{"endpoint": "x"}]']) {
            assert.equal(decodeJsonString(text).kind, "json", JSON.stringify(text));
        }
        assert.equal(decodeJsonString('endpoint {"a": 1}').kind, "text");
        assert.equal(decodeJsonString("").kind, "text");
    });
});
