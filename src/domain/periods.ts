// Statistical periods: months, quarters, rolling four quarters (MAT), half-years and years.
// Codes as the sources write them (2021M01, 2018K2, 2018Q2, 2020Q04, 2021QMAT02, 2021H1, 2021)
// and Danish text both ways ("2. kvartal 2018", "december 2015", "april 2021").

import { todayInCopenhagen } from './dates.ts';

export type PeriodKind = 'month' | 'quarter' | 'mat' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, MAT ending quarter 1–4, half 1–2; 1 for a year. */
  index: number;
}

const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export class PeriodError extends Error {}

function make(kind: PeriodKind, year: number, index: number): Period {
  const max = { month: 12, quarter: 4, mat: 4, half: 2, year: 1 }[kind];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new PeriodError(`Ugyldigt år: ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > max) {
    throw new PeriodError(`Ugyldig periode: ${kind} ${index} i ${year}`);
  }
  return { kind, year, index };
}

export const month = (year: number, m: number) => make('month', year, m);
export const quarter = (year: number, q: number) => make('quarter', year, q);
export const year = (y: number) => make('year', y, 1);

/** Parses a period code or Danish text; throws PeriodError with a Danish message when it does not parse. */
export function parsePeriod(input: string): Period {
  const p = tryParsePeriod(input);
  if (!p) throw new PeriodError(`Perioden "${input}" kan ikke læses`);
  return p;
}

type Rule = [RegExp, (m: RegExpMatchArray) => Period | undefined];
const n = (m: RegExpMatchArray, i: number) => Number(m[i]);

const CODE_RULES: Rule[] = [
  [/^(\d{4})M(\d{1,2})$/i, (m) => month(n(m, 1), n(m, 2))],
  [/^(\d{4})QMAT0?(\d)$/i, (m) => make('mat', n(m, 1), n(m, 2))],
  [/^(\d{4})[KQ]0?(\d)$/i, (m) => quarter(n(m, 1), n(m, 2))],
  [/^(\d{4})H(\d)$/i, (m) => make('half', n(m, 1), n(m, 2))],
  [/^(\d{4})$/, (m) => year(n(m, 1))],
  [/^(\d{4})-(\d{2})$/, (m) => month(n(m, 1), n(m, 2))],
];

const TEXT_RULES: Rule[] = [
  [/^(\d)\. ?kvartal (\d{4})$/, (m) => quarter(n(m, 2), n(m, 1))],
  [/^(\d)\. ?halvår (\d{4})$/, (m) => make('half', n(m, 2), n(m, 1))],
  [/^(?:året )?(\d{4})$/, (m) => year(n(m, 1))],
  [/^4 kvartaler til og med (\d)\. ?kvartal (\d{4})$/, (m) => make('mat', n(m, 2), n(m, 1))],
  [
    /^([a-zæøå]+)\.? (\d{4})$/,
    (m) => {
      const word = m[1]!;
      const da = MONTHS_DA.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
      const i = da >= 0 ? da : MONTHS_EN.indexOf(word);
      return i >= 0 ? month(n(m, 2), i + 1) : undefined;
    },
  ],
];

function applyRules(rules: Rule[], text: string): Period | undefined {
  for (const [re, build] of rules) {
    const m = text.match(re);
    if (m) return build(m);
  }
  return undefined;
}

export function tryParsePeriod(input: string): Period | undefined {
  const s = input.trim();
  try {
    return (
      applyRules(CODE_RULES, s) ?? applyRules(TEXT_RULES, s.toLocaleLowerCase('da').replace(/\s+/g, ' '))
    );
  } catch (e) {
    if (e instanceof PeriodError) return undefined;
    throw e;
  }
}

/** Canonical code: 2021M01, 2018Q2, 2021QMAT02, 2021H1, 2021. */
export function periodCode(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}M${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}Q${p.index}`;
    case 'mat':
      return `${p.year}QMAT${String(p.index).padStart(2, '0')}`;
    case 'half':
      return `${p.year}H${p.index}`;
    case 'year':
      return String(p.year);
  }
}

/** Normalises any accepted code or text to the canonical code. */
export function normalizePeriodCode(input: string): string {
  return periodCode(parsePeriod(input));
}

