// The Pulumi package schema of a stand-in provider, generated from the installed provider SDK: every custom
// resource's type token with the input properties of its `<Class>Args` interface and the output properties
// the class declares (test/support/sdk-declarations.ts reads them). Every property is typed `Any`: Pulumi
// YAML checks that each type token and property name exists, and the stand-in never interprets a value, so
// types would only add ways to disagree with the real provider.

import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../../emulator/engine";
import { readSdk, sdkManifest, type ResourceDeclaration } from "../../support/sdk-declarations";

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

export function sdkVersion(pkg: string): string {
    return sdkManifest(`@pulumi/${pkg}`).version;
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

function generateSchema(pkg: string, version: string): PackageSchema {
    const sdk = readSdk(`@pulumi/${pkg}`);
    const resources: Record<string, ObjectSchema> = {};
    for (const [token, declared] of sdk.resources) resources[token] = objectSchema(declared);
    return { name: pkg, version, resources, provider: objectSchema(sdk.provider) };
}

function objectSchema(declared: ResourceDeclaration): ObjectSchema {
    const all = (names: string[]) => Object.fromEntries(names.map((name) => [name, ANY]));
    return { inputProperties: all(declared.inputs.map((f) => f.name)), properties: all(declared.outputs) };
}
