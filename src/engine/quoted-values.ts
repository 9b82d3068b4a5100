// A finding quotes what it found: a region, a host, a name, a path. Written by a hostile or careless program,
// such a value can hold characters that rewrite the reader's terminal (escape sequences, carriage returns,
// bidirectional overrides), invisible ones (`cn-north-1` followed by a zero-width space), or megabytes of
// text. A quoted value shows the first escaped, and the last shortened in the middle.

/** C0 and C1 controls, zero-width and bidirectional formatting characters, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** The same, but for text laid out in lines: tab and line feed stay. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const INVISIBLE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Longer than any region, host (253 characters), image reference or property path a reader needs whole. */
const MAX_WORD = 300;
/** Longer than any sentence a finding needs. */
const MAX_TEXT = 2000;

/**
 * `text` with every invisible or control character written as a `\uXXXX` escape; with `lines`, tabs and line
 * feeds (a report's own layout) stay. Linear.
 */
export function escapeInvisible(text: string, options: { lines?: boolean } = {}): string {
    const pattern = options.lines ? INVISIBLE_BUT_LINES : INVISIBLE;
    return text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `text` fit to quote in a message: invisible characters escaped, over-long words and text shortened. Linear. */
export function quotable(text: string): string {
    const visible = escapeInvisible(text);
    if (visible.length <= MAX_WORD) return visible;
    const words = visible
        // Stryker disable next-line Regex: splitting on single spaces instead of runs of them joins back to the same text
        .split(/( +)/)
        .map((word) => (word.length > MAX_WORD ? elide(word, MAX_WORD) : word))
        .join("");
    return words.length > MAX_TEXT ? elide(words, MAX_TEXT) : words;
}

function elide(text: string, max: number): string {
    const keep = Math.floor((max - 40) / 2);
    return `${text.slice(0, keep)}…(${text.length - 2 * keep} characters left out)…${text.slice(-keep)}`;
}
