// From a history of published values (period codes, possibly with holes) to a forecast that reaches the
// deadline: the series is laid out on the calendar (a missing period stays a hole), and the horizon is
// the number of periods from the last published one to the period that holds the deadline, without cap.
import { type Forecast, type ForecastPoint, forecast } from './forecast.ts';
import {
  type Period,
  periodCode,
  periodOrdinal,
  periodRange,
  seasonLength,
  shiftPeriod,
  tryParsePeriod,
} from './periods.ts';

export interface DeadlineForecast {
  forecast: Forecast;
  /** Each point with its period code. */
  points: (ForecastPoint & { period: string })[];
  /** The last point: the period that holds the deadline (null when the deadline is not after the data). */
  atDeadline: (ForecastPoint & { period: string }) | null;
}

/** The period of `kind` that contains the date (YYYY-MM-DD). */
function periodOfDate(date: string, kind: 'month' | 'quarter'): Period | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return undefined;
  const month = Number(m[2]);
  return tryParsePeriod(kind === 'month' ? `${m[1]}M${m[2]}` : `${m[1]}Q${Math.ceil(month / 3)}`);
}

/** Values on the calendar from the first to the last published period; null where nothing is published. */
export function alignOnCalendar(
  history: readonly { period: string; value: number | null }[],
): { values: (number | null)[]; first: Period; last: Period } | null {
  const byOrdinal = new Map<number, number>();
  let kind: 'month' | 'quarter' | undefined;
  let first: Period | undefined;
  let last: Period | undefined;
  for (const p of history) {
    const period = tryParsePeriod(p.period);
    if (!period || p.value === null || !Number.isFinite(p.value)) continue;
    if (period.kind !== 'month' && period.kind !== 'quarter') return null;
    if (kind && period.kind !== kind) return null;
    kind = period.kind;
    byOrdinal.set(periodOrdinal(period), p.value);
    if (!first || periodOrdinal(period) < periodOrdinal(first)) first = period;
    if (!last || periodOrdinal(period) > periodOrdinal(last)) last = period;
  }
  if (!first || !last) return null;
  const values = periodRange(first, last).map((p) => byOrdinal.get(periodOrdinal(p)) ?? null);
  return { values, first, last };
}

/**
 * Forecast to the period holding `deadline` (YYYY-MM-DD); when the deadline is not after the last
 * published period, 12 periods ahead (4 for quarters) and no point at the deadline. Null when the history
 * is not monthly or quarterly or has fewer than `minValues` published values.
 */
export function forecastToDeadline(
  history: readonly { period: string; value: number | null }[],
  deadline: string | null | undefined,
  minValues = 12,
): DeadlineForecast | null {
  const aligned = alignOnCalendar(history);
  if (!aligned) return null;
  const { values, last } = aligned;
  if (values.filter((v) => v !== null).length < Math.max(6, minValues)) return null;
  const kind = last.kind as 'month' | 'quarter';
  const target = deadline ? periodOfDate(deadline, kind) : undefined;
  const per = seasonLength(kind);
  const steps = target ? (periodOrdinal(target) - periodOrdinal(last)) / (12 / per) : 0;
  const H = steps > 0 ? steps : per;
  const f = forecast(values, H, { seasonLength: per });
  const points = f.points.map((p) => ({ ...p, period: periodCode(shiftPeriod(last, p.h)) }));
  return { forecast: f, points, atDeadline: steps > 0 ? points.at(-1)! : null };
}
