// Profile YAML with the line of every key and item, so an error found later (by the schema or against
// the catalog) points at the line the user must fix; a syntax error becomes a ProfileError.

import * as yaml from "js-yaml";
import { parseYaml as parseWithLines } from "../yaml/lines";
import { ProfileError, type ProfileOrigin } from "./errors";

export interface ParsedYaml {
    value: unknown;
    origin: ProfileOrigin;
}

export function parseProfileYaml(text: string, name: string): ParsedYaml {
    try {
        const parsed = parseWithLines(text, name);
        return { value: parsed.data, origin: { name, lineOf: (path) => parsed.lineOf(path) } };
    } catch (e) {
        if (e instanceof yaml.YAMLException) {
            const line = e.mark === undefined ? undefined : e.mark.line + 1;
            const column = e.mark === undefined ? "" : ` at column ${e.mark.column + 1}`;
            throw new ProfileError(name, line, "", `not valid YAML: ${e.reason}${column}`);
        }
        throw e;
    }
}
