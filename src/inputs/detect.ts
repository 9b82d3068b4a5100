// Which Pulumi output a path holds, told by its content rather than its name, and the reader for it.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { InputError } from "./input-error";
import { readPreview } from "./preview-json";
import { readStackExport } from "./stack-export";
import type { InputKind, ScanInput } from "./scan-input";

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];
const EXPECTED =
    "expected a Pulumi program directory (with Pulumi.yaml), the JSON of 'pulumi preview --json' or of 'pulumi stack export'";

export interface ReadOptions {
    /** Forces the kind instead of detecting it. */
    kind?: InputKind;
    /** Stack to run a program as. */
    stack?: string;
}

/** What a path holds, read; `kind` says which reader read it. */
export async function readInput(target: string, options: ReadOptions = {}): Promise<ScanInput & { kind: InputKind }> {
    const stat = await fs.stat(target).catch(() => {
        throw new InputError(`${target}: no such file or directory; ${EXPECTED}`);
    });
    if (stat.isDirectory()) {
        if (options.kind && options.kind !== "program") {
            throw new InputError(`${target}: is a directory, but --input-kind ${options.kind} expects a JSON file`);
        }
        if (!(await hasProjectFile(target)))
            throw new InputError(`${target}: directory has no Pulumi.yaml; ${EXPECTED}`);
        // Loaded on demand: running a program pulls in the Pulumi runtime.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProgram } = require("./program") as typeof import("./program");
        return { notes: [], ...(await runProgram(target, { stack: options.stack })), kind: "program" };
    }
    if (options.kind === "program")
        throw new InputError(`${target}: --input-kind program expects a directory with Pulumi.yaml`);
    const json = parseJson(await fs.readFile(target, "utf8"), target);
    const kind = options.kind ?? detectJsonKind(json);
    if (kind === "preview") return { ...readPreview(json, target), kind };
    if (kind === "export") return { ...readStackExport(json, target), kind };
    throw new InputError(`${target}: JSON with neither 'steps' nor 'deployment' at the top level; ${EXPECTED}`);
}

/** `steps` -> a preview; `deployment` (with or without `version`) -> a stack export. */
export function detectJsonKind(json: unknown): InputKind | undefined {
    if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
    if (Array.isArray((json as { steps?: unknown }).steps)) return "preview";
    const deployment = (json as { deployment?: unknown }).deployment;
    if (deployment !== null && typeof deployment === "object") return "export";
    return undefined;
}

async function hasProjectFile(dir: string): Promise<boolean> {
    for (const name of PROJECT_FILES) {
        if (
            await fs.stat(path.join(dir, name)).then(
                (s) => s.isFile(),
                () => false,
            )
        )
            return true;
    }
    return false;
}

function parseJson(text: string, file: string): unknown {
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: not valid JSON (${(e as Error).message}); ${EXPECTED}`);
    }
}
