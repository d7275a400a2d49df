import { beforeAll, describe, expect, it } from 'vitest';
import {
  forecast,
  normalCdf,
  normalQuantile,
  probabilityOfReaching,
  seasonalComponents,
} from '../../src/domain/forecast.ts';
import { BACKTEST_HORIZON } from '../../src/domain/forecast-backtest.ts';
import { DEFAULT_CALIBRATION } from '../../src/domain/forecast-calibration.ts';
import { alignOnCalendar, forecastToDeadline } from '../../src/domain/forecast-deadline.ts';
import {
  calibrationBefore,
  evaluateAt,
  type OriginResult,
  type PanelTables,
  panelTables,
} from '../../src/domain/forecast-evaluation.ts';
import { readDerivedCsv } from '../helpers/datasets.ts';
import { monthCode, monthOrdinal, shippedMonthlySeries } from '../helpers/monthly-series.ts';

describe('normal distribution helpers', () => {
  it('inverts the CDF', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 4);
    expect(normalQuantile(0.975)).toBeCloseTo(1.96, 3);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });
});

// The shipped real series: every value column of the five monthly Jobindsats files × Hele landet and the
// 98 municipalities (1.683 series), calendar-aligned with holes where nothing is published.
const panel = shippedMonthlySeries();
const byName = new Map(panel.map((s) => [s.name, s]));
const series = (name: string) => {
  const s = byName.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return s;
};

describe('the shipped series (Jobindsats.dk, STAR; datasets/jobindsats)', () => {
  it('are 17 value columns × 99 areas, calendar-aligned', () => {
    expect(panel).toHaveLength(1683);
    // Samsø's long-term unemployed: 26 published months over 2023M08–2026M07, 10 holes.
    const samso = series('y25i09.langtidsledige_i_alt.741');
    expect(samso.y).toHaveLength(36);
    expect(samso.y.filter((v) => v !== null)).toHaveLength(26);
    expect(monthCode(samso.start)).toBe('2023M08');
  });

  it('finds the seasonality of unemployment', () => {
    const national = series('y25i01.ledige_fuldtidspersoner_i_alt.000').y as number[];
    const { strength, effects } = seasonalComponents(national, 12);
    expect(strength).toBeGreaterThan(0.8);
    // Danish unemployment peaks in winter (January) and is lowest in autumn; the series starts in August.
    expect(effects[5]!).toBeGreaterThan(effects[2]!);
  });
});

describe('gaps stay gaps', () => {
  const samso = series('y25i09.langtidsledige_i_alt.741');
  const at = (code: string) => samso.y[monthOrdinal(code) - samso.start];

  it('forecasts Samsø from the same calendar month, not from the closed-up series', () => {
    const f = forecast(samso.y, 12, { seasonLength: 12 });
    expect(f.observations).toBe(26);
    expect(f.gaps).toBe(10);
    // The gap-free stretch at the end is 2026M05–M07: too short for the damped trend, which says so.
    expect(f.contiguousUsed).toBe(3);
    expect(f.notes.join(' ')).toContain('10 perioder uden offentliggjort værdi');
    expect(f.method).toBe('seasonal-naive');
    expect(f.beatsSeasonalNaive).toBe(false);
    expect(f.methodLabel).toBe('Samme måned sidste år');
    // h = 1 is 2026M08 → 2025M08 (6); h = 4 is 2026M11 → 2025M11 (8); h = 9 is 2027M04: 2026M04 is a
    // hole, so the latest April with a value, 2025M04 (6); h = 10 is 2027M05 → 2026M05 (4).
    expect(at('2025M08')).toBe(6);
    expect(at('2026M04')).toBeNull();
    expect(at('2025M04')).toBe(6);
    expect(f.points.map((p) => p.value)).toEqual([6, 6, 6, 8, 7, 5, 4, 4, 6, 4, 3, 6]);
    // Closing the gaps up would have used 26 consecutive values: a different forecast.
    const closed = forecast(
      samso.y.filter((v) => v !== null),
      12,
      { seasonLength: 12 },
    );
    expect(closed.points.map((p) => p.value)).not.toEqual(f.points.map((p) => p.value));
  });

  it('lays a history with missing months out on the calendar', () => {
    const rows = readDerivedCsv('jobindsats/y25i09_langtidsledighed_kommuner_maaned.csv').filter(
      (r) => r.kommunekode === '741',
    );
    expect(rows).toHaveLength(26);
    const aligned = alignOnCalendar(
      rows.map((r) => ({ period: r.periode!, value: Number(r.langtidsledige_i_alt) })),
    );
    expect(aligned!.values).toEqual(samso.y);
  });
});

