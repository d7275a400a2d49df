import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, countProgress, elapsedShare, levelAttainment } from '../../src/domain/assessment.ts';

describe('progress of counted goals', () => {
  it('counts 239 of 450 company visits against the time passed (seed 002)', () => {
    // Seed 002: "50 % af kommunens 900 virksomheder … besøges … i perioden 2020-2021";
    // "Pr. april 2021 gennemført 239 virksomhedsbesøg"; "målet med 450 besøg".
    const p = countProgress(239, 450, '2020-01-01', '2021-12-31', '2021-04-30');
    expect(p.attainment).toBeCloseTo(0.5311, 4);
    expect(p.elapsed).toBeCloseTo(485 / 730, 4);
    expect(Math.round(p.expectedByNow)).toBe(299);
    expect(p.remaining).toBe(211);
  });

  it('clamps elapsed time to the period', () => {
    expect(elapsedShare('2020-01-01', '2021-01-01', '2019-06-01')).toBe(0);
    expect(elapsedShare('2020-01-01', '2021-01-01', '2022-06-01')).toBe(1);
  });
});

describe('attainment of level goals', () => {
  it('is the share of the way from baseline to target', () => {
    // Seed 002: flygtninge i beskæftigelse 40 % (juli 2019) → 50 %; december 2020: 49,7 %.
    expect(levelAttainment(40, 50, 49.7)).toBeCloseTo(0.97, 10);
    // Seed 002: fleksjob visiterede på ledighedsydelse 23 % (juli 2018) → højst 18 %; marts 2021: 15,3 %.
    expect(levelAttainment(23, 18, 15.3)).toBeCloseTo(1.54, 10);
    expect(levelAttainment(10, 10, 10)).toBeNull();
  });
});

describe('assessment against the straight path', () => {
  const base = {
    baseline: 40,
    baselineDate: '2019-07-31',
    target: 50,
    direction: 'at-least' as const,
    deadline: '2021-12-31',
    asOf: '2021-04-30',
  };

  it('marks a met target "opfyldt"', () => {
    // Seed 002: ledighedsydelse 15,3 % in March 2021 against a target of at most 18 %.
    const r = assess({
      baseline: 23,
      baselineDate: '2018-07-31',
      target: 18,
      direction: 'at-most',
      deadline: '2020-12-31',
      asOf: '2021-04-30',
      latest: { value: 15.3, date: '2021-03-31' },
    });
    expect(r.status).toBe('opfyldt');
  });

  it('marks 49,7 % of a 50 % goal in December 2020 "på rette vej" (seed 002)', () => {
    const r = assess({ ...base, latest: { value: 49.7, date: '2020-12-31' } });
    expect(r.status).toBe('på rette vej');
    expect(r.gap!).toBeLessThan(0);
  });

  it('marks the female refugees goal, 27 % → 32,9 % of 50 %, "ikke på rette vej" (seed 002)', () => {
    const r = assess({ ...base, baseline: 27, latest: { value: 32.9, date: '2020-12-31' } });
    // Path value on 2020-12-31: 27 + 23 × 519/884 = 40,5; the goal is 33 % of the change behind.
    expect(r.expected!).toBeCloseTo(40.5, 1);
    expect(r.status).toBe('i risiko');
  });

  it('uses the thresholds as parameters', () => {
    const r = assess({
      ...base,
      baseline: 27,
      latest: { value: 32.9, date: '2020-12-31' },
      thresholds: { onTrack: 0.05, atRisk: 0.2 },
    });
    expect(r.status).toBe('ikke på rette vej');
  });

  it('marks a missed target after the deadline "ikke opfyldt"', () => {
    const r = assess({ ...base, asOf: '2022-02-01', latest: { value: 45, date: '2021-12-31' } });
    expect(r.status).toBe('ikke opfyldt');
  });

  it('cannot assess without a target or a value', () => {
    expect(assess({ ...base, target: null, latest: { value: 45, date: '2020-12-31' } }).status).toBe(
      'kan ikke vurderes',
    );
    expect(assess({ ...base, latest: null }).status).toBe('kan ikke vurderes');
  });

  it('never calls a goal worse than its baseline "på rette vej"', () => {
    const r = assess({ ...base, latest: { value: 39.9, date: '2019-08-01' } });
    expect(r.status).not.toBe('på rette vej');
  });

  it('property: a value on or ahead of the path is "på rette vej" or "opfyldt"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 700 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (baseline, fallPct, dayOffset, extra) => {
          const target = baseline * (1 - fallPct / 100);
          const date = new Date(Date.UTC(2020, 0, 1) + dayOffset * 86400000).toISOString().slice(0, 10);
          const share = elapsedShare('2020-01-01', '2021-12-31', date);
          const onPath = baseline + (target - baseline) * share;
          const value = onPath - extra * (onPath - target); // at or better than the path
          const r = assess({
            baseline,
            baselineDate: '2020-01-01',
            target,
            direction: 'at-most',
            deadline: '2021-12-31',
            asOf: '2021-12-30',
            latest: { value, date },
          });
          expect(['på rette vej', 'opfyldt']).toContain(r.status);
        },
      ),
    );
  });
});
