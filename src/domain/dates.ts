// Dates as a Danish user means them: "today" is the date in Copenhagen, not in UTC.

const copenhagenDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });
let lastSecond = -1;
let lastToday = '';

/**
 * Today's date in Copenhagen as YYYY-MM-DD (after 23:00 UTC in winter it is already tomorrow there); with
 * `now`, the Copenhagen date of that moment. The one "today" of server and browser: never
 * `new Date().toISOString().slice(0, 10)`, which is the UTC date.
 */
export function todayInCopenhagen(now?: Date): string {
  if (now) return copenhagenDay.format(now);
  // Asked on every request: formatted at most once a second.
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastToday = copenhagenDay.format(new Date(second * 1000));
  }
  return lastToday;
}

/** This year in Copenhagen (on 31 December after 23:00 UTC it is already next year there). */
export function currentYearInCopenhagen(now?: Date): number {
  return Number(todayInCopenhagen(now).slice(0, 4));
}

/**
 * A DATE column as yyyy-mm-dd. Drivers give a string, or a Date at midnight UTC of that day (a calendar date,
 * not a moment: its UTC day is the date).
 */
export function dateColumn(v: Date | string): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10);
}
