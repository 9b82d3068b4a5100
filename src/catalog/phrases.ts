// Whole-word phrase matching for free text (image names, descriptions, carrier names). One regular expression
// is compiled per phrase list, so a lookup is one scan of the text whatever the number of phrases.

export interface PhraseMatcher<T> {
    /** The longest phrase found in the text, with what it was registered with. */
    find(text: string): { phrase: string; value: T } | undefined;
}

// Spaces, dashes, underscores and dots between the words of a phrase are interchangeable (or absent):
// `Alibaba Cloud Linux`, `alibaba_cloud_linux_3`, `AlibabaCloudLinux`.
const separators = /[\s_.-]+/g;

function key(text: string): string {
    return text.replace(separators, "").toLowerCase();
}

export function phraseMatcher<T>(phrases: ReadonlyArray<[string, T]>): PhraseMatcher<T> {
    const byKey = new Map<string, { phrase: string; value: T }>();
    for (const [phrase, value] of phrases) byKey.set(key(phrase), { phrase, value });
    if (byKey.size === 0) return { find: () => undefined };
    const alternatives = [...byKey.values()]
        .map(({ phrase }) => phrase)
        .sort((a, b) => b.length - a.length)
        .map((phrase) =>
            phrase
                .trim()
                .split(separators)
                .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
                .join("[\\s_.-]*"),
        );
    // A phrase may be followed by a version number (`TencentOS3`, `EulerOS_2.0`) but not by more letters.
    const pattern = new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z])`, "i");
    return {
        find(text) {
            const found = pattern.exec(text);
            return found ? byKey.get(key(found[0])) : undefined;
        },
    };
}
