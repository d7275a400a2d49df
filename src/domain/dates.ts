// Dates as a Danish user means them: "today" is the date in Copenhagen, not in UTC.

/** Today's date in Copenhagen as YYYY-MM-DD (after 23:00 UTC in winter it is already tomorrow there). */
export function todayInCopenhagen(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
