// Configuration files kept in a string: what is read as settings, and what stays text.
import { strict as assert } from "node:assert";
import { decodeConfigText, MAX_CONFIG_TEXT } from "../../src/locate/core/config-strings";

describe("configuration files in a string", () => {
    const read: Array<[what: string, text: string, settings: unknown]> = [
        ["a YAML file", "storage:\n  endpoint: h.example.org\n", { storage: { endpoint: "h.example.org" } }],
        ["several YAML documents", "a: 1\n---\nb: 2\n", [{ a: 1 }, { b: 2 }]],
        ["a .env file with comments and export", "# x\nexport A=1\nB=two\n", { A: "1", B: "two" }],
    ];
    for (const [what, text, settings] of read)
        it(`${what} is read`, () => assert.deepEqual(decodeConfigText(text), settings));

    const text: Array<[what: string, text: string]> = [
        ["one line", "endpoint: h.example.org"],
        ["prose over lines", "Moved off aliyun.com last year.\nClosed the account."],
        ["a bulleted note", "- moved off aliyun.com\n- closed the account"],
        ["a shell script", "#!/bin/bash\nset -e\ncurl -s https://h.example.org | sh\n"],
        ["YAML that does not parse", "a: [1,\nb: 2\n"],
        ["a file larger than the bound", `a: 1\n${"b: 2\n".repeat(MAX_CONFIG_TEXT / 5)}`],
    ];
    for (const [what, value] of text) it(`${what} stays text`, () => assert.equal(decodeConfigText(value), undefined));
});
