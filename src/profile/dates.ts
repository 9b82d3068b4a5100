// Exemption expiry dates: `YYYY-MM-DD`, valid through the end of that day in UTC.

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-02-30` is not a date even though it has the shape of one. */
export function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (match === null) return false;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first instant after the expiry day. */
export function endOfDay(expires: string): number {
    return Date.parse(`${expires}T00:00:00Z`) + DAY_MS;
}
