// The Pulumi package schema of a stand-in provider, generated from the installed provider SDK: every custom
// resource's type token (its class's `__pulumiType`, compiled into the .js) with the input properties of its
// `<Class>Args` interface and the output properties the class declares (both from the .d.ts). Every
// property is typed `Any`: Pulumi YAML checks that each type token and property name exists, and the
// stand-in never interprets a value, so types would only add ways to disagree with the real provider.

import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { REPO_ROOT } from "../../emulator/engine";

const ANY = { $ref: "pulumi.json#/Any" };

interface ObjectSchema {
    inputProperties: Record<string, typeof ANY>;
    properties: Record<string, typeof ANY>;
}

export interface PackageSchema {
    name: string;
    version: string;
    resources: Record<string, ObjectSchema>;
    provider: ObjectSchema;
}

/** Where the generated schemas are kept between runs: generating aws or azure-native takes seconds. */
export const SCHEMA_CACHE = path.join(REPO_ROOT, ".pulumi-cli", "schemas");

export function sdkDir(pkg: string): string {
    return path.join(REPO_ROOT, "node_modules", "@pulumi", pkg);
}

export function sdkVersion(pkg: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(sdkDir(pkg), "package.json"), "utf8")) as {
        version: string;
    };
    return manifest.version;
}

/** The package's schema, from the cache when the installed SDK version has one. */
export function packageSchema(pkg: string): PackageSchema {
    const version = sdkVersion(pkg);
    const cached = path.join(SCHEMA_CACHE, `${pkg}-${version}.json`);
    if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, "utf8")) as PackageSchema;
    const schema = generateSchema(pkg, version);
    fs.mkdirSync(SCHEMA_CACHE, { recursive: true });
    // Written whole, then renamed: two providers of one package may start at once.
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, JSON.stringify(schema));
    fs.renameSync(partial, cached);
    return schema;
}

// `class Bucket extends pulumi.CustomResource { ... static __pulumiType = 'aws:s3/bucket:Bucket';`
const CLASS_TOKEN =
    /class (\w+) extends pulumi\.(CustomResource|ProviderResource) \{[^]*?static __pulumiType = '([^']+)'/g;

function generateSchema(pkg: string, version: string): PackageSchema {
    const schema: PackageSchema = {
        name: pkg,
        version,
        resources: {},
        provider: { inputProperties: {}, properties: {} },
    };
    for (const js of moduleFiles(sdkDir(pkg))) {
        const source = fs.readFileSync(js, "utf8");
        if (!source.includes("__pulumiType")) continue;
        for (const [, className, base, token] of source.matchAll(CLASS_TOKEN)) {
            const declared = declarations(js.replace(/\.js$/, ".d.ts"), className);
            if (base === "ProviderResource") schema.provider = declared;
            else schema.resources[token] = declared;
        }
    }
    return schema;
}

function* moduleFiles(dir: string): Generator<string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "node_modules") yield* moduleFiles(full);
        else if (entry.isFile() && entry.name.endsWith(".js")) yield full;
    }
}

/** The input properties (`<Class>Args`) and output properties (the class's own) declared in a .d.ts. */
function declarations(dts: string, className: string): ObjectSchema {
    const file = ts.createSourceFile(dts, fs.readFileSync(dts, "utf8"), ts.ScriptTarget.Latest);
    const out: ObjectSchema = { inputProperties: {}, properties: {} };
    const names = (members: ts.NodeArray<ts.ClassElement | ts.TypeElement>, into: Record<string, typeof ANY>) => {
        for (const m of members) {
            const isProperty = ts.isPropertyDeclaration(m) || ts.isPropertySignature(m);
            const isStatic =
                ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
            if (isProperty && !isStatic && m.name && ts.isIdentifier(m.name)) into[m.name.text] = ANY;
        }
    };
    for (const statement of file.statements) {
        if (ts.isInterfaceDeclaration(statement) && statement.name.text === `${className}Args`) {
            names(statement.members, out.inputProperties);
        } else if (ts.isClassDeclaration(statement) && statement.name?.text === className) {
            names(statement.members, out.properties);
        }
    }
    return out;
}