/** Danish text as the plans print it: "2. kvartal 2018", "december 2015", "1. halvår 2021", "2019". */
export function formatPeriodDa(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${MONTHS_DA[p.index - 1]} ${p.year}`;
    case 'quarter':
      return `${p.index}. kvartal ${p.year}`;
    case 'mat':
      return `4 kvartaler til og med ${p.index}. kvartal ${p.year}`;
    case 'half':
      return `${p.index}. halvår ${p.year}`;
    case 'year':
      return String(p.year);
  }
}

/** The months a period covers, in order. */
export function monthsOf(p: Period): Period[] {
  const range = (from: number, count: number, y: number) =>
    Array.from({ length: count }, (_, i) => {
      const abs = y * 12 + from - 1 + i;
      return month(Math.floor(abs / 12), (abs % 12) + 1);
    });
  switch (p.kind) {
    case 'month':
      return [p];
    case 'quarter':
      return range((p.index - 1) * 3 + 1, 3, p.year);
    case 'mat':
      return range(p.index * 3 + 1, 12, p.year - 1);
    case 'half':
      return range((p.index - 1) * 6 + 1, 6, p.year);
    case 'year':
      return range(1, 12, p.year);
  }
}

/** First and last day of a period as ISO dates (YYYY-MM-DD). */
export function periodBounds(p: Period): { start: string; end: string } {
  const ms = monthsOf(p);
  const first = ms[0]!;
  const last = ms[ms.length - 1]!;
  const lastDay = new Date(Date.UTC(last.year, last.index, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: `${first.year}-${pad(first.index)}-01`,
    end: `${last.year}-${pad(last.index)}-${pad(lastDay)}`,
  };
}

/** A sortable number: the absolute month index of the period's last month. */
export function periodOrdinal(p: Period): number {
  const ms = monthsOf(p);
  const last = ms[ms.length - 1]!;
  return last.year * 12 + last.index - 1;
}

function comparePeriods(a: Period, b: Period): number {
  return periodOrdinal(a) - periodOrdinal(b) || a.kind.localeCompare(b.kind);
}

/** The period `n` steps after `p` (negative = before), of the same kind. */
export function shiftPeriod(p: Period, n: number): Period {
  const per = { month: 12, quarter: 4, mat: 4, half: 2, year: 1 }[p.kind];
  const abs = p.year * per + (p.index - 1) + n;
  return make(p.kind, Math.floor(abs / per), (abs % per) + 1);
}

/** Periods of one kind from `from` to `to`, inclusive. */
export function periodRange(from: Period, to: Period): Period[] {
  if (from.kind !== to.kind) throw new PeriodError('Perioderne skal være af samme slags');
  const out: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/** Seasonal position: month 1–12 or quarter 1–4 (for forecasts). */
export function seasonLength(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half' ? 2 : 1;
}

export interface AggregateResult {
  period: Period;
  value: number | null;
  /** Months found of those the period needs. */
  monthsFound: number;
  monthsNeeded: number;
  complete: boolean;
}

/**
 * Averages monthly values of full-time persons into a quarter, half-year, year or MAT period.
 * Full-time persons over a period are the average of its months (DOMAIN.md). An incomplete period
 * (a month missing or suppressed) is refused with `value: null` unless `allowIncomplete` is set,
 * in which case the average of the months present is returned and `complete` is false.
 */
export function aggregateMonths(
  monthly: ReadonlyMap<string, number | null>,
  target: Period,
  options: { allowIncomplete?: boolean } = {},
): AggregateResult {
  const needed = monthsOf(target);
  const values = needed
    .map((m) => monthly.get(periodCode(m)))
    .filter((v): v is number => typeof v === 'number');
  const complete = values.length === needed.length;
  const base = { period: target, monthsFound: values.length, monthsNeeded: needed.length, complete };
  if (values.length === 0 || (!complete && !options.allowIncomplete)) return { ...base, value: null };
  return { ...base, value: values.reduce((s, v) => s + v, 0) / values.length };
}

/** An ISO date (or a moment, at its date in Copenhagen) as Danish text: 2026-11-22 → "22. november 2026". */
export function formatDateDa(iso: string | Date): string {
  const s = typeof iso === 'string' ? iso : todayInCopenhagen(iso);
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  return `${d}. ${MONTHS_DA[(m ?? 1) - 1]} ${y}`;
}

/** A period code or an ISO date as Danish text ("2. kvartal 2018", "22. november 2026"); '' for none. */
export function formatPeriodOrDate(code: string | null | undefined): string {
  if (!code) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(code)) return formatDateDa(code);
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
}
