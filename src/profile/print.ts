// The built-in default profile as text, comments included, for `clean-guard profile default`.

import * as fs from "node:fs";
import { DEFAULT_PROFILE_PATH } from "./load";

export function printDefaultProfile(): string {
    return fs.readFileSync(DEFAULT_PROFILE_PATH, "utf8");
}
