// Point-forecast methods for a calendar-aligned series (index t = one period; null = no published value).
// Every method forecasts the periods origin … origin+H−1 from the values before `origin` only, so the
// same functions serve the final forecast and the rolling-origin backtest. Where a method cannot say
// anything (no value a season back, too short a contiguous stretch) it falls back to the seasonal
// naive forecast, and that to the last observed value, so every method always answers when the series
// has at least one observation before the origin.

export type Series = readonly (number | null)[];

export const METHODS = ['seasonal-naive', 'damped-holt', 'ensemble'] as const;
export type ForecastMethod = (typeof METHODS)[number];

/** Danish names the UI shows. */
export const METHOD_LABELS: Record<ForecastMethod, string> = {
  'seasonal-naive': 'Samme måned sidste år',
  'damped-holt': 'Sæsonkorrigeret dæmpet trend',
  ensemble: 'Gennemsnit af samme måned sidste år og sæsonkorrigeret dæmpet trend',
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
};

/** Additive seasonal effects (summing to 0) and the seasonal strength F_s of a gap-free series. */
export function seasonalComponents(y: readonly number[], m: number): { effects: number[]; strength: number } {
  const zero = { effects: Array(m).fill(0), strength: 0 };
  if (m < 2 || y.length < 2 * m) return zero;
  const trend: (number | null)[] = y.map(() => null);
  const half = Math.floor(m / 2);
  for (let t = half; t < y.length - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      for (let k = -half; k <= half; k++) s += (Math.abs(k) === half ? 0.5 : 1) * y[t + k]!;
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k]!;
    }
    trend[t] = s / m;
  }
  const buckets: number[][] = Array.from({ length: m }, () => []);
  y.forEach((v, t) => {
    const tr = trend[t];
    if (tr !== null && tr !== undefined) buckets[t % m]!.push(v - tr);
  });
  const raw = buckets.map((b) => (b.length ? mean(b) : 0));
  const adj = mean(raw);
  const effects = raw.map((e) => e - adj);
  const detr: number[] = [];
  const rem: number[] = [];
  y.forEach((v, t) => {
    const tr = trend[t];
    if (tr === null || tr === undefined) return;
    detr.push(v - tr);
    rem.push(v - tr - effects[t % m]!);
  });
  const vd = variance(detr);
  const strength = vd > 0 ? Math.max(0, 1 - variance(rem) / vd) : 0;
  return { effects, strength };
}

/** Damped Holt point forecasts for horizons 1…H from a gap-free (seasonally adjusted) series. */
function holt(y: readonly number[], H: number, alpha = 0.7, beta = 0.1, phi = 0.9): number[] {
  let level = y[0]!;
  let trend = y.length > 1 ? y[1]! - y[0]! : 0;
  for (let t = 1; t < y.length; t++) {
    const prevLevel = level;
    level = alpha * y[t]! + (1 - alpha) * (prevLevel + phi * trend);
    trend = beta * (level - prevLevel) + (1 - beta) * phi * trend;
  }
  const out: number[] = [];
  let damp = 0;
  for (let h = 1; h <= H; h++) {
    damp += phi ** h;
    out.push(level + damp * trend);
  }
  return out;
}

/** Start index of the gap-free stretch that ends with the last value before `origin` (−1 if none). */
export function contiguousStart(y: Series, origin: number): { start: number; end: number } {
  let end = origin;
  while (end > 0 && y[end - 1] === null) end--;
  let start = end;
  while (start > 0 && y[start - 1] !== null && y[start - 1] !== undefined) start--;
  return { start, end };
}

function lastValue(y: Series, origin: number): number | null {
  for (let t = origin - 1; t >= 0; t--) if (y[t] !== null && y[t] !== undefined) return y[t]!;
  return null;
}

/** Same season last year (the latest year with a value that lies before the origin); else the last value. */
function seasonalNaive(y: Series, origin: number, H: number, m: number): number[] {
  const last = lastValue(y, origin) ?? Number.NaN;
  const out: number[] = [];
  for (let h = 1; h <= H; h++) {
    const t = origin + h - 1;
    const k0 = Math.ceil(h / m); // the first season back that lies before the origin
    let v: number | null = null;
    for (let k = k0; t - k * m >= 0 && v === null; k++) v = y[t - k * m] ?? null;
    out.push(v ?? last);
  }
  return out;
}

/** Smoothing parameters of damped Holt (defaults alpha 0.7, beta 0.1, phi 0.9). */
export interface HoltParams {
  alpha?: number;
  beta?: number;
  phi?: number;
}

/**
 * The model Måltavle used before: classical additive decomposition (used when the seasonal strength is
 * at least 0.4 and there are two full seasons) and damped Holt (alpha 0.7, beta 0.1, phi 0.9) on the
 * seasonally adjusted series. It needs gap-free data, so it uses the stretch without gaps that ends with
 * the last value before the origin; with fewer than 6 values there it falls back to seasonal naive.
 */
export function dampedHolt(
  y: Series,
  origin: number,
  H: number,
  m: number,
  params: HoltParams = {},
): { values: number[]; seasonal: boolean; strength: number; used: number } {
  const { start, end } = contiguousStart(y, origin);
  const stretch = y.slice(start, end) as number[];
  if (stretch.length < 6)
    return { values: seasonalNaive(y, origin, H, m), seasonal: false, strength: 0, used: 0 };
  const { effects, strength } = seasonalComponents(stretch, m);
  const seasonal = stretch.length >= 2 * m && strength >= 0.4;
  const eff = (t: number) => (seasonal ? effects[(((t - start) % m) + m) % m]! : 0);
  const adjusted = stretch.map((v, i) => v - eff(start + i));
  const ahead = origin - end + H; // steps from the end of the stretch to the last target
  const f = holt(adjusted, ahead, params.alpha, params.beta, params.phi);
  const values: number[] = [];
  for (let h = 1; h <= H; h++) {
    const t = origin + h - 1;
    values.push(f[t - end]! + eff(t));
  }
  return { values, seasonal, strength, used: stretch.length };
}

/**
 * Point forecasts of every method from one origin. A series with no value below 0 before the origin is
 * never forecast below 0 (counts and shares cannot be negative).
 */
export function allMethods(
  y: Series,
  origin: number,
  H: number,
  m: number,
  params: HoltParams = {},
): Record<ForecastMethod, number[]> {
  let nonNegative = true;
  for (let t = 0; t < origin && nonNegative; t++) {
    const v = y[t];
    if (v !== null && v !== undefined && v < 0) nonNegative = false;
  }
  const clamp = (xs: number[]) => (nonNegative ? xs.map((x) => Math.max(0, x)) : xs);
  const sn = seasonalNaive(y, origin, H, m);
  const dh = clamp(dampedHolt(y, origin, H, m, params).values);
  const ensemble = sn.map((_, i) => (sn[i]! + dh[i]!) / 2);
  return { 'seasonal-naive': sn, 'damped-holt': dh, ensemble };
}
