// Danish formats, shared with the server's calculation core.
import { formatNumber, formatPercent, formatValue, isPercentUnit } from '@domain/numbers.ts';
import { formatDateDa, formatPeriodOrDate } from '@domain/periods.ts';
import { collator } from '@domain/text.ts';

export { collator, formatNumber, formatPercent, formatValue, isPercentUnit };

/** A period code or an ISO date as Danish text: "2. kvartal 2018", "22. november 2026". */
export const formatPeriod = formatPeriodOrDate;

/** 2026-11-22 → "22. november 2026". */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateDa(iso) : '';
}

const dateTime = new Intl.DateTimeFormat('da-DK', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Copenhagen',
});
/** "23. november 2026 kl. 19.12" in Copenhagen time. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '');

/** "12 nye, 3 reviderede, 0 uændrede" for an import's counts. */
export const importCounts = (x: { new: number; revised: number; unchanged: number }) =>
  `${formatNumber(x.new)} nye, ${formatNumber(x.revised)} reviderede, ${formatNumber(x.unchanged)} uændrede`;
