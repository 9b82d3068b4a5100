// Catalog fixtures: the valid fixture catalog with the files of one variant (broken, unsourced...) laid over it.

import fs from "fs";
import os from "os";
import path from "path";

const fixtures = path.join(__dirname, "fixtures");
const made: string[] = [];
process.on("exit", () => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

export function fixtureCatalogDir(variant: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `catalog-${variant}-`));
    made.push(dir);
    fs.cpSync(path.join(fixtures, "valid"), dir, { recursive: true });
    fs.cpSync(path.join(fixtures, variant), dir, { recursive: true });
    return dir;
}

export const fixturePath = (name: string) => path.join(fixtures, name);
