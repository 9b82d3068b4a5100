// Names recur on every resource of a stack (a package, an input's name, a location, a short value): what is
// derived from one is kept by the name. Bounded twice, so that memory stays flat whatever a stack holds: a long
// name is not kept (long texts are rarely repeated, and an input's keys are the program's to choose), and a full
// memo is dropped rather than grown.

export interface NameMemoLimits {
    /** Names kept before the memo is dropped. */
    entries: number;
    /** Longer names are derived every time. */
    nameLength: number;
}

const DEFAULT_LIMITS: NameMemoLimits = { entries: 10_000, nameLength: 256 };

export class NameMemo<V> {
    private readonly kept = new Map<string, V>();

    constructor(private readonly limits: NameMemoLimits = DEFAULT_LIMITS) {}

    /** What `derive` makes of `name`, derived once while the name is kept. */
    get(name: string, derive: (name: string) => V): V {
        if (name.length > this.limits.nameLength) return derive(name);
        const known = this.kept.get(name);
        if (known !== undefined || this.kept.has(name)) return known as V;
        if (this.kept.size >= this.limits.entries) this.kept.clear();
        const value = derive(name);
        this.kept.set(name, value);
        return value;
    }
}
