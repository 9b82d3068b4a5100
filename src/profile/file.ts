// The profile as written (YAML file or inline policy config), checked against schema.json. The
// first schema error becomes a ProfileError naming the key, the value found and what was expected.

import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import schema from "./schema.json";
import { describeValue, formatKeyPath, ProfileError, type KeyPath, type ProfileOrigin } from "./errors";
import type { EnforcementLevel, Exemption, Profile, StackDefault } from "./types";

/** An exemption as written: everything but where it was written. */
export type ExemptionEntry = Omit<Exemption, "origin">;

/** What schema.json accepts. */
export interface ProfileFile {
    version: 1;
    extends?: "default" | "none";
    disallow?: Partial<Profile["disallowed"]>;
    jurisdictions?: Record<string, string[]>;
    classification?: {
        keys?: string[];
        stackTag?: string;
        stacks?: StackDefault[];
        requiredFor?: string[];
        unknownPlaces?: Profile["classification"]["unknownPlaces"];
    };
    enforcement?: Record<string, EnforcementLevel>;
    tagExemptions?: Partial<Profile["tagExemptions"]>;
    lookups?: Partial<Profile["lookups"]>;
    exemptions?: ExemptionEntry[];
}

interface SchemaNode {
    /** Each schema's title is the phrase an error message ends with: "(expected <title>)". */
    title?: string;
    $ref?: string;
    properties?: Record<string, SchemaNode>;
}

const ajv = new Ajv2020({ allErrors: false, verbose: true });
const validate = ajv.compile<ProfileFile>(schema);

export function checkProfileFile(value: unknown, origin: ProfileOrigin): ProfileFile {
    if (value === undefined || value === null) {
        // An empty document has no line worth naming.
        throw new ProfileError(
            origin.name,
            undefined,
            "",
            `the profile is empty (expected ${(schema as SchemaNode).title})`,
        );
    }
    if (validate(value)) return value;
    const first = validate.errors?.[0];
    if (first === undefined) throw new Error("schema validation failed without an error");
    throw describeSchemaError(first, value, origin);
}

function describeSchemaError(error: ErrorObject, root: unknown, origin: ProfileOrigin): ProfileError {
    const at = pathOf(error.instancePath, root);
    const parent = error.parentSchema as SchemaNode | undefined;
    if (error.propertyName !== undefined) {
        return ProfileError.at(
            origin,
            [...at, error.propertyName],
            `${JSON.stringify(error.propertyName)} is not a valid name (expected ${expectedOf(parent)})`,
        );
    }
    switch (error.keyword) {
        case "required": {
            const missing = (error.params as { missingProperty: string }).missingProperty;
            // The missing key has no line of its own: point at the mapping it belongs in.
            const line = origin.lineOf(at);
            const problem = `missing (expected ${expectedOf(parent?.properties?.[missing])})`;
            return new ProfileError(origin.name, line, formatKeyPath([...at, missing]), problem);
        }
        case "additionalProperties": {
            const extra = (error.params as { additionalProperty: string }).additionalProperty;
            const known = Object.keys(parent?.properties ?? {}).join(", ");
            return ProfileError.at(origin, [...at, extra], `unknown key (expected one of: ${known})`);
        }
        default:
            return ProfileError.at(origin, at, `found ${describeValue(error.data)} (expected ${expectedOf(parent)})`);
    }
}

/** A schema's title, following a `$ref` when the referring schema has none of its own. */
function expectedOf(node: SchemaNode | undefined): string {
    if (node?.title !== undefined) return node.title;
    if (node?.$ref !== undefined) {
        const target = node.$ref.replace("#/$defs/", "");
        return expectedOf((schema.$defs as Record<string, SchemaNode>)[target]);
    }
    return "a value the profile schema accepts";
}

/** JSON pointer -> key path, with array indices as numbers. */
function pathOf(pointer: string, root: unknown): KeyPath {
    const path: Array<string | number> = [];
    let value = root;
    for (const raw of pointer.split("/").slice(1)) {
        const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        const step = Array.isArray(value) ? Number(key) : key;
        path.push(step);
        value = (value as Record<string | number, unknown> | undefined)?.[step];
    }
    return path;
}
