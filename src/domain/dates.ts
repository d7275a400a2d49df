// Dates as a Danish user means them: "today" is the date in Copenhagen, not in UTC.

const COPENHAGEN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Today's date in Copenhagen as YYYY-MM-DD (after 23:00 UTC in winter it is already tomorrow there). */
export function todayInCopenhagen(now?: Date): string {
  if (now) return COPENHAGEN_DATE.format(now);
  // Asked on every request: formatted at most once a second.
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastToday = COPENHAGEN_DATE.format(new Date(second * 1000));
  }
  return lastToday;
}
let lastSecond = -1;
let lastToday = '';
