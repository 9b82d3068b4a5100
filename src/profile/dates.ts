// Exemption expiry dates: `YYYY-MM-DD`, valid through the end of that day in UTC.

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-02-30` is not a date even though it has the shape of one (the schema has checked the shape). */
export function isCalendarDate(text: string): boolean {
    const date = new Date(`${text}T00:00:00Z`);
    // A day past the month's end rolls into the next month; a month past 12 is no date at all.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The first instant after the expiry day. */
export function endOfDay(expires: string): number {
    return Date.parse(`${expires}T00:00:00Z`) + DAY_MS;
}
