// Which resource types name hosts only to filter traffic by them (src/locate/traffic-filters.yaml): their inputs
// are not read for hosts the resource sends data to.

import * as fs from "node:fs";
import * as path from "node:path";
import yaml from "js-yaml";
import { compileGlobs, type Matcher } from "../../profile/globs";

const TABLE_FILE = path.join(__dirname, "..", "traffic-filters.yaml");

interface FilterEntry {
    types: string[];
    why: string;
}

let matcher: Matcher | undefined;
/** Asked for every resource, answered once per type: matching the globs was a third of the scan of inputs. */
const answers = new Map<string, boolean>();

export function filtersTraffic(type: string): boolean {
    let answer = answers.get(type);
    if (answer === undefined) {
        matcher ??= compileGlobs(
            (yaml.load(fs.readFileSync(TABLE_FILE, "utf8")) as { filters: FilterEntry[] }).filters.flatMap(
                (e) => e.types,
            ),
        );
        answer = matcher(type);
        answers.set(type, answer);
    }
    return answer;
}
