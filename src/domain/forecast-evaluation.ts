// Out-of-sample evaluation of the forecast over a panel of series (e.g. every municipality's monthly
// series), with nested rolling origins: at evaluation origin E the method is chosen on origins before E,
// and the band is calibrated on errors whose targets lie before E. Used by the benchmark and the tests;
// nothing here runs while the app serves a page.
import {
  BACKTEST_HORIZON,
  type BacktestTable,
  backtestTable,
  CALIBRATION_LEVELS,
  CALIBRATION_ORIGINS,
  type Calibration,
  calibrate,
  hasValue,
  scaledErrors,
  selectAt,
} from './forecast-backtest.ts';
import { type ForecastMethod, METHODS, type Series } from './forecast-methods.ts';

export interface PanelSeries {
  name: string;
  /** Month ordinal (year·12 + month − 1) of index 0. */
  start: number;
  y: Series;
}

export interface PanelTables {
  series: PanelSeries;
  table: BacktestTable;
}

/** Backtest tables for every series, origins from one season in to just after the last value. */
export function panelTables(panel: readonly PanelSeries[], m = 12): PanelTables[] {
  return panel.map((s) => ({ series: s, table: backtestTable(s.y, m, m, s.y.length) }));
}

/**
 * Calibration from the scaled errors of every series at the last CALIBRATION_ORIGINS origins before
 * `before`, counting only targets before `before` (so the band is as volatile as the recent past).
 */
export function calibrationBefore(tables: readonly PanelTables[], before: number): Calibration {
  const errors: number[][] = Array.from({ length: BACKTEST_HORIZON }, () => []);
  for (const { series, table } of tables) {
    const b = before - series.start;
    for (const c of table.at.keys())
      if (c < b && c >= b - CALIBRATION_ORIGINS) scaledErrors(table, c, b, errors);
  }
  return calibrate(errors);
}

export interface OriginResult {
  origin: number;
  /** Per horizon 1…12: targets inside the 80 % band, targets. */
  inside: number[];
  total: number[];
  /** Absolute percentage errors summed over targets with a non-zero actual, and their count. */
  apeChosen: number;
  apeNaive: number;
  apeByMethod: Record<ForecastMethod, number>;
  points: number;
  series: number;
  chosen: Record<ForecastMethod, number>;
}

const LEVEL_80 = CALIBRATION_LEVELS.indexOf(0.8);

/**
 * Forecasts every series from evaluation origin E (month ordinal) and scores the 12 months from E on:
 * every one of them with a published value counts. A series needs at least 12 values before E.
 */
export function evaluateAt(
  tables: readonly PanelTables[],
  E: number,
  calibration: Calibration,
): OriginResult {
  const zero = () => Object.fromEntries(METHODS.map((k) => [k, 0])) as Record<ForecastMethod, number>;
  const r: OriginResult = {
    origin: E,
    inside: Array(BACKTEST_HORIZON).fill(0),
    total: Array(BACKTEST_HORIZON).fill(0),
    apeChosen: 0,
    apeNaive: 0,
    apeByMethod: zero(),
    points: 0,
    series: 0,
    chosen: zero(),
  };
  for (const { series, table } of tables) {
    const c = E - series.start;
    const f = table.at.get(c);
    if (!f) continue;
    let before = 0;
    let nonNegative = true;
    for (let t = 0; t < c; t++) {
      const v = series.y[t];
      if (!hasValue(v)) continue;
      before++;
      if (v < 0) nonNegative = false;
    }
    if (before < 12) continue;
    let scored = false;
    const sel = selectAt(table, c);
    let width = 0;
    for (let h = 1; h <= BACKTEST_HORIZON; h++) {
      width = Math.max(width, calibration[h - 1]![LEVEL_80]! * sel.scale[h - 1]!);
      const actual = series.y[c + h - 1];
      if (!hasValue(actual)) continue;
      scored = true;
      const point = f[sel.method][h - 1]!;
      r.total[h - 1] = r.total[h - 1]! + 1;
      // As forecast() does: the band of a series never below 0 stops at 0.
      if (actual >= (nonNegative ? Math.max(0, point - width) : point - width) && actual <= point + width)
        r.inside[h - 1] = r.inside[h - 1]! + 1;
      if (actual === 0) continue;
      r.points++;
      r.apeChosen += Math.abs(actual - point) / Math.abs(actual);
      r.apeNaive += Math.abs(actual - f['seasonal-naive'][h - 1]!) / Math.abs(actual);
      for (const k of METHODS) r.apeByMethod[k] += Math.abs(actual - f[k][h - 1]!) / Math.abs(actual);
    }
    if (scored) {
      r.series++;
      r.chosen[sel.method]++;
    }
  }
  return r;
}