describe('horizon to the deadline', () => {
  const ballerup = series('y25i01.ledige_fuldtidspersoner_i_alt.151');
  const history = ballerup.y.map((value, i) => ({ period: monthCode(ballerup.start + i), value }));

  it('reaches a 2029 deadline (no 24-month cap) and says where the band stops being tested', () => {
    const fc = forecastToDeadline(history, '2029-12-31')!;
    expect(history.at(-1)!.period).toBe('2026M07');
    expect(fc.points).toHaveLength(41);
    expect(fc.atDeadline!.period).toBe('2029M12');
    expect(fc.points.filter((p) => p.calibrated)).toHaveLength(12);
    expect(fc.points[12]!.calibrated).toBe(false);
    expect(fc.forecast.calibratedHorizon).toBe(12);
    expect(fc.forecast.notes.join(' ')).toContain('efterprøvet op til 12 måneder frem');
    const width = fc.points.map((p) => p.upper - p.lower);
    for (let i = 1; i < width.length; i++) expect(width[i]!).toBeGreaterThanOrEqual(width[i - 1]! - 1e-9);
  });

  it('forecasts 12 months with no point at the deadline when the deadline has passed', () => {
    const fc = forecastToDeadline(history, '2025-12-31')!;
    expect(fc.points).toHaveLength(12);
    expect(fc.atDeadline).toBeNull();
  });

  it('gives a likelihood of reaching a target consistent with the band', () => {
    const fc = forecastToDeadline(history, '2027-06-30')!;
    const last = fc.atDeadline!;
    expect(last.period).toBe('2027M06');
    expect(probabilityOfReaching(last, last.value, 'at-most')).toBeCloseTo(0.5, 5);
    expect(probabilityOfReaching(last, last.upper, 'at-most')).toBeCloseTo(0.9, 3);
    expect(probabilityOfReaching(last, last.lower, 'at-least')).toBeCloseTo(0.9, 3);
  });

  it('forecasts a quarterly series to the quarter of the deadline, holes kept, band marked as not calibrated', () => {
    // Quarterly means of the national unemployment (2022Q1–2026Q2) with 2024Q3 left out.
    const national = series('y25i01.ledige_fuldtidspersoner_i_alt.000');
    const quarters: { period: string; value: number }[] = [];
    for (let i = 5; i + 2 < national.y.length; i += 3) {
      const code = monthCode(national.start + i);
      const sum = national.y[i]! + national.y[i + 1]! + national.y[i + 2]!;
      quarters.push({
        period: `${code.slice(0, 4)}Q${Math.ceil(Number(code.slice(5)) / 3)}`,
        value: sum / 3,
      });
    }
    expect(quarters).toHaveLength(18);
    const fc = forecastToDeadline(
      quarters.filter((q) => q.period !== '2024Q3'),
      '2027-12-31',
    )!;
    expect(fc.forecast.gaps).toBe(1);
    expect(fc.points.map((p) => p.period)).toEqual([
      '2026Q3',
      '2026Q4',
      '2027Q1',
      '2027Q2',
      '2027Q3',
      '2027Q4',
    ]);
    expect(fc.points.some((p) => p.calibrated)).toBe(false);
    expect(fc.forecast.calibratedHorizon).toBe(0);
    expect(fc.forecast.notes.join(' ')).toContain('ikke efterprøvet for denne periodetype');
    // Here nothing beats the same quarter last year: 2026Q3 is forecast as 2025Q3, and says so.
    expect(fc.forecast.method).toBe('seasonal-naive');
    expect(fc.forecast.methodLabel).toBe('Samme kvartal sidste år');
    expect(fc.forecast.notes[0]).toContain('så fremskrivningen er samme kvartal sidste år');
    expect(fc.points[0]!.value).toBe(quarters.find((q) => q.period === '2025Q3')!.value);
  });

  it('refuses a series too short to forecast', () => {
    expect(() => forecast([1, 2, 3], 3, { seasonLength: 12 })).toThrow('for kort');
    expect(() => forecast([1, null, 2, null, 3, 4, null], 3, { seasonLength: 12 })).toThrow('for kort');
  });
});

describe('the method is chosen by backtest and never worse than seasonal naive there', () => {
  it('on every shipped series, the chosen method has a backtest MAPE at most that of seasonal naive', () => {
    let checked = 0;
    let model = 0;
    for (const s of panel) {
      if (s.y.filter((v) => v !== null).length < 6) continue;
      const f = forecast(s.y, 12, { seasonLength: 12 });
      if (f.backtest.mape === null) {
        expect(f.method).toBe('seasonal-naive');
        continue;
      }
      checked++;
      expect(f.backtest.mape).toBeLessThanOrEqual(f.backtest.seasonalNaiveMape!);
      expect(f.beatsSeasonalNaive).toBe(f.method !== 'seasonal-naive');
      if (f.beatsSeasonalNaive) {
        model++;
        expect(f.backtest.mape).toBeLessThan(f.backtest.seasonalNaiveMape!);
        expect(f.notes[0]).toContain('mod');
      } else {
        expect(f.notes[0]).toContain('samme måned sidste år');
      }
    }
    expect(checked).toBeGreaterThan(1600);
    expect(model).toBeGreaterThan(800);
  });
});

