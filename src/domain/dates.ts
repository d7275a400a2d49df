// Dates as Danish users mean them: "today" in Copenhagen, not in UTC.
export function todayInCopenhagen(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
