import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateMonths,
  formatPeriodDa,
  monthsOf,
  normalizePeriodCode,
  type Period,
  parsePeriod,
  periodBounds,
  periodCode,
  periodRange,
  shiftPeriod,
  tryParsePeriod,
} from '../../src/domain/periods.ts';

describe('period codes', () => {
  it.each([
    ['2021M01', '2021M01', 'januar 2021'],
    ['2018K2', '2018Q2', '2. kvartal 2018'],
    ['2018Q2', '2018Q2', '2. kvartal 2018'],
    ['2020Q04', '2020Q4', '4. kvartal 2020'], // jobindsats writes quarters with two digits
    ['2021QMAT02', '2021QMAT02', '4 kvartaler til og med 2. kvartal 2021'],
    ['2021H1', '2021H1', '1. halvår 2021'],
    ['2019', '2019', '2019'],
  ])('%s → %s → "%s"', (input, code, text) => {
    const p = parsePeriod(input);
    expect(periodCode(p)).toBe(code);
    expect(formatPeriodDa(p)).toBe(text);
  });

  it.each([
    // Texts as the seeds write them.
    ['2. kvartal 2018', '2018Q2'], // seed 003, Table 1 heading "2. kvartal 2018"
    ['december 2015', '2015M12'], // seed 004, "428 personer i december 2015"
    ['april 2021', '2021M04'], // seed 002, "Status april 2021"
    ['juli 2019', '2019M07'], // seed 002, "Andelen var på 40 % i juli 2019"
    ['November 2020', '2020M11'],
    ['dec. 2013', '2013M12'],
  ])('reads Danish text "%s" as %s', (text, code) => {
    expect(normalizePeriodCode(text)).toBe(code);
  });

  it('refuses what does not parse, with a Danish message', () => {
    expect(tryParsePeriod('2021M13')).toBeUndefined();
    expect(tryParsePeriod('2021Q5')).toBeUndefined();
    expect(tryParsePeriod('foråret 2021')).toBeUndefined();
    expect(() => parsePeriod('21M01')).toThrow('Perioden "21M01" kan ikke læses');
  });

  it('knows the months and dates a period covers', () => {
    expect(monthsOf(parsePeriod('2018Q2')).map(periodCode)).toEqual(['2018M04', '2018M05', '2018M06']);
    const mat = monthsOf(parsePeriod('2021QMAT02')).map(periodCode);
    expect(mat[0]).toBe('2020M07');
    expect(mat.at(-1)).toBe('2021M06');
    expect(periodBounds(parsePeriod('2020M02'))).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(periodBounds(parsePeriod('2020-2021'.slice(0, 4)))).toEqual({
      start: '2020-01-01',
      end: '2020-12-31',
    });
  });

  it('round-trips every period through its code and its Danish text (property)', () => {
    const arb = fc.oneof(
      fc.record({
        kind: fc.constant('month' as const),
        year: fc.integer({ min: 1990, max: 2100 }),
        index: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({
        kind: fc.constant('quarter' as const),
        year: fc.integer({ min: 1990, max: 2100 }),
        index: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({
        kind: fc.constant('mat' as const),
        year: fc.integer({ min: 1990, max: 2100 }),
        index: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({
        kind: fc.constant('half' as const),
        year: fc.integer({ min: 1990, max: 2100 }),
        index: fc.integer({ min: 1, max: 2 }),
      }),
      fc.record({
        kind: fc.constant('year' as const),
        year: fc.integer({ min: 1990, max: 2100 }),
        index: fc.constant(1),
      }),
    );
    fc.assert(
      fc.property(arb, (p: Period) => {
        expect(parsePeriod(periodCode(p))).toEqual(p);
        expect(parsePeriod(formatPeriodDa(p))).toEqual(p);
        expect(shiftPeriod(shiftPeriod(p, 7), -7)).toEqual(p);
      }),
    );
  });

  it('ranges over consecutive periods', () => {
    expect(periodRange(parsePeriod('2020Q3'), parsePeriod('2021Q2')).map(periodCode)).toEqual([
      '2020Q3',
      '2020Q4',
      '2021Q1',
      '2021Q2',
    ]);
  });
});

describe('months into quarters and years', () => {
  const series = new Map<string, number | null>([
    ['2018M04', 640],
    ['2018M05', 670],
    ['2018M06', 697],
  ]);

  it('averages the months of full-time persons', () => {
    const r = aggregateMonths(series, parsePeriod('2018Q2'));
    expect(r.value).toBeCloseTo(669, 9);
    expect(r.complete).toBe(true);
  });

  it('refuses an incomplete period unless asked', () => {
    const partial = new Map(series);
    partial.set('2018M06', null); // suppressed is missing, not zero
    const refused = aggregateMonths(partial, parsePeriod('2018Q2'));
    expect(refused.value).toBeNull();
    expect(refused.monthsFound).toBe(2);
    const allowed = aggregateMonths(partial, parsePeriod('2018Q2'), { allowIncomplete: true });
    expect(allowed.value).toBe(655);
    expect(allowed.complete).toBe(false);
    expect(aggregateMonths(series, parsePeriod('2018')).value).toBeNull();
  });

  it('averages equal the mean of the months for any complete year (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 12, maxLength: 12 }), (vals) => {
        const m = new Map(vals.map((v, i) => [`2020M${String(i + 1).padStart(2, '0')}`, v]));
        const y = aggregateMonths(m, parsePeriod('2020')).value!;
        const q = [1, 2, 3, 4].map((k) => aggregateMonths(m, parsePeriod(`2020Q${k}`)).value!);
        expect(y).toBeCloseTo(q.reduce((a, b) => a + b) / 4, 6);
      }),
    );
  });
});
