// The compiled clean-guard command as a user runs it (`npm run build` first), colours off.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../emulator/engine";

export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runCli(args: readonly string[]): Promise<CliRun> {
    return new Promise((resolve) => {
        const argv = [path.join(REPO_ROOT, "dist", "src", "cli", "main.js"), ...args];
        const options = {
            cwd: REPO_ROOT,
            env: { ...process.env, NO_COLOR: "1" },
            maxBuffer: 64 << 20,
            timeout: 60_000,
        };
        execFile(process.execPath, argv, options, (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
        );
    });
}
