// Forecast of a monthly or quarterly series to a deadline, with an 80 % band and the likelihood that a
// target is reached. Pure: the caller passes the series; nothing here reads data.
//
// Method (documented for analysts; measured with `npm run bench -- forecast`, see bench/README.md):
// 1. Calendar-aligned input: index t is one period, null where no value is published. Gaps stay gaps:
//    "same month last year" looks up the same calendar month; the damped-trend model, which needs
//    gap-free data, uses the stretch without gaps that ends with the last value and says so.
// 2. Candidates (src/domain/forecast-methods.ts): seasonal naive ("samme måned sidste år"), the model
//    Måltavle used before (classical decomposition + damped Holt), and their average. Seasonal naive with
//    drift and with a level shift were tried and dropped: worse than seasonal naive on the shipped series.
// 3. Choice per series by rolling-origin backtest over the 24 origins before the forecast origin
//    (horizons 1–12, targets before the origin): the lowest MAPE wins, and seasonal naive stays unless
//    another method is strictly better. A forecast that cannot beat "same month last year" is labelled
//    as seasonal naive, not as a model.
// 4. Band: point ± q_h · s_h, where s_h is the chosen method's mean absolute backtest error at horizons
//    near h on this series, and q_h the empirical quantile of |error| / s_h pooled over the shipped
//    Jobindsats series and their last 24 origins (src/domain/forecast-calibration.ts), so the shocks that
//    move all municipalities at once are in it. Calibrated for 1–12 steps ahead; further out the band
//    grows like sqrt(h/12) and the points say they are not calibrated.
// 5. Likelihood of reaching a target: normal with the point as mean and the standard deviation that
//    gives the calibrated band (sd = half-width / z).
import {
  BACKTEST_HORIZON,
  backtestTable,
  CALIBRATION_LEVELS,
  type Calibration,
  hasValue,
  MIN_SELECTION_POINTS,
  SELECTION_ORIGINS,
  selectAt,
} from './forecast-backtest.ts';
import { DEFAULT_CALIBRATION } from './forecast-calibration.ts';
import {
  allMethods,
  contiguousStart,
  dampedHolt,
  type ForecastMethod,
  METHOD_LABELS,
  type Series,
} from './forecast-methods.ts';
import { formatPercent } from './numbers.ts';

export type { ForecastMethod } from './forecast-methods.ts';
export { METHOD_LABELS, seasonalComponents } from './forecast-methods.ts';

export interface ForecastPoint {
  /** Steps ahead of the last period of the input. */
  h: number;
  value: number;
  lower: number;
  upper: number;
  sd: number;
  /** The band at this horizon is calibrated on backtest errors (monthly series, h ≤ 12). */
  calibrated: boolean;
}

export interface ForecastBacktest {
  /** MAPE (%) of the chosen method and of seasonal naive on the same backtest points; null without points. */
  mape: number | null;
  seasonalNaiveMape: number | null;
  /** MAPE (%) of every candidate on the same points. */
  mapes: Record<ForecastMethod, number | null>;
  /** Backtest points (origin × horizon with a non-zero published value) and origins behind the MAPEs. */
  points: number;
  origins: number;
}

export interface Forecast {
  points: ForecastPoint[];
  /** The damped-trend model found and used seasonality (kept for callers from before the method choice). */
  seasonal: boolean;
  seasonalStrength: number;
  coverage: number;
  /** The method that makes the points, chosen by backtest on this series. */
  method: ForecastMethod;
  /** Its Danish name for the UI. */
  methodLabel: string;
  /** false: no method beat "same month last year" here, so the points are seasonal naive, not a model. */
  beatsSeasonalNaive: boolean;
  backtest: ForecastBacktest;
  /** Steps ahead up to which the band is calibrated (0 when not calibrated at all). */
  calibratedHorizon: number;
  /** Periods with a value, periods without one inside the series, and the gap-free stretch at the end. */
  observations: number;
  gaps: number;
  contiguousUsed: number;
  /** Danish sentences for the UI: which method, how well it did, gaps, horizon beyond the calibration. */
  notes: string[];
}

export interface ForecastOptions {
  /** 12 for monthly, 4 for quarterly. */
  seasonLength: number;
  /** Nominal coverage of the band, default 0.8. */
  coverage?: number;
  /** Band multipliers per horizon (default: calibrated on the shipped Jobindsats series). */
  calibration?: Calibration;
  /** Smoothing parameters of the damped-trend candidate (defaults 0.7, 0.1, 0.9; the calibration assumes them). */
  alpha?: number;
  beta?: number;
  phi?: number;
}

/** Inverse of the standard normal CDF (Acklam's approximation, |error| < 1.2e-9 after refinement). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError('p must be in (0, 1)');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Band multiplier for a coverage: interpolated between the calibrated levels, beyond them by the normal. */
function multiplier(row: readonly number[], coverage: number): number {
  const levels = CALIBRATION_LEVELS as readonly number[];
  const i = levels.indexOf(coverage);
  if (i >= 0) return row[i]!;
  const z = (p: number) => normalQuantile(0.5 + p / 2);
  if (coverage < levels[0]!) return (row[0]! * z(coverage)) / z(levels[0]!);
  const last = levels.length - 1;
  if (coverage > levels[last]!) return (row[last]! * z(coverage)) / z(levels[last]!);
  let k = 0;
  while (levels[k + 1]! < coverage) k++;
  const f = (coverage - levels[k]!) / (levels[k + 1]! - levels[k]!);
  return row[k]! + f * (row[k + 1]! - row[k]!);
}

