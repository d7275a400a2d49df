import { describe, expect, it } from 'vitest';
import { benefitGroupTable, development, type GroupCounts } from '../../src/domain/development.ts';
import { formatNumber, formatPercent } from '../../src/domain/numbers.ts';

// Seed 003 (Fredericia, Beskæftigelsesplan 2019), Table 1: full-time persons 2. kvartal 2017 → 2. kvartal 2018
// and the printed "Udvikling Fredericia" column, row by row as printed.
const TABLE_1: [id: string, q2017: number, q2018: number, printed: string][] = [
  ['a-dagpenge', 646, 669, '4%'], // "A-dagpenge med supplerende ydelser 646 669 4%"
  ['sygedagpenge', 626, 620, '-1%'], // "Sygedagpenge 626 620 -1%"
  ['fleksjob', 635, 672, '6%'], // "Fleksjob 635 672 6%"
  ['uddannelseshjaelp', 484, 430, '-11%'], // "Uddannelseshjælp 484 430 -11%"
  ['kontanthjaelp', 1288, 1138, '-12%'], // "Kontanthjælp samt integrationsydelse 1.288 1.138 -12%"
  ['jobafklaring', 246, 218, '-11%'], // "Jobafklaring 246 218 -11%"
  ['revalidering', 106, 85, '-20%'], // "(For)revalidering 106 85 -20%"
  ['ressourceforloeb', 199, 270, '36%'], // "Ressourceforløb 199 270 36%"
  ['ledighedsydelse', 117, 127, '9%'], // "Ledighedsydelse 117 127 9%"
  ['foertidspension', 1969, 1992, '1%'], // "Førtidspension 1.969 1.992 1%"
];

/** The seed prints "-11%"; Måltavle prints "−11 %". Compare the figures, not the typography. */
const asPrinted = (pct: number) => formatPercent(pct, { asciiMinus: true }).replace(/\s/g, '');

describe('development between two periods', () => {
  it('computes change and percentage change', () => {
    expect(development(646, 669)).toEqual({ from: 646, to: 669, change: 23, pct: (23 / 646) * 100 });
    expect(development(null, 669).pct).toBeNull();
    expect(development(0, 5).pct).toBeNull();
  });

  const fredericia: GroupCounts = Object.fromEntries(TABLE_1.map(([id, from, to]) => [id, { from, to }]));
  const rows = benefitGroupTable({ municipality: fredericia, comparison: {}, country: {} });

  it.each(TABLE_1)('reproduces Table 1 row %s: %s → %s = %s (seed 003)', (id, from, to, printed) => {
    const row = rows.find((r) => r.id === id)!;
    expect(row.municipality.from).toBe(from);
    expect(row.municipality.to).toBe(to);
    expect(asPrinted(row.municipality.pct!)).toBe(printed);
  });

  it('reproduces the two total rows as sums of the groups (seed 003)', () => {
    const total = rows.find((r) => r.id === 'i-alt')!;
    // "Ydelsesgrupper i alt 6.316 6.221 -2%"
    expect(formatNumber(total.municipality.from!)).toBe('6.316');
    expect(formatNumber(total.municipality.to!)).toBe('6.221');
    expect(asPrinted(total.municipality.pct!)).toBe('-2%');
    const excl = rows.find((r) => r.id === 'ekskl-a-dagpenge')!;
    // "Ydelsesgrupper ekskl. A-dagpenge 5.670 5.552 -2%"
    expect(formatNumber(excl.municipality.from!)).toBe('5.670');
    expect(formatNumber(excl.municipality.to!)).toBe('5.552');
    expect(asPrinted(excl.municipality.pct!)).toBe('-2%');
  });

  it('leaves a total missing when a group is missing, and a missing area empty', () => {
    const partial = { ...fredericia, fleksjob: { from: 635, to: null } };
    const r = benefitGroupTable({ municipality: partial, comparison: {}, country: {} });
    expect(r.find((x) => x.id === 'i-alt')!.municipality.to).toBeNull();
    expect(r.find((x) => x.id === 'i-alt')!.municipality.pct).toBeNull();
    expect(r.find((x) => x.id === 'a-dagpenge')!.country.pct).toBeNull();
  });
});
