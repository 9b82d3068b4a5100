import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import Ajv2020 from "ajv/dist/2020";
import schema from "../../src/profile/schema.json";

type Node = Record<string, unknown>;

/** Every schema node that stands for a key or value the user writes, with its path for messages. */
function userFacingNodes(node: Node, at: string): Array<[string, Node]> {
    const found: Array<[string, Node]> = [[at, node]];
    const properties = (node.properties ?? {}) as Record<string, Node>;
    for (const [key, child] of Object.entries(properties)) found.push(...userFacingNodes(child, `${at}.${key}`));
    for (const key of ["items", "additionalProperties", "propertyNames"]) {
        const child = node[key];
        if (typeof child === "object" && child !== null && !("$ref" in child)) {
            found.push(...userFacingNodes(child as Node, `${at}<${key}>`));
        }
    }
    return found;
}

describe("profile: schema.json", () => {
    it("compiles under a plain, strict ajv (no custom keywords needed by editors or other tools)", () => {
        assert.doesNotThrow(() => new Ajv2020({ strict: true }).compile(schema));
    });

    it("describes every key, and gives every value an expectation for messages", () => {
        const nodes = [
            ...userFacingNodes(schema as Node, "profile"),
            ...Object.entries(schema.$defs).flatMap(([name, def]) => userFacingNodes(def as Node, `$defs.${name}`)),
        ];
        const undocumented = nodes.filter(([, n]) => typeof n.description !== "string").map(([at]) => at);
        const unexplained = nodes.filter(([, n]) => typeof n.title !== "string" && !("$ref" in n)).map(([at]) => at);
        assert.deepEqual(undocumented, []);
        assert.deepEqual(unexplained, []);
    });

    it("closes every mapping: no key outside the schema is silently ignored", () => {
        const open = userFacingNodes(schema as Node, "profile")
            .filter(([, n]) => n.type === "object" && n.additionalProperties === undefined)
            .map(([at]) => at);
        assert.deepEqual(open, []);
    });

    it("accepts the shipped default and the regulated-organisation sample as they are written", () => {
        const validate = new Ajv2020().compile(schema);
        for (const file of ["src/profile/default.yaml", "examples/profiles/regulated-org.yaml"]) {
            const ok = validate(yaml.load(fs.readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }));
            assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
        }
    });
});
