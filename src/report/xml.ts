// Text and attribute values for hand-written XML and HTML.

/** Characters XML 1.0 cannot carry at all, even escaped (the allowed set names tab, LF and CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes a value for XML or HTML text and (quoted) attributes. */
export function escapeMarkup(value: string | number): string {
    return String(value)
        .replace(INVALID_XML_CHARS, "\uFFFD")
        .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
