// Reads the catalog's YAML files, validates each against schema.json and checks the references between them
// (countries, regions, pairs, groups, duplicate ids). Any problem throws one CatalogError naming the file, line,
// key, value and what was expected: a pack must not start on a catalog it cannot trust.

import fs from "fs";
import path from "path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { YAMLException } from "js-yaml";
import { CatalogError } from "./errors";
import { parseYaml, showPath, type ParsedYaml, type YamlPath } from "../yaml/lines";
import { checkCloud, checkJurisdictions, checkVendors, fail } from "./consistency";
import type { CatalogData, CatalogFile, CloudFile, Loaded, Origin } from "./data-types";
import schema from "./schema.json";

// verbose: errors carry their schema, whose `description` says what was expected in words.
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true });
ajv.addSchema(schema);
const validators: Record<CatalogFile["kind"], ValidateFunction> = {
    cloud: ajv.compile({ $ref: "clean-guard-catalog#/$defs/cloudFile" }),
    countries: ajv.compile({ $ref: "clean-guard-catalog#/$defs/countriesFile" }),
    jurisdictions: ajv.compile({ $ref: "clean-guard-catalog#/$defs/jurisdictionsFile" }),
    vendors: ajv.compile({ $ref: "clean-guard-catalog#/$defs/vendorsFile" }),
};

/** Loads and checks every `*.yaml` file of a catalog directory. */
export function loadCatalogData(dir: string): CatalogData {
    let names: string[];
    try {
        names = fs
            .readdirSync(dir)
            .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
            .sort();
    } catch {
        throw new CatalogError(dir, undefined, "", dir, "a readable catalog directory");
    }
    const loaded = names.map((name) => loadFile(path.join(dir, name), name));
    const single = <K extends CatalogFile["kind"]>(kind: K) => {
        const files = loaded.filter((l): l is Loaded<Extract<CatalogFile, { kind: K }>> => l.data.kind === kind);
        if (files.length !== 1) {
            const extra = files[1];
            throw new CatalogError(
                extra?.file ?? dir,
                extra ? 1 : undefined,
                "kind",
                kind,
                `exactly one catalog file of kind '${kind}' (found ${files.length})`,
            );
        }
        return files[0];
    };
    const countries = single("countries");
    const jurisdictions = single("jurisdictions");
    const vendors = single("vendors");
    const clouds = loaded.filter((l): l is Loaded<CloudFile> => l.data.kind === "cloud");

    const countryCodes = new Set(Object.keys(countries.data.countries));
    const groups = checkJurisdictions(jurisdictions, countryCodes);
    const seenClouds = new Map<string, string>();
    for (const cloud of clouds) {
        const earlier = seenClouds.get(cloud.data.cloud);
        if (earlier) fail(cloud, ["cloud"], cloud.data.cloud, `a cloud id not already catalogued in ${earlier}`);
        seenClouds.set(cloud.data.cloud, cloud.file);
        checkCloud(cloud, countryCodes, groups);
    }
    checkVendors(vendors, new Set(seenClouds.keys()));

    const falseFriendOrigins = new Map<string, Origin>();
    vendors.data.falseFriends?.forEach((friend, i) =>
        friend.values.forEach((value, j) => {
            const at: YamlPath = ["falseFriends", i, "values", j];
            falseFriendOrigins.set(value, { file: vendors.file, line: vendors.doc.lineOf(at), key: showPath(at) });
        }),
    );
    return {
        clouds: clouds.map((c) => c.data),
        countries: countries.data,
        jurisdictions: jurisdictions.data,
        vendors: vendors.data,
        falseFriendOrigins,
    };
}

function loadFile(fullPath: string, file: string): Loaded {
    const text = fs.readFileSync(fullPath, "utf8");
    let doc: ParsedYaml;
    try {
        doc = parseYaml(text, file);
    } catch (e) {
        if (!(e instanceof YAMLException)) throw e;
        const line = e.mark ? e.mark.line + 1 : undefined;
        const written = line === undefined ? undefined : text.split(/\r?\n/)[line - 1];
        throw new CatalogError(file, line, "", written, `valid YAML (${e.reason})`);
    }
    const data = doc.data as { kind?: unknown } | null;
    const kind = typeof data === "object" && data !== null ? data.kind : undefined;
    if (typeof kind !== "string" || !(kind in validators)) {
        throw new CatalogError(
            file,
            doc.lineOf(["kind"]),
            "kind",
            kind,
            `one of ${Object.keys(validators).join(", ")}`,
        );
    }
    const validate = validators[kind as CatalogFile["kind"]];
    if (!validate(data)) throw schemaError(file, doc, validate.errors?.[0]);
    return { file, doc, data: data as unknown as CatalogFile };
}

function schemaError(file: string, doc: ParsedYaml, error: ErrorObject | undefined | null): CatalogError {
    if (!error) return new CatalogError(file, 1, "", undefined, "a document matching the catalog schema");
    const at: (string | number)[] = error.instancePath
        .split("/")
        .slice(1)
        .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"))
        .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    const described = (error.parentSchema as { description?: string } | undefined)?.description;
    let expected = described ?? error.message ?? "a value matching the schema";
    if (error.keyword === "required") {
        at.push(String(error.params.missingProperty));
        expected = "a value (this key is required)";
    } else if (error.keyword === "additionalProperties") {
        at.push(String(error.params.additionalProperty));
        expected = "no such key (not in the catalog schema)";
    } else if (error.keyword === "enum") {
        expected = `one of ${(error.params.allowedValues as unknown[]).join(", ")}`;
    } else if (error.keyword === "const") {
        expected = `'${String(error.params.allowedValue)}'`;
    }
    const value = error.keyword === "required" ? undefined : valueAt(doc.data, at);
    return new CatalogError(file, doc.lineOf(at), showPath(at), value, expected);
}

function valueAt(data: unknown, at: YamlPath): unknown {
    let value = data;
    for (const step of at) {
        if (typeof value !== "object" || value === null) return undefined;
        value = (value as Record<string | number, unknown>)[step];
    }
    return value;
}