describe('out of sample on the shipped series (nested rolling origins)', () => {
  let tables: PanelTables[];
  const results = new Map<string, OriginResult>();
  // Every month from 2024M07 to 2025M07: the 12 months after each origin are all published.
  const origins = Array.from({ length: 13 }, (_, i) => monthCode(monthOrdinal('2024M07') + i));
  beforeAll(() => {
    tables = panelTables(panel);
    for (const code of origins) {
      const E = monthOrdinal(code);
      results.set(code, evaluateAt(tables, E, calibrationBefore(tables, E)));
    }
  }, 300_000);

  it('80 % bands hold 75–85 % of the held-back values at every horizon 1–12', () => {
    expect(results.size).toBe(13);
    const inside = Array(12).fill(0) as number[];
    const total = Array(12).fill(0) as number[];
    for (const r of results.values()) {
      r.inside.forEach((x, i) => {
        inside[i]! += x;
        total[i]! += r.total[i]!;
      });
    }
    expect(total.every((t) => t > 20_000)).toBe(true);
    const coverage = inside.map((x, i) => x / total[i]!);
    expect(coverage).toHaveLength(12);
    for (const c of coverage) {
      expect(c).toBeGreaterThanOrEqual(0.75);
      expect(c).toBeLessThanOrEqual(0.85);
    }
  });

  // The same four figures come out of bench/forecast-check.py, an independent Python implementation.
  it('beats seasonal naive from 2024M07 and from 2025M07 (MAPE, %)', () => {
    const mape = (r: OriginResult) => ({
      chosen: (100 * r.apeChosen) / r.points,
      naive: (100 * r.apeNaive) / r.points,
    });
    const a = mape(results.get('2024M07')!);
    const b = mape(results.get('2025M07')!);
    expect(results.get('2024M07')!.series).toBe(1384);
    expect(results.get('2025M07')!.series).toBe(1671);
    expect(results.get('2024M07')!.points).toBe(16_559);
    expect(results.get('2025M07')!.points).toBe(20_005);
    expect(a.chosen).toBeCloseTo(10.42, 2);
    expect(a.naive).toBeCloseTo(11.05, 2);
    expect(b.chosen).toBeCloseTo(12.59, 2);
    expect(b.naive).toBeCloseTo(13.58, 2);
  });

  it('gives the same points and band when the series is cut at the origin (nothing after it leaks in)', () => {
    const E = monthOrdinal('2025M07');
    const calibration = calibrationBefore(tables, E);
    const r = results.get('2025M07')!;
    let ape = 0;
    let naive = 0;
    let points = 0;
    let inside = 0;
    let total = 0;
    for (const s of panel) {
      const c = E - s.start;
      const cut = s.y.slice(0, c);
      if (c <= 12 || cut.filter((v) => v !== null).length < 12) continue;
      const f = forecast(cut, 12, { seasonLength: 12, calibration });
      f.points.forEach((p, i) => {
        const actual = s.y[c + i];
        if (actual === null || actual === undefined) return;
        total++;
        if (actual >= p.lower - 1e-9 && actual <= p.upper + 1e-9) inside++;
        if (actual === 0) return;
        points++;
        ape += Math.abs(actual - p.value) / Math.abs(actual);
        // Same month one year back; else two, three years back; else the last value before the origin.
        let sameMonth: number | null | undefined = null;
        for (let t = c + i - 12; t >= 0 && (sameMonth === null || sameMonth === undefined); t -= 12)
          sameMonth = s.y[t];
        if (sameMonth === null || sameMonth === undefined) sameMonth = cut.filter((v) => v !== null).at(-1);
        naive += Math.abs(actual - sameMonth!) / Math.abs(actual);
      });
    }
    expect(points).toBe(r.points);
    expect(ape).toBeCloseTo(r.apeChosen, 6);
    expect(inside).toBe(r.inside.reduce((a, b) => a + b, 0));
    expect(total).toBe(r.total.reduce((a, b) => a + b, 0));
    // Seasonal naive recomputed directly from the series.
    expect(naive).toBeCloseTo(r.apeNaive, 6);
  });

  it('ships the calibration it computes from the series (last 24 origins)', () => {
    const end = Math.max(...panel.map((s) => s.start + s.y.length));
    const fresh = calibrationBefore(tables, end);
    expect(fresh).toHaveLength(BACKTEST_HORIZON);
    expect(DEFAULT_CALIBRATION).toHaveLength(BACKTEST_HORIZON);
    fresh.forEach((row, h) => {
      expect(row).toHaveLength(4);
      for (const [j, q] of row.entries()) expect(DEFAULT_CALIBRATION[h]![j]!).toBeCloseTo(q, 3);
    });
  });
});
