// Glob matching for profile selectors. `bash: true` lets `*` cross `/`, which URNs and type tokens
// (`aws:s3/bucket:Bucket`) contain: `urn:pulumi:prod::*` must match every resource of the stack.

import picomatch from "picomatch";

export type Matcher = (text: string) => boolean;

const anything: Matcher = () => true;

/** One matcher for a list of globs; an absent list matches anything. */
export function compileGlobs(globs: readonly string[] | undefined): Matcher {
    if (globs === undefined) return anything;
    return picomatch([...globs], { bash: true, dot: true });
}
