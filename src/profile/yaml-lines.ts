// Parses profile YAML and remembers the line every key and item was written on, so an error found
// later (by the schema or against the catalog) can point at the line the user must fix.

import * as yaml from "js-yaml";
import { ProfileError, type KeyPath, type ProfileOrigin } from "./errors";

interface Node {
    line: number;
    result: unknown;
    children: Node[];
}

export interface ParsedYaml {
    value: unknown;
    origin: ProfileOrigin;
}

/**
 * CORE_SCHEMA keeps `expires: 2026-06-30` a string (the default schema would make it a Date) and
 * `no` the country code of Norway.
 */
export function parseYaml(text: string, name: string): ParsedYaml {
    const open: Node[] = [];
    let root: Node | undefined;
    let value: unknown;
    try {
        value = yaml.load(text, {
            filename: name,
            schema: yaml.CORE_SCHEMA,
            // js-yaml reports every node it composes, parents opening before and closing after their
            // children, keys and values alternating: enough to rebuild the tree with line numbers.
            listener(event, state) {
                if (event === "open") {
                    open.push({ line: state.line + 1, result: undefined, children: [] });
                    return;
                }
                const node = open.pop();
                if (node === undefined) return;
                node.result = state.result;
                const parent = open[open.length - 1];
                if (parent === undefined) root = node;
                else parent.children.push(node);
            },
        });
    } catch (e) {
        if (e instanceof yaml.YAMLException) {
            const line = e.mark === undefined ? undefined : e.mark.line + 1;
            const column = e.mark === undefined ? "" : ` at column ${e.mark.column + 1}`;
            throw new ProfileError(name, line, "", `not valid YAML: ${e.reason}${column}`);
        }
        throw e;
    }
    return { value, origin: { name, lineOf: (path) => lineOf(root, path) } };
}

function lineOf(root: Node | undefined, path: KeyPath): number | undefined {
    let node = root;
    let line = root?.line;
    for (const key of path) {
        const child = node === undefined ? undefined : childAt(node, key);
        if (child === undefined) break;
        line = child.line;
        node = child.value;
    }
    return line;
}

/** A mapping's children alternate key, value; the key's line is where the user wrote the entry. */
function childAt(node: Node, key: string | number): { line: number; value: Node | undefined } | undefined {
    if (Array.isArray(node.result)) {
        const item = typeof key === "number" ? node.children[key] : undefined;
        return item && { line: item.line, value: item };
    }
    for (let i = 0; i + 1 < node.children.length; i += 2) {
        const k = node.children[i];
        if (String(k.result) === String(key)) return { line: k.line, value: node.children[i + 1] };
    }
    return undefined;
}
