// One error type for every way a profile can be wrong, so the pack and the CLI show the same
// "file:line: key: found (expected)" message and stop, never running on a half-read profile.

/** A key path inside the profile: `["disallow", "countries", 2]`. */
export type KeyPath = ReadonlyArray<string | number>;

/** Where a profile's text came from and the line each key path was written on (when it was YAML). */
export interface ProfileOrigin {
    /** For messages: the file path as given, or a label such as `policy config 'settings'`. */
    name: string;
    /** The 1-based line of a key path, or of its nearest written ancestor; undefined for non-YAML sources. */
    lineOf(path: KeyPath): number | undefined;
}

export class ProfileError extends Error {
    constructor(
        readonly file: string,
        readonly line: number | undefined,
        readonly keyPath: string,
        readonly problem: string,
    ) {
        super(`${file}${line === undefined ? "" : `:${line}`}: ${keyPath === "" ? "" : `${keyPath}: `}${problem}`);
        this.name = "ProfileError";
    }

    /** An error about the value at `path`, located through the origin. */
    static at(origin: ProfileOrigin, path: KeyPath, problem: string): ProfileError {
        return new ProfileError(origin.name, origin.lineOf(path), formatKeyPath(path), problem);
    }
}

/** `["disallow", "countries", 2]` -> `disallow.countries[2]`; odd keys are quoted. */
export function formatKeyPath(path: KeyPath): string {
    return path
        .map((key, i) => {
            if (typeof key === "number") return `[${key}]`;
            if (/^[A-Za-z_][\w-]*$/.test(key)) return i === 0 ? key : `.${key}`;
            return `[${JSON.stringify(key)}]`;
        })
        .join("");
}

/** A value as a message shows it: strings quoted, collections by kind. */
export function describeValue(value: unknown): string {
    if (value === null || value === undefined) return "nothing";
    if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
    if (typeof value === "object") return Object.keys(value).length === 0 ? "an empty mapping" : "a mapping";
    return JSON.stringify(value);
}
