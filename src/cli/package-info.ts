// Where the clean-guard package is installed, found by walking up from this module: the same code runs
// from src/cli (ts-node) and from dist/src/cli (the published bin).

import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

let root: string | undefined;

export function packageRoot(): string {
    if (root) return root;
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (
            existsSync(manifest) &&
            (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "clean-guard"
        ) {
            root = dir;
            return dir;
        }
        if (path.dirname(dir) === dir) throw new Error(`clean-guard's package.json not found above ${__dirname}`);
    }
}

export function packageVersion(): string {
    return (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
