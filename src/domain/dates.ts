// Dates as a Danish user means them.

/** Today's date (YYYY-MM-DD) in Copenhagen, whatever the server's time zone. */
export function todayInCopenhagen(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
