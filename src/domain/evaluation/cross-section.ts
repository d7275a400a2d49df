// A measure's values for every area in one period, from stored periods or from the months of a monthly
// measure (quarter, half-year, year, rolling year: the average of its months, as full-time persons are).
import { aggregateMonths, formatPeriodDa, monthsOf, type Period, periodCode } from '../periods.ts';
import type { CrossSections } from './facts.ts';

export interface PeriodValues {
  values: Map<string, number | null>;
  /** How the values were obtained: stored for the period, or the average of its months. */
  basis: 'offentliggjort periode' | 'gennemsnit af måneder';
  /** Areas whose months were incomplete (left out, never filled in). */
  incomplete: Map<string, string>;
}

/** The stored periods a request for `period` needs: the period itself, or its months. */
export function periodsNeeded(period: Period, frequency: string): string[] {
  if (frequency === 'month' && period.kind !== 'month') return monthsOf(period).map(periodCode);
  return [periodCode(period)];
}

/** Values in `period`, or undefined with a Danish reason when there are none. */
export function valuesInPeriod(
  cs: CrossSections,
  frequency: string,
  period: Period,
): { ok: PeriodValues } | { reason: string } {
  const code = periodCode(period);
  const stored = cs.get(code);
  if (stored && stored.size > 0)
    return { ok: { values: stored, basis: 'offentliggjort periode', incomplete: new Map() } };
  if (frequency !== 'month' || period.kind === 'month')
    return { reason: `Der er ingen tal for ${formatPeriodDa(period)}.` };
  const areas = new Set<string>();
  const months = monthsOf(period).map(periodCode);
  for (const m of months) for (const a of cs.get(m)?.keys() ?? []) areas.add(a);
  const values = new Map<string, number | null>();
  const incomplete = new Map<string, string>();
  let best = 0;
  for (const a of areas) {
    const byMonth = new Map(months.map((m) => [m, cs.get(m)?.get(a) ?? null]));
    const r = aggregateMonths(byMonth, period);
    best = Math.max(best, r.monthsFound);
    if (r.complete) values.set(a, r.value);
    else incomplete.set(a, `${r.monthsFound} af ${r.monthsNeeded} måneder har tal`);
  }
  if (values.size === 0)
    return {
      reason: `${formatPeriodDa(period)} er ikke komplet: højst ${best} af ${months.length} måneder har tal.`,
    };
  return { ok: { values, basis: 'gennemsnit af måneder', incomplete } };
}
