// Answers kept for the run in memory and between runs on disk. One JSON file per kind of fact, read
// once per run, merged and replaced atomically (temp file + rename) so concurrent runs never see a
// half-written file. A corrupt or unreadable file only costs a warning and a cold start.
import { mkdir, readFile, rename, writeFile, unlink } from "node:fs/promises";
import { homedir } from "node:os";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";

/** An answer worth keeping: the facts, or the knowledge that there are none. */
export type Answer<Facts> = { found: Facts } | { notFound: true };

interface StoredAnswer<Facts> {
    storedAt: number;
    found?: Facts;
    notFound?: true;
}
interface CacheFile<Facts> {
    version: 1;
    entries: Record<string, StoredAnswer<Facts>>;
}

export interface FactCacheOptions {
    /** Directory of the disk cache; empty string keeps answers in memory only. */
    dir: string;
    /** File name stem, e.g. `ec2-images`. */
    kind: string;
    /** JSON schema of one `found` value; entries that do not match it are dropped. */
    factsSchema: object;
    ttlSeconds: number;
    now: () => number;
    warn: (message: string) => void;
}

/** `$XDG_CACHE_HOME/clean-guard`, else `~/.cache/clean-guard`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
    return path.join(env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "clean-guard");
}

export class FactCache<Facts> {
    private readonly memory = new Map<string, Answer<Facts>>();
    private loaded: Promise<void> | undefined;
    private writing: Promise<void> = Promise.resolve();
    private readonly file: string | undefined;
    private readonly isCacheFile: ValidateFunction<CacheFile<Facts>>;

    constructor(private readonly options: FactCacheOptions) {
        this.file = options.dir ? path.join(options.dir, `${options.kind}.json`) : undefined;
        this.isCacheFile = new Ajv().compile<CacheFile<Facts>>({
            type: "object",
            required: ["version", "entries"],
            properties: {
                version: { const: 1 },
                entries: {
                    type: "object",
                    additionalProperties: {
                        type: "object",
                        required: ["storedAt"],
                        properties: {
                            storedAt: { type: "number" },
                            found: options.factsSchema,
                            notFound: { const: true },
                        },
                    },
                },
            },
        });
    }

    async get(key: string): Promise<Answer<Facts> | undefined> {
        await (this.loaded ??= this.loadFromDisk());
        return this.memory.get(key);
    }

    /** Keeps the answers for the rest of the run and, when a directory is set, for later runs. */
    async putAll(answers: Map<string, Answer<Facts>>): Promise<void> {
        if (answers.size === 0) return;
        for (const [key, answer] of answers) this.memory.set(key, answer);
        if (!this.file) return;
        const file = this.file;
        // Writes of one run go one after the other; each merges with what other runs wrote meanwhile.
        this.writing = this.writing.then(() => this.mergeIntoFile(file, answers));
        await this.writing;
    }

    private async loadFromDisk(): Promise<void> {
        if (!this.file) return;
        for (const [key, stored] of this.freshEntries(await this.readFile(this.file))) {
            if (this.memory.has(key)) continue;
            this.memory.set(key, stored.found !== undefined ? { found: stored.found } : { notFound: true });
        }
    }

    private freshEntries(contents: CacheFile<Facts> | undefined): Array<[string, StoredAnswer<Facts>]> {
        const oldest = this.options.now() - this.options.ttlSeconds * 1000;
        return Object.entries(contents?.entries ?? {}).filter(
            ([, stored]) => stored.storedAt >= oldest && (stored.found !== undefined || stored.notFound),
        );
    }

    /** The file's contents, or undefined when it is missing or unusable (said once, at load: `warn`). */
    private async readFile(file: string, warn = this.options.warn): Promise<CacheFile<Facts> | undefined> {
        let text: string;
        try {
            text = await readFile(file, "utf8");
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
                warn(`clean-guard: ignoring the lookup cache ${file}: ${(error as Error).message}`);
            }
            return undefined;
        }
        try {
            const parsed: unknown = JSON.parse(text);
            if (this.isCacheFile(parsed)) return parsed;
            warn(`clean-guard: ignoring the lookup cache ${file}: it does not have the expected shape`);
        } catch (error) {
            warn(`clean-guard: ignoring the lookup cache ${file}: ${(error as Error).message}`);
        }
        return undefined;
    }

    private async mergeIntoFile(file: string, answers: Map<string, Answer<Facts>>): Promise<void> {
        const now = this.options.now();
        const merged: CacheFile<Facts> = {
            version: 1,
            entries: Object.fromEntries(this.freshEntries(await this.readFile(file, () => undefined))),
        };
        for (const [key, answer] of answers) merged.entries[key] = { storedAt: now, ...answer };
        const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        try {
            await mkdir(path.dirname(file), { recursive: true });
            await writeFile(temp, JSON.stringify(merged));
            await rename(temp, file);
        } catch (error) {
            this.options.warn(`clean-guard: could not write the lookup cache ${file}: ${(error as Error).message}`);
            await unlink(temp).catch(() => undefined);
        }
    }
}
