import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  MINUS,
  parseDanishNumber,
  roundHalfAway,
  stripBom,
} from '../../src/domain/numbers.ts';

const NBSP = '\u00a0';

describe('Danish number formats', () => {
  it.each([
    [1288, {}, '1.288'], // seed 003 Table 1: "Kontanthjælp … 1.288"
    [6316, {}, '6.316'], // seed 003: "Ydelsesgrupper i alt 6.316"
    [32600, {}, '32.600'], // seed 003: "ca. 32.600"
    [1234567.891, { decimals: 2 }, '1.234.567,89'],
    [-11.16, {}, `${MINUS}11`], // seed 003: Uddannelseshjælp 484 → 430 printed "-11%"
    [49.7, { decimals: 1 }, '49,7'], // seed 002
    [0, {}, '0'],
    [-0.4, {}, '0'], // rounds to zero: no minus sign on zero
    [4, { signed: true }, '+4'],
  ])('formats %s as %s', (value, opts, text) => {
    expect(formatNumber(value, opts)).toBe(text);
  });

  it('formats percentages with a space before the sign', () => {
    expect(formatPercent(1.8, { decimals: 1 })).toBe(`1,8${NBSP}%`); // seed 002 "Faxe Kommune: 1,8 %"
    expect(formatPercent(43.7, { decimals: 1 })).toBe(`43,7${NBSP}%`); // seed 003 "43,7 %"
    expect(formatPercent(-11)).toBe(`${MINUS}11${NBSP}%`);
    expect(formatPercent(4.5, { decimals: 1, nbsp: false })).toBe('4,5 %');
  });

  it('rounds half away from zero as the seeds print', () => {
    expect(roundHalfAway(-1.5041)).toBe(-2); // 6.316 → 6.221: −1,504 % printed "-2%" (seed 003)
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
  });
});

describe('parsing Danish values', () => {
  it.each([
    ['1.288', 1288],
    ['4,5', 4.5],
    ['9,14', 9.14], // Y30R21 "Forventet andel (pct.)" is a string with decimal comma
    ['-0,06', -0.06],
    ['\u22123,2', -3.2],
    ['1.234.567,5', 1234567.5],
    ['\ufeff120', 120],
    [' 42 ', 42],
    ['"1.288"', 1288],
  ])('reads "%s" as %s', (raw, value) => {
    expect(parseDanishNumber(raw)).toEqual({ kind: 'number', value });
  });

  it.each(['-', '..', '', '   ', ':'])('reads "%s" as missing, never zero', (raw) => {
    const r = parseDanishNumber(raw);
    expect(r.kind).toBe('missing');
  });

  it.each(['abc', '1,2,3', '12a', '1.28'])('rejects "%s" with a reason', (raw) => {
    const r = parseDanishNumber(raw);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toContain('er ikke et tal');
  });

  it('reads decimal-point files when told', () => {
    expect(parseDanishNumber('9.08', { decimal: '.' })).toEqual({ kind: 'number', value: 9.08 });
    expect(parseDanishNumber('88,380', { decimal: '.' })).toEqual({ kind: 'number', value: 88380 });
  });

  it('strips a UTF-8 BOM', () => {
    expect(stripBom('\ufeffOMRÅDE;TID')).toBe('OMRÅDE;TID');
    expect(stripBom('OMRÅDE')).toBe('OMRÅDE');
  });

  it('parses what it formats (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d) => {
          const v = n / 10 ** d;
          const text = formatNumber(v, { decimals: d });
          const parsed = parseDanishNumber(text);
          expect(parsed.kind).toBe('number');
          if (parsed.kind === 'number') expect(parsed.value).toBeCloseTo(roundHalfAway(v, d), 6);
        },
      ),
    );
  });
});
