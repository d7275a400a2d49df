// Forecast of a monthly or quarterly series to a deadline, with an uncertainty band and the likelihood
// that a target is reached.
//
// Method (documented for analysts):
// 1. Seasonality. With at least two full seasons of data, additive seasonal effects are estimated from
//    the series detrended by a centred moving average (classical decomposition). They are used only when
//    the seasonal strength F_s = max(0, 1 − Var(remainder) / Var(seasonal + remainder)) is at least 0.4
//    (Wang, Smith & Hyndman 2006); sickness benefits and unemployment usually pass, flat series do not.
// 2. Level and trend. On the seasonally adjusted series, Holt's linear exponential smoothing with a damped
//    trend (alpha 0.7, beta 0.1, phi 0.9): robust to the breaks that benefit series have (reforms, COVID).
// 3. Band. Empirical: the model is re-run from every possible origin inside the data, and the h-step
//    errors it made there give, for each horizon h, the root-mean-square error RMSE_h (pooled with
//    neighbouring horizons when few). The band is point ± z·RMSE_h with z for the stated coverage.
//    This calibrates the band on the series' own history instead of assuming independent errors.
// 4. Likelihood of reaching a target: the normal probability that the value at the deadline is at or
//    better than the target, with mean the point forecast and standard deviation RMSE_h.

export interface ForecastPoint {
  /** Steps ahead of the last observation. */
  h: number;
  value: number;
  lower: number;
  upper: number;
  sd: number;
}

export interface Forecast {
  points: ForecastPoint[];
  seasonal: boolean;
  seasonalStrength: number;
  coverage: number;
}

export interface ForecastOptions {
  /** 12 for monthly, 4 for quarterly. */
  seasonLength: number;
  /** Nominal coverage of the band, default 0.8. */
  coverage?: number;
  alpha?: number;
  beta?: number;
  phi?: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
};

/** Additive seasonal effects (summing to 0) and the seasonal strength F_s. */
export function seasonalComponents(y: readonly number[], m: number): { effects: number[]; strength: number } {
  const zero = { effects: Array(m).fill(0), strength: 0 };
  if (m < 2 || y.length < 2 * m) return zero;
  const trend: (number | null)[] = y.map(() => null);
  const half = Math.floor(m / 2);
  for (let t = half; t < y.length - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      for (let k = -half; k <= half; k++) s += (Math.abs(k) === half ? 0.5 : 1) * y[t + k]!;
      trend[t] = s / m;
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k]!;
      trend[t] = s / m;
    }
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

/** Damped Holt point forecasts for horizons 1…H from a (seasonally adjusted) series. */
function holtForecast(y: readonly number[], H: number, alpha: number, beta: number, phi: number): number[] {
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

function pointForecast(
  y: readonly number[],
  H: number,
  o: Required<Omit<ForecastOptions, 'coverage'>>,
  seasonal: boolean,
) {
  const m = o.seasonLength;
  const { effects } = seasonal ? seasonalComponents(y, m) : { effects: Array(m).fill(0) as number[] };
  const adjusted = y.map((v, t) => v - effects[t % m]!);
  const base = holtForecast(adjusted, H, o.alpha, o.beta, o.phi);
  return base.map((v, i) => v + effects[(y.length + i) % m]!);
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

/**
 * Forecasts H steps ahead. Needs at least 6 observations (and 2 seasons for seasonality).
 * Throws RangeError when the series is too short to estimate a band.
 */
export function forecast(y: readonly number[], H: number, options: ForecastOptions): Forecast {
  if (y.length < 6) throw new RangeError('Serien er for kort til en fremskrivning (mindst 6 observationer).');
  const o = { alpha: 0.7, beta: 0.1, phi: 0.9, ...options };
  const coverage = options.coverage ?? 0.8;
  const { strength } = seasonalComponents(y, o.seasonLength);
  const seasonal = y.length >= 2 * o.seasonLength && strength >= 0.4;
  const points = pointForecast(y, H, o, seasonal);

  // Rolling-origin errors inside the data, per horizon.
  const minTrain = Math.max(6, seasonal ? 2 * o.seasonLength : 6);
  const sq: number[][] = Array.from({ length: H }, () => []);
  for (let origin = minTrain; origin < y.length; origin++) {
    const train = y.slice(0, origin);
    const steps = Math.min(H, y.length - origin);
    const seasonalHere = seasonal && train.length >= 2 * o.seasonLength;
    const f = pointForecast(train, steps, o, seasonalHere);
    for (let h = 1; h <= steps; h++) sq[h - 1]!.push((y[origin + h - 1]! - f[h - 1]!) ** 2);
  }
  const rmse: number[] = [];
  for (let h = 1; h <= H; h++) {
    // Pool neighbouring horizons until at least 6 errors; beyond the data, grow like sqrt(h).
    let pool: number[] = [];
    for (let w = 0; pool.length < 6 && w < H; w++) {
      pool = sq.slice(Math.max(0, h - 1 - w), Math.min(H, h + w)).flat();
    }
    if (pool.length >= 3) rmse.push(Math.sqrt(mean(pool)));
    else {
      const last = rmse[rmse.length - 1] ?? Math.sqrt(variance(y.slice(1).map((v, i) => v - y[i]!)));
      rmse.push(last * Math.sqrt(h / Math.max(1, h - 1)));
    }
  }
  for (let h = 1; h < H; h++) rmse[h] = Math.max(rmse[h]!, rmse[h - 1]!); // uncertainty never shrinks with h
  const z = normalQuantile(0.5 + coverage / 2);
  return {
    seasonal,
    seasonalStrength: strength,
    coverage,
    points: points.map((value, i) => {
      const sd = rmse[i]!;
      return { h: i + 1, value, sd, lower: value - z * sd, upper: value + z * sd };
    }),
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
