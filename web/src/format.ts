// Danish formats, shared with the server's calculation core.
import { formatNumber, formatPercent } from '@domain/numbers.ts';
import { formatDateDa, formatPeriodDa, tryParsePeriod } from '@domain/periods.ts';

export { formatNumber, formatPercent };

export function formatValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '–';
  if (unit === 'pct.' || unit === 'procentpoint') return formatPercent(v, { decimals: 1 });
  if (unit === 'placering') return `nr. ${formatNumber(v)}`;
  return formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 1 });
}

export function formatPeriod(code: string | null | undefined): string {
  if (!code) return '';
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
}

/** 2026-11-22 → "22. november 2026". */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateDa(iso) : '';
}

export const collator = new Intl.Collator('da');

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