const pct = (x: number) => formatPercent(x, { decimals: 1 });

/**
 * Forecasts H steps past the end of a calendar-aligned series (null = no published value; gaps stay
 * gaps). Needs at least 6 values. Throws RangeError when the series is too short.
 */
export function forecast(y: Series, H: number, options: ForecastOptions): Forecast {
  const m = options.seasonLength;
  const observations = y.filter(hasValue).length;
  if (observations < 6)
    throw new RangeError('Serien er for kort til en fremskrivning (mindst 6 observationer).');
  const coverage = options.coverage ?? 0.8;
  const calibration = options.calibration ?? DEFAULT_CALIBRATION;
  const T = y.length;
  const params = { alpha: options.alpha, beta: options.beta, phi: options.phi };
  const table = backtestTable(y, m, Math.max(m, T - SELECTION_ORIGINS), T - 1, params);
  const sel = selectAt(table, T);
  const horizon = Math.max(1, Math.floor(H));
  const values = allMethods(y, T, horizon, m, params)[sel.method];
  const holt = dampedHolt(y, T, 1, m, params);
  const monthly = m === 12;
  const calibratedHorizon = monthly ? BACKTEST_HORIZON : 0;
  const z = normalQuantile(0.5 + coverage / 2);
  const nonNegative = y.every((v) => !hasValue(v) || v >= 0);
  const points: ForecastPoint[] = [];
  let half = 0;
  for (let h = 1; h <= horizon; h++) {
    const hh = Math.min(h, BACKTEST_HORIZON);
    const row = calibration[(monthly ? hh : Math.min(BACKTEST_HORIZON, hh * (12 / m))) - 1]!;
    const within = sel.scale[hh - 1]! * multiplier(row, coverage);
    half = Math.max(half, h <= BACKTEST_HORIZON ? within : within * Math.sqrt(h / BACKTEST_HORIZON));
    const value = values[h - 1]!;
    const lower = nonNegative ? Math.max(0, value - half) : value - half;
    points.push({ h, value, lower, upper: value + half, sd: half / z, calibrated: h <= calibratedHorizon });
  }
  const { start, end } = contiguousStart(y, T);
  let first = 0;
  while (first < T && !hasValue(y[first])) first++;
  const gaps = T - first - observations;
  const beatsSeasonalNaive = sel.method !== 'seasonal-naive';
  // The UI's words for "the same period last year": month for monthly series, quarter for quarterly.
  const same =
    m === 12 ? 'samme måned sidste år' : m === 4 ? 'samme kvartal sidste år' : 'samme periode sidste år';
  const label = (k: ForecastMethod) =>
    METHOD_LABELS[k].replace(/samme måned sidste år/i, (x) =>
      x[0] === 'S' ? same[0]!.toUpperCase() + same.slice(1) : same,
    );
  const notes: string[] = [];
  if (sel.points < MIN_SELECTION_POINTS) {
    notes.push(`For få tidligere værdier til at efterprøve en model; fremskrivningen er ${same}.`);
  } else if (!beatsSeasonalNaive) {
    notes.push(
      `Ingen model ramte bedre end "${same}" på seriens egen historik (gennemsnitlig afvigelse ${pct(sel.naiveMape!)}), så fremskrivningen er ${same}.`,
    );
  } else {
    notes.push(
      `Metode: ${label(sel.method).toLocaleLowerCase('da')}. På seriens egen historik (${sel.origins} udgangspunkter, 1–${BACKTEST_HORIZON} ${m === 12 ? 'måneder' : m === 4 ? 'kvartaler' : 'perioder'} frem) ramte den i gennemsnit ${pct(sel.mape!)} ved siden af mod ${pct(sel.naiveMape!)} for ${same}.`,
    );
  }
  if (gaps > 0) {
    notes.push(
      `Serien har ${gaps} ${gaps === 1 ? 'periode' : 'perioder'} uden offentliggjort værdi; de står som huller. Den dæmpede trend bruger kun de sidste ${end - start} sammenhængende perioder.`,
    );
  }
  if (!monthly) notes.push('Usikkerhedsbåndet er ikke efterprøvet for denne periodetype.');
  else if (horizon > calibratedHorizon) {
    notes.push(
      `Usikkerhedsbåndet er efterprøvet op til ${calibratedHorizon} måneder frem; længere frem er det forlænget og ikke efterprøvet.`,
    );
  }
  return {
    points,
    seasonal: holt.seasonal,
    seasonalStrength: holt.strength,
    coverage,
    method: sel.method,
    methodLabel: label(sel.method),
    beatsSeasonalNaive,
    backtest: {
      mape: sel.mape,
      seasonalNaiveMape: sel.naiveMape,
      mapes: sel.mapes,
      points: sel.points,
      origins: sel.origins,
    },
    calibratedHorizon,
    observations,
    gaps,
    contiguousUsed: end - start,
    notes,
  };
}

/** Probability that the value at the forecast point is at or better than the target. */
export function probabilityOfReaching(
  point: ForecastPoint,
  target: number,
  direction: 'at-most' | 'at-least',
): number {
  if (point.sd === 0)
    return (direction === 'at-most' ? point.value <= target : point.value >= target) ? 1 : 0;
  const z = (target - point.value) / point.sd;
  return direction === 'at-most' ? normalCdf(z) : 1 - normalCdf(z);
}
