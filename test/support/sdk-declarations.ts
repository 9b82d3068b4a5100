// What an installed Pulumi provider SDK declares: every custom resource's type token (its class's
// `__pulumiType`, compiled into the .js), the input properties of its `<Class>Args` interface with the input
// types they name, the output properties the class declares, and the nested input types of
// `types/input.d.ts`. Two users: the real-CLI suite's stand-in providers (a schema with every property) and
// the place-input audit (which inputs, at any depth, name a place or a copy).
//
// The .d.ts files are read line by line, not parsed: tsc's declaration emitter writes one member a line (an
// object type literal over a few lines, braces balanced), and a line reader goes through the ~150 MB of five
// SDKs' declarations in a few seconds where the TypeScript parser takes a minute.

import * as fs from "node:fs";
import * as path from "node:path";

/** One input property: the input types it names (`s3.BucketReplicationConfiguration`), and how. */
export interface Field {
    name: string;
    /** Qualified names of the nested input types the property holds (`documentdb.LocationArgs`). */
    refs: string[];
    /** A list of them: its elements are `name[*]`. */
    array: boolean;
    /** Declared as a number and nothing else (a count, a period, a port): it can name no place. */
    numeric: boolean;
    /** A map of string keys (`{[key: string]: ...}`), as tags and labels are. */
    map: boolean;
}

export interface ResourceDeclaration {
    className: string;
    inputs: Field[];
    outputs: string[];
}

export interface SdkDeclarations {
    /** The package as published (`@pulumi/aws`), whatever it is installed as. */
    name: string;
    version: string;
    resources: Map<string, ResourceDeclaration>;
    provider: ResourceDeclaration;
    /** Nested input types by qualified name, without the `inputs.` prefix. */
    inputTypes: Map<string, Field[]>;
}

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** `@pulumi/aws`, or an alias a previous major is installed as (`pulumi-aws-v6`). */
export function sdkDir(installedAs: string): string {
    return path.join(REPO_ROOT, "node_modules", installedAs);
}

export function sdkManifest(installedAs: string): { name: string; version: string } {
    return JSON.parse(fs.readFileSync(path.join(sdkDir(installedAs), "package.json"), "utf8")) as {
        name: string;
        version: string;
    };
}

// `class Bucket extends pulumi.CustomResource {` (the token is set as `static __pulumiType = '...'` in newer
// SDKs, `Bucket.__pulumiType = '...'` after the class in older ones).
const CLASS = /class (\w+) extends pulumi\.(CustomResource|ProviderResource) \{/;
const TOKEN = /__pulumiType = '([^']+)'/;

export function readSdk(installedAs: string): SdkDeclarations {
    const dir = sdkDir(installedAs);
    const { name, version } = sdkManifest(installedAs);
    const sdk: SdkDeclarations = {
        name,
        version,
        resources: new Map(),
        provider: { className: "Provider", inputs: [], outputs: [] },
        inputTypes: readInputTypes(path.join(dir, "types", "input.d.ts")),
    };
    for (const js of moduleFiles(dir)) {
        const source = fs.readFileSync(js, "utf8");
        const token = TOKEN.exec(source)?.[1];
        const cls = token && CLASS.exec(source);
        if (!cls) continue;
        const declared = declarations(fs.readFileSync(js.replace(/\.js$/, ".d.ts"), "utf8"), cls[1]);
        if (cls[2] === "ProviderResource") sdk.provider = declared;
        else sdk.resources.set(token, declared);
    }
    return sdk;
}

function* moduleFiles(dir: string): Generator<string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== "node_modules" && entry.name !== "types") yield* moduleFiles(full);
        } else if (entry.name.endsWith(".js") && entry.name !== "index.js") yield full;
    }
}

