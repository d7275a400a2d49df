// Danish number formats: 1.288; 6.316; 1,8 %; −11 %; 43,7 %. And parsing of values as they arrive
// in Danish files and APIs, where a suppressed or missing value is explicit and never zero.

/** The minus sign Danish typography uses in printed figures. */
export const MINUS = '\u2212';
const NBSP = '\u00a0';

/**
 * Rounds half away from zero, as the seeds print (Fredericia: 6.316 → 6.221 is −1,50 % → "−2 %").
 * A tiny relative nudge absorbs binary noise such as 1.005 * 100 = 100.49999….
 */
export function roundHalfAway(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  const nudged = scaled + scaled * Number.EPSILON * 8;
  const r = Math.round(nudged) / f;
  return value < 0 ? -r : r;
}

export interface FormatOptions {
  decimals?: number;
  /** Show + before positive numbers (development columns). */
  signed?: boolean;
  /** Use the ASCII hyphen instead of U+2212 (for CSV and machine-readable output). */
  asciiMinus?: boolean;
}

/** 1288 → "1.288"; 4.5 with decimals 1 → "4,5"; −11 → "−11". */
export function formatNumber(value: number, opts: FormatOptions = {}): string {
  const decimals = opts.decimals ?? 0;
  const r = roundHalfAway(value, decimals);
  const abs = Math.abs(r);
  const [int, frac] = abs.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = frac ? `${grouped},${frac}` : grouped;
  if (r < 0 || Object.is(r, -0)) {
    if (r === 0) return body;
    return `${opts.asciiMinus ? '-' : MINUS}${body}`;
  }
  return opts.signed && r > 0 ? `+${body}` : body;
}

/** 1.8 → "1,8 %" (the value is already in per cent). Danish puts a (non-breaking) space before %. */
export function formatPercent(value: number, opts: FormatOptions & { nbsp?: boolean } = {}): string {
  return `${formatNumber(value, opts)}${opts.nbsp === false ? ' ' : NBSP}%`;
}

/** Units whose values are per cent: a share ("pct.") or a change of a share ("procentpoint"). */
export const isPercentUnit = (unit: string): boolean => unit === 'pct.' || unit === 'procentpoint';

/**
 * A value in its unit as the app and the reports print it: "4,5 %", "nr. 3", "1.288", "12,5"; "–" when
 * missing. `nbsp: false` puts an ordinary space before % (Word and PDF wrap on their own).
 */
export function formatValue(
  value: number | null | undefined,
  unit: string,
  opts: { nbsp?: boolean } = {},
): string {
  if (value === null || value === undefined) return '–';
  if (isPercentUnit(unit)) return formatPercent(value, { decimals: 1, nbsp: opts.nbsp ?? true });
  if (unit === 'placering') return `nr. ${formatNumber(value)}`;
  return formatNumber(value, { decimals: Number.isInteger(value) ? 0 : 1 });
}

export type ParsedValue =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; marker: string }
  | { kind: 'invalid'; reason: string };

/** Markers sources use for a suppressed or unavailable value. */
const MISSING_MARKERS = new Set(['', '-', '–', '..', '...', ':', 'x', 'X', '*', 'NA', 'n/a', 'null', '.']);

export interface ParseOptions {
  /** ',' (Danish, default): "1.288,5"; '.': "1288.5" as in derived files and JSON. */
  decimal?: ',' | '.';
}

/**
 * Parses a value as it arrives in a Danish file or API answer. Returns a number, an explicit missing
 * value (suppressed, empty) or an invalid result with a Danish reason. "-" and ".." are missing, never 0.
 */
export function parseDanishNumber(
  raw: string | number | null | undefined,
  opts: ParseOptions = {},
): ParsedValue {
  if (raw === null || raw === undefined) return { kind: 'missing', marker: '' };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { kind: 'number', value: raw } : { kind: 'invalid', reason: 'ikke et tal' };
  }
  const s = stripBom(raw)
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (MISSING_MARKERS.has(s)) return { kind: 'missing', marker: s };
  const decimal = opts.decimal ?? ',';
  let t = s.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  t = t.replace(/%$/, '');
  const pattern =
    decimal === ','
      ? /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/
      : /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;
  if (!pattern.test(t)) return { kind: 'invalid', reason: `"${s}" er ikke et tal` };
  t = decimal === ',' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  const value = Number(t);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: `"${s}" er ikke et tal` };
  return { kind: 'number', value };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
