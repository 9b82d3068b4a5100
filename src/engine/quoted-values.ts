// A finding quotes what it found: a region, a host, a path. Written by a hostile or careless program, such a
// value can be megabytes long; the message keeps the two ends of it and says how much it left out.

/** Longer than any region, host (253 characters), image reference or property path a reader needs whole. */
const MAX_WORD = 300;
/** Longer than any sentence a finding needs. */
const MAX_TEXT = 2000;

/** `text` with each over-long word, then the whole text if still too long, shortened in the middle. Linear. */
export function elideLongValues(text: string): string {
    if (text.length <= MAX_WORD) return text;
    const words = text
        .split(/(\s+)/)
        .map((word) => (word.length > MAX_WORD ? elide(word, MAX_WORD) : word))
        .join("");
    return words.length > MAX_TEXT ? elide(words, MAX_TEXT) : words;
}

function elide(text: string, max: number): string {
    const keep = Math.floor((max - 40) / 2);
    return `${text.slice(0, keep)}…(${text.length - 2 * keep} characters left out)…${text.slice(-keep)}`;
}