/** The class's own properties and its `<Class>Args` interface, from the resource's .d.ts. */
function declarations(dts: string, className: string): ResourceDeclaration {
    const out: ResourceDeclaration = { className, inputs: [], outputs: [] };
    for (const block of blocks(dts.split("\n"))) {
        if (block.header === `export declare class ${className} extends`) {
            out.outputs = block.members.filter((m) => !m.text.startsWith("static ")).map((m) => m.name);
        } else if (block.header === `export interface ${className}Args`) {
            out.inputs = block.members.map(field);
        }
    }
    return out;
}

/** Every interface of `types/input.d.ts`, qualified by its namespaces (`kubernetes`'s `apps.v1.DeploymentSpec`). */
function readInputTypes(file: string): Map<string, Field[]> {
    const types = new Map<string, Field[]>();
    if (!fs.existsSync(file)) return types;
    for (const block of blocks(fs.readFileSync(file, "utf8").split("\n"))) {
        const name = /^interface (\w+)/.exec(block.header)?.[1];
        if (name) types.set([...block.namespaces, name].join("."), block.members.map(field));
    }
    return types;
}

interface Member {
    name: string;
    /** The member's declaration, joined onto one line. */
    text: string;
}

interface Block {
    /** The declaration line up to its name and `extends` (`export interface BucketArgs`, `interface Foo`). */
    header: string;
    namespaces: string[];
    members: Member[];
}

const NAMESPACE = /^(?:export declare )?namespace (\w+) \{$/;
const OPEN = /^((?:export )?(?:declare )?(?:interface|class) \w+(?: extends)?)[^{]*\{$/;
const MEMBER = /^(?:readonly )?(?:static )?(?:readonly )?(\w+|"[^"]+")\??: /;

/**
 * The interfaces and classes of a .d.ts, each with its members, by indentation: tsc indents a namespace's
 * declarations four spaces deeper and closes each block with a `}` at its own indentation.
 */
function blocks(lines: string[]): Block[] {
    const out: Block[] = [];
    const namespaces: Array<{ name: string; indent: number }> = [];
    let open: (Block & { indent: number }) | undefined;
    let pending: { name: string; text: string; depth: number } | undefined;
    for (const line of lines) {
        const text = line.trim();
        if (!text || text.startsWith("/**") || text.startsWith("*")) continue;
        const indent = line.length - line.trimStart().length;
        if (open) {
            if (pending) {
                pending.text += ` ${text}`;
                pending.depth += braces(text);
                if (pending.depth <= 0) {
                    open.members.push({ name: pending.name, text: pending.text });
                    pending = undefined;
                }
            } else if (indent === open.indent && text === "}") {
                out.push(open);
                open = undefined;
            } else if (indent === open.indent + 4) {
                const name = MEMBER.exec(text)?.[1];
                const depth = braces(text);
                if (name && depth > 0) pending = { name: unquote(name), text, depth };
                else if (name) open.members.push({ name: unquote(name), text });
            }
            continue;
        }
        if (text === "}" && namespaces.length > 0 && indent === namespaces[namespaces.length - 1].indent) {
            namespaces.pop();
            continue;
        }
        const ns = NAMESPACE.exec(text);
        if (ns) {
            namespaces.push({ name: ns[1], indent });
            continue;
        }
        const header = OPEN.exec(text)?.[1];
        if (header) {
            open = {
                header: header.replace(/ extends$/, " extends"),
                namespaces: namespaces.map((n) => n.name),
                members: [],
                indent,
            };
        }
    }
    return out;
}

function braces(text: string): number {
    let depth = 0;
    for (const c of text) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
    return depth;
}

function unquote(name: string): string {
    return name.replace(/^"|"$/g, "");
}

const INPUT_REF = /inputs\.([\w.]+)/g;

function field(member: Member): Field {
    const type = member.text.slice(member.text.indexOf(":") + 1);
    return {
        name: member.name,
        refs: [...new Set([...type.matchAll(INPUT_REF)].map((m) => m[1]))],
        array: type.includes("[]"),
        numeric: /^\s*pulumi\.Input<number( \| undefined)?>;$/.test(type),
        map: type.includes("[key: string]"),
    };
}
