// The one error a broken catalog raises: it names the file, the line, the key, the value and what was expected,
// so that whoever edits the YAML can fix it without reading the loader.

export class CatalogError extends Error {
    constructor(
        readonly file: string,
        readonly line: number | undefined,
        readonly key: string,
        readonly value: unknown,
        readonly expected: string,
    ) {
        super(
            `catalog ${file}${line === undefined ? "" : ` line ${line}`}: ${key || "(document)"} = ${showValue(value)}: expected ${expected}`,
        );
        this.name = "CatalogError";
    }
}

function showValue(value: unknown): string {
    if (value === undefined) return "(missing)";
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
