// Rolling-origin backtest of the forecast methods on one series, the choice of method, the scale of its
// errors, and the calibration of the band on scaled backtest errors pooled over many series.
//
// Honesty: everything at an origin c is computed from values before c only. The method chosen at c is
// the one with the lowest MAPE over the earlier origins c−24 … c−1 (targets before c), and seasonal naive
// unless another method is strictly better there. The scale of its errors at horizon h is its mean
// absolute error at horizons near h over those same origins. The band multiplier for horizon h is an
// empirical quantile of |error| / scale pooled over series and origins, so it carries the shocks that
// move all municipalities at once.
import {
  allMethods,
  type ForecastMethod,
  type HoltParams,
  METHODS,
  type Series,
} from './forecast-methods.ts';

/** How many earlier origins the choice of method looks at. */
export const SELECTION_ORIGINS = 24;
/** How many recent origins the calibration of the band pools (per series, before the evaluated origin). */
export const CALIBRATION_ORIGINS = 24;
/** Horizons the backtest and the calibration cover. */
export const BACKTEST_HORIZON = 12;
/** Fewest backtest points with a non-zero actual before a method other than seasonal naive can be chosen. */
export const MIN_SELECTION_POINTS = 12;
/** Coverage levels the calibration stores. */
export const CALIBRATION_LEVELS = [0.5, 0.8, 0.9, 0.95] as const;

export interface BacktestTable {
  y: Series;
  m: number;
  /** Forecasts of every method from origin o for horizons 1…12 (only origins with a value before them). */
  at: Map<number, Record<ForecastMethod, number[]>>;
  /** Selections already made, by origin (a selection at c depends only on values before c). */
  selections: Map<number, Selection>;
}

export function hasValue(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

/** Forecasts of every method from every origin in [from, to] (inclusive) with data before it. */
export function backtestTable(
  y: Series,
  m: number,
  from: number,
  to: number,
  params: HoltParams = {},
): BacktestTable {
  const at = new Map<number, Record<ForecastMethod, number[]>>();
  let seen = false;
  for (let t = 0; t < Math.max(0, from); t++) if (hasValue(y[t])) seen = true;
  for (let o = Math.max(1, from); o <= to; o++) {
    if (hasValue(y[o - 1])) seen = true;
    if (seen) at.set(o, allMethods(y, o, BACKTEST_HORIZON, m, params));
  }
  return { y, m, at, selections: new Map() };
}

export interface Selection {
  method: ForecastMethod;
  /** Backtest MAPE (%) of the chosen method and of seasonal naive on the same points; null without points. */
  mape: number | null;
  naiveMape: number | null;
  /** MAPE (%) of every method on the same points. */
  mapes: Record<ForecastMethod, number | null>;
  /** Backtest points (origin × horizon with a non-zero actual) behind the MAPEs. */
  points: number;
  /** Backtest origins used. */
  origins: number;
  /** Mean absolute backtest error of the chosen method at horizons 1…12 (non-decreasing). */
  scale: number[];
}

function fallbackScale(y: Series, c: number): number {
  const d: number[] = [];
  for (let t = 1; t < c; t++) {
    const a = y[t];
    const b = y[t - 1];
    if (hasValue(a) && hasValue(b)) d.push(Math.abs(a - b));
  }
  return d.length ? d.reduce((s, x) => s + x, 0) / d.length : 0;
}

/** The method chosen at origin c from the backtest over the origins before it, and its error scale. */
export function selectAt(table: BacktestTable, c: number): Selection {
  const cached = table.selections.get(c);
  if (cached) return cached;
  const sel = select(table, c);
  table.selections.set(c, sel);
  return sel;
}

function select(table: BacktestTable, c: number): Selection {
  const { y } = table;
  const ape = Object.fromEntries(METHODS.map((k) => [k, 0])) as Record<ForecastMethod, number>;
  const absByH = Object.fromEntries(
    METHODS.map((k) => [k, Array.from({ length: BACKTEST_HORIZON }, () => [] as number[])]),
  ) as Record<ForecastMethod, number[][]>;
  let points = 0;
  let origins = 0;
  for (let o = Math.max(1, c - SELECTION_ORIGINS); o < c; o++) {
    const f = table.at.get(o);
    if (!f) continue;
    origins++;
    for (let h = 1; h <= BACKTEST_HORIZON && o + h - 1 < c; h++) {
      const actual = y[o + h - 1];
      if (!hasValue(actual)) continue;
      if (actual !== 0) points++;
      for (const k of METHODS) {
        const err = Math.abs(actual - f[k][h - 1]!);
        absByH[k][h - 1]!.push(err);
        if (actual !== 0) ape[k] += err / Math.abs(actual);
      }
    }
  }
  const mapes = Object.fromEntries(
    METHODS.map((k) => [k, points ? (100 * ape[k]) / points : null]),
  ) as Record<ForecastMethod, number | null>;
  let method: ForecastMethod = 'seasonal-naive';
  if (points >= MIN_SELECTION_POINTS) {
    for (const k of METHODS) if (mapes[k]! < mapes[method]!) method = k;
  }
  // Scale: mean absolute error of the chosen method at horizons near h (at least 6 errors).
  const byH = absByH[method];
  const fb = fallbackScale(y, c);
  const scale: number[] = [];
  for (let h = 1; h <= BACKTEST_HORIZON; h++) {
    let pool: number[] = [];
    for (let w = 0; pool.length < 6 && w < BACKTEST_HORIZON; w++) {
      pool = byH.slice(Math.max(0, h - 1 - w), Math.min(BACKTEST_HORIZON, h + w)).flat();
    }
    const s = pool.length >= 3 ? pool.reduce((a, b) => a + b, 0) / pool.length : fb * Math.sqrt(h);
    scale.push(Math.max(s, scale[h - 2] ?? 0, 1e-9));
  }
  return { method, mape: mapes[method], naiveMape: mapes['seasonal-naive'], mapes, points, origins, scale };
}

/** Per horizon 1…12: quantiles of |error| / scale at CALIBRATION_LEVELS. */
export type Calibration = number[][];

/** Empirical quantile (type 7, as R's default) of a sorted sample. */
function quantileSorted(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** Scaled absolute errors of the chosen method, per horizon, from origin c (targets before `before`). */
export function scaledErrors(table: BacktestTable, c: number, before: number, into: number[][]): void {
  const f = table.at.get(c);
  if (!f) return;
  const sel = selectAt(table, c);
  for (let h = 1; h <= BACKTEST_HORIZON && c + h - 1 < before; h++) {
    const actual = table.y[c + h - 1];
    if (!hasValue(actual)) continue;
    into[h - 1]!.push(Math.abs(actual - f[sel.method][h - 1]!) / sel.scale[h - 1]!);
  }
}

/** Calibration from scaled errors per horizon (each list is sorted in place). */
export function calibrate(errors: number[][]): Calibration {
  return errors.map((e) => {
    e.sort((a, b) => a - b);
    return CALIBRATION_LEVELS.map((p) => quantileSorted(e, p));
  });
}
