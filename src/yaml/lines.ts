// Parses YAML (catalogs, profiles) and remembers the line of every key and item, so that schema and consistency errors found after
// parsing can still name the line. js-yaml reports nodes through its `listener` option (open/close events in
// document order); this module rebuilds the tree of those events and answers `lineOf(path)`.

import yaml from "js-yaml";

export type YamlPath = ReadonlyArray<string | number>;

export interface ParsedYaml {
    data: unknown;
    /** 1-based line of the node at `path`, or of its nearest ancestor that has one. */
    lineOf(path: YamlPath): number | undefined;
}

interface EventNode {
    line: number;
    kind?: string;
    value?: unknown;
    children: EventNode[];
}

interface Located {
    line: number;
    keys?: Map<string, Located>;
    items?: Located[];
}

/** Throws js-yaml's YAMLException (with `mark.line`) on a syntax error. */
export function parseYaml(text: string, filename: string): ParsedYaml {
    const stack: EventNode[] = [];
    let root: EventNode | undefined;
    const data = yaml.load(text, {
        filename,
        // CORE_SCHEMA: `asOf: 2021-01-15` stays a string (the default schema would make it a Date).
        schema: yaml.CORE_SCHEMA,
        listener(event, state) {
            if (event === "open") {
                stack.push({ line: state.line, children: [] });
                return;
            }
            const node = stack.pop();
            if (!node) return;
            node.kind = state.kind ?? undefined;
            node.value = state.result;
            const parent = stack[stack.length - 1];
            if (parent) parent.children.push(node);
            else root = node;
        },
    });
    const located = root ? locate(root) : undefined;
    return {
        data,
        lineOf(path) {
            let node = located;
            let line = node?.line;
            for (const step of path) {
                node = typeof step === "number" ? node?.items?.[step] : node?.keys?.get(step);
                if (!node) break;
                line = node.line;
            }
            return line === undefined ? undefined : line + 1;
        },
    };
}

function locate(node: EventNode, line = node.line): Located {
    // js-yaml wraps flow collections and sequence items in a second node carrying the same value.
    while (node.children.length === 1 && node.children[0].value === node.value) node = node.children[0];
    if (node.kind === "sequence") return { line, items: node.children.map((child) => locate(child)) };
    if (node.kind === "mapping" && node.children.length % 2 === 0) {
        const keys = new Map<string, Located>();
        for (let i = 0; i < node.children.length; i += 2) {
            const key = node.children[i];
            keys.set(String(key.value), locate(node.children[i + 1], key.line));
        }
        return { line, keys };
    }
    return { line };
}

/** `["partitions", 0, "regions", 3, "country"]` -> `partitions[0].regions[3].country`. */
export function showPath(at: YamlPath): string {
    return at.map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`)).join("");
}
