import { describe, expect, it } from 'vitest';
import {
  forecast,
  normalCdf,
  normalQuantile,
  probabilityOfReaching,
  seasonalComponents,
} from '../../src/domain/forecast.ts';
import { readDerivedCsv } from '../helpers/datasets.ts';

function seriesByArea(file: string, column: string): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (const r of readDerivedCsv(file)) {
    const list = by.get(r.kommunekode!) ?? [];
    list.push(Number(r[column]));
    by.set(r.kommunekode!, list);
  }
  return by;
}

/** Fit on all but the last H months of each series; count how many held-back months fall in the band. */
function heldBackCoverage(by: Map<string, number[]>, H: number, coverage: number) {
  let inside = 0;
  let total = 0;
  let seasonal = 0;
  for (const ys of by.values()) {
    const train = ys.slice(0, ys.length - H);
    const test = ys.slice(ys.length - H);
    const f = forecast(train, H, { seasonLength: 12, coverage });
    if (f.seasonal) seasonal++;
    f.points.forEach((p, i) => {
      total++;
      if (test[i]! >= p.lower && test[i]! <= p.upper) inside++;
    });
  }
  return { rate: inside / total, seasonal, series: by.size };
}

describe('normal distribution helpers', () => {
  it('inverts the CDF', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 4);
    expect(normalQuantile(0.975)).toBeCloseTo(1.96, 3);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });
});

describe('forecast on held-back real series (Jobindsats.dk, STAR; datasets/jobindsats)', () => {
  // y25i01: registered unemployment, full-time persons, 2021M08–2026M07, Hele landet + 98 municipalities.
  const unemployment = seriesByArea(
    'jobindsats/y25i01_ledighed_kommuner_maaned.csv',
    'ledige_fuldtidspersoner_i_alt',
  );
  // y60a02: kontanthjælp, full-time persons, same months.
  const cash = seriesByArea('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv', 'antal_fuldtidspersoner');

  it('finds the seasonality of unemployment and uses it', () => {
    const national = unemployment.get('000')!;
    const { strength, effects } = seasonalComponents(national, 12);
    expect(strength).toBeGreaterThan(0.8);
    // Danish unemployment peaks in winter (January) and is lowest in late summer/autumn.
    const jan = effects[(13 - 8) % 12]!; // series starts in August: index 5 is January
    const oct = effects[(22 - 8) % 12]!;
    expect(jan).toBeGreaterThan(oct);
    const result = heldBackCoverage(unemployment, 12, 0.8);
    expect(result.seasonal).toBeGreaterThan(90);
  });

  // Measured 2026-11-23 (fit on 48 months, 12 held back, 99 series = 1.188 months each):
  // 80 % bands held 73 % (unemployment) and 72 % (kontanthjælp); 95 % bands held 89 % and 90 %.
  // The municipalities move together (one national shock moves all 99 series), so the rate over the panel
  // varies more than for independent series. The test requires the stated rate within 15 percentage points.
  it.each([
    ['unemployment', 0.8],
    ['kontanthjælp', 0.8],
    ['unemployment', 0.95],
    ['kontanthjælp', 0.95],
  ] as const)('keeps %s 12 months ahead inside the %s band at about the stated rate', (name, coverage) => {
    const by = name === 'unemployment' ? unemployment : cash;
    const result = heldBackCoverage(by, 12, coverage);
    expect(result.series).toBe(99);
    expect(result.rate).toBeGreaterThan(coverage - 0.15);
    expect(result.rate).toBeLessThanOrEqual(Math.min(1, coverage + 0.1));
  });

  it('gives a band that widens with the horizon and a likelihood of reaching a target', () => {
    const faxe = unemployment.get('320')!;
    const f = forecast(faxe, 12, { seasonLength: 12 });
    const width = f.points.map((p) => p.upper - p.lower);
    expect(width).toHaveLength(12);
    for (let i = 1; i < width.length; i++) expect(width[i]!).toBeGreaterThanOrEqual(width[i - 1]! - 1e-9);
    const last = f.points.at(-1)!;
    expect(probabilityOfReaching(last, last.value, 'at-most')).toBeCloseTo(0.5, 5);
    expect(probabilityOfReaching(last, last.upper, 'at-most')).toBeCloseTo(0.9, 3);
    expect(probabilityOfReaching(last, last.lower, 'at-least')).toBeCloseTo(0.9, 3);
  });

  it('refuses a series too short to forecast', () => {
    expect(() => forecast([1, 2, 3], 3, { seasonLength: 12 })).toThrow('for kort');
  });
});
