// What a finding quotes of a value a hostile or careless program wrote: invisible and control characters
// shown as escapes, over-long words and text shortened in the middle with the count of what was left out.
import { strict as assert } from "node:assert";
import { escapeInvisible, quotable } from "../../src/engine/quoted-values";

describe("quoted values", () => {
    it("an invisible character after a region is shown as an escape", () => {
        assert.equal(quotable("cn-north-1\u200b"), "cn-north-1\\u200b");
    });

    it("a terminal escape sequence, a carriage return and a bidirectional override are shown, not obeyed", () => {
        assert.equal(quotable("\u001b[2Jok\rcn-north-1\u202e"), "\\u001b[2Jok\\u000dcn-north-1\\u202e");
    });

    it("a report's own layout keeps its tabs and line feeds; other controls are escaped", () => {
        assert.equal(escapeInvisible("a\tb\nc\u0007", { lines: true }), "a\tb\nc\\u0007");
        assert.equal(escapeInvisible("a\tb\nc\u0007"), "a\\u0009b\\u000ac\\u0007");
    });

    it("a word of 300 characters is quoted whole; one of 301 keeps its first and last 130", () => {
        assert.equal(quotable("y".repeat(300)), "y".repeat(300));
        const long = "a".repeat(151) + "b".repeat(150);
        assert.equal(quotable(long), `${"a".repeat(130)}…(41 characters left out)…${"b".repeat(130)}`);
    });

    it("only the over-long word of a sentence is shortened", () => {
        const host = "h".repeat(400);
        assert.equal(
            quotable(`endpoint ${host} in cn-north-1`),
            `endpoint ${"h".repeat(130)}…(140 characters left out)…${"h".repeat(130)} in cn-north-1`,
        );
    });

    it("a 300-character word in a longer sentence, and a text of 2,000 characters, are quoted whole", () => {
        const sentence = `host ${"h".repeat(300)} in cn-north-1`;
        assert.equal(quotable(sentence), sentence);
        const text = "word ".repeat(400);
        assert.equal(text.length, 2000);
        assert.equal(quotable(text), text);
    });

    it("text over 2,000 characters keeps its first and last 980", () => {
        const text = "west ".repeat(300) + "east ".repeat(300);
        assert.equal(text.length, 3000);
        assert.equal(quotable(text), `${text.slice(0, 980)}…(1040 characters left out)…${text.slice(-980)}`);
        assert.ok(quotable(text).startsWith("west west"));
        assert.ok(quotable(text).endsWith("east "));
    });
});
