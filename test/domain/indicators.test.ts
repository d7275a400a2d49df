// Bounds per indicator kind with the Danish message a user meets next to the field.
import { describe, expect, it } from 'vitest';
import { isRealDate, validateConfig } from '../../src/domain/indicators.ts';

const PERIOD = { yearFrom: 2020, yearTo: 2021 };
const COUNT = { target: 450, unit: 'besøg', startDate: '2020-01-01', deadline: '2021-12-31' };
const SHARE = {
  mode: 'manual',
  baselineValue: 40,
  targetValue: 60,
  direction: 'at-least',
  deadline: '2021-12-31',
};
const LEVEL = {
  area: '320',
  baselinePeriod: '2019M12',
  baselineValue: 600,
  target: { kind: 'absolute', value: 500 },
  direction: 'at-most',
  deadline: '2021-12-31',
};
const RANK = { area: '320', direction: 'lower', targetRank: 40, deadline: '2021-12-31' };

function fields(kind: Parameters<typeof validateConfig>[0], config: unknown) {
  const r = validateConfig(kind, config, PERIOD);
  return r.success ? [] : r.fields;
}

describe('indicator bounds per kind', () => {
  it('accepts the ordinary settings of every kind', () => {
    expect(fields('optælling', COUNT)).toEqual([]);
    expect(fields('andel', SHARE)).toEqual([]);
    expect(fields('niveau', LEVEL)).toEqual([]);
    expect(fields('placering', RANK)).toEqual([]);
    expect(fields('milepæl', {})).toEqual([]);
  });

  it('shares lie between 0 and 100 %', () => {
    expect(fields('andel', { ...SHARE, targetValue: 150 })).toEqual([
      { path: 'config.targetValue', message: 'Målet skal være mellem 0 og 100 %.' },
    ]);
    expect(fields('andel', { ...SHARE, baselineValue: -20 })).toEqual([
      { path: 'config.baselineValue', message: 'Baseline skal være mellem 0 og 100 %.' },
    ]);
    expect(fields('andel', { ...SHARE, targetValue: 100 })).toEqual([]);
  });

  it('counts are whole, at least 1 and not absurd', () => {
    expect(fields('optælling', { ...COUNT, target: 12.5 })).toEqual([
      { path: 'config.target', message: 'Målet skal være et helt tal.' },
    ]);
    expect(fields('optælling', { ...COUNT, target: 1e12 })).toEqual([
      { path: 'config.target', message: 'Målet er urimeligt stort (højst 1.000.000).' },
    ]);
    expect(fields('optælling', { ...COUNT, target: 0 })).toEqual([
      { path: 'config.target', message: 'Målet skal være mindst 1.' },
    ]);
    expect(fields('optælling', { ...COUNT, target: undefined })).toEqual([
      { path: 'config.target', message: 'Målet skal udfyldes.' },
    ]);
  });

  it('a value typed as text is refused as not a number, not saved empty', () => {
    expect(fields('optælling', { ...COUNT, target: 'abc' })).toEqual([
      { path: 'config.target', message: 'Målet skal være et tal.' },
    ]);
    expect(fields('niveau', { ...LEVEL, baselineValue: Number.NaN })).toEqual([
      { path: 'config.baselineValue', message: 'Baseline skal være et tal.' },
    ]);
  });

  it('ranks are whole numbers from 1 to 98', () => {
    expect(fields('placering', { ...RANK, targetRank: 99 })).toEqual([
      { path: 'config.targetRank', message: 'Målet for placering skal være mellem 1 og 98.' },
    ]);
    expect(fields('placering', { ...RANK, targetRank: 0 })).toEqual([
      { path: 'config.targetRank', message: 'Målet for placering skal være mellem 1 og 98.' },
    ]);
    expect(fields('placering', { ...RANK, baselineRank: 2.5 })).toEqual([
      { path: 'config.baselineRank', message: 'Placeringen ved start skal være et helt tal.' },
    ]);
  });

  it('levels are not negative and not absurd; a target needs a level or a change', () => {
    expect(fields('niveau', { ...LEVEL, target: { kind: 'absolute', value: 1e12 } })).toEqual([
      { path: 'config.target.value', message: 'Måltallet er urimeligt stort (højst 10.000.000).' },
    ]);
    expect(fields('niveau', { ...LEVEL, target: { kind: 'relative', pct: -120 } })).toEqual([
      { path: 'config.target.pct', message: 'Et fald kan højst være 100 %.' },
    ]);
    expect(fields('niveau', { ...LEVEL, target: { kind: 'absolute' } })).toEqual([
      {
        path: 'config.target.value',
        message: 'Angiv et måltal, en ændring i procent eller en ændring i personer.',
      },
    ]);
  });

  it('deadlines lie inside or after the plan period; start dates before the deadline; dates are real', () => {
    expect(fields('optælling', { ...COUNT, startDate: '2019-01-01', deadline: '2019-06-30' })).toEqual([
      { path: 'config.deadline', message: 'Fristen skal ligge i planperioden (2020–2021) eller senere.' },
    ]);
    expect(fields('optælling', { ...COUNT, deadline: '2022-06-30' })).toEqual([]);
    expect(fields('optælling', { ...COUNT, deadline: '2040-01-01' })).toEqual([
      { path: 'config.deadline', message: 'Fristen må højst ligge 10 år efter planperioden (2020–2021).' },
    ]);
    expect(fields('optælling', { ...COUNT, startDate: '2022-01-01' })).toEqual([
      { path: 'config.startDate', message: 'Startdatoen skal ligge før fristen.' },
    ]);
    expect(fields('optælling', { ...COUNT, deadline: '2021-02-30' })).toEqual([
      { path: 'config.deadline', message: 'Fristen er ikke en rigtig dato.' },
    ]);
    expect(fields('optælling', { ...COUNT, deadline: '' })).toEqual([
      { path: 'config.deadline', message: 'Fristen skal udfyldes.' },
    ]);
    expect(fields('optælling', { ...COUNT, deadline: '31.12.2021' })).toEqual([
      { path: 'config.deadline', message: 'Fristen skal være en dato (ÅÅÅÅ-MM-DD).' },
    ]);
    expect([isRealDate('2024-02-29'), isRealDate('2023-02-29'), isRealDate('2021-13-01')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('shows every error at once: a wrong share and a deadline before the plan period', () => {
    expect(fields('andel', { ...SHARE, targetValue: 150, deadline: '2019-12-31' })).toEqual([
      { path: 'config.targetValue', message: 'Målet skal være mellem 0 og 100 %.' },
      { path: 'config.deadline', message: 'Fristen skal ligge i planperioden (2020–2021) eller senere.' },
    ]);
  });

  it('no message is in English', () => {
    const bad = [
      fields('optælling', { target: 'x', unit: '', startDate: 1, deadline: null }),
      fields('andel', { mode: 'manual', direction: 'sideways', deadline: 'i morgen', targetValue: 250 }),
      fields('placering', { area: '', direction: 'x', targetRank: 'første', deadline: '2021-01-01' }),
      fields('niveau', { target: 5, deadline: '2021-01-01' }),
    ].flat();
    expect(bad.length).toBeGreaterThan(10);
    for (const f of bad) expect(f.message).not.toMatch(/expected|Invalid|Too (big|small)|Required/);
  });
});
