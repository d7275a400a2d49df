// When the next status round is due: a plan is followed up each quarter or each half year.
export const FOLLOW_UPS = ['kvartalsvis', 'halvårlig'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of the month `months` after the month of `iso` (YYYY-MM-DD). */
function endOfMonthAfter(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const abs = y * 12 + (m - 1) + months;
  const year = Math.floor(abs / 12);
  const month = (abs % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/**
 * The date the next round is due: one period after the last round's date (at the end of that month), or the
 * end of the plan's first quarter / half year when there is no round yet. Null without a frequency.
 */
export function nextRoundDue(
  followUp: FollowUp | null,
  lastAsOf: string | null,
  yearFrom: number,
): string | null {
  if (!followUp) return null;
  const months = followUp === 'kvartalsvis' ? 3 : 6;
  if (lastAsOf) return endOfMonthAfter(lastAsOf, months);
  return endOfMonthAfter(`${yearFrom}-01-01`, months - 1);
}
