import { describe, expect, it } from 'vitest';
import {
  AREAS,
  comparisonArea,
  comparisonMembership,
  findArea,
  MUNICIPALITIES,
  municipalitiesIn,
  REGIONS,
  resolveArea,
  sortByDanishName,
} from '../../src/data/areas.ts';
import { BENEFIT_GROUPS, BENEFIT_TOTALS } from '../../src/data/benefit-groups.ts';
import { COMPARISON_SCHEMES, RAR_AREAS } from '../../src/data/comparison-areas.ts';
import { readDerivedCsv } from '../helpers/datasets.ts';

describe('catalogue of areas', () => {
  it('has exactly 98 municipalities with unique three-digit codes', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    const codes = MUNICIPALITIES.map((m) => m.id);
    expect(new Set(codes).size).toBe(98);
    for (const c of codes) expect(c).toMatch(/^\d{3}$/);
  });

  it('does not count Christiansø (411) as a municipality', () => {
    expect(findArea('411')).toBeUndefined();
    expect(MUNICIPALITIES.some((m) => m.name.includes('Christiansø'))).toBe(false);
  });

  it('matches the DST classification KOMGRP code for code and name', () => {
    const komgrp = readDerivedCsv('geografi/kommuner.csv');
    expect(komgrp).toHaveLength(98);
    for (const row of komgrp) expect(findArea(row.kommunekode!)?.name).toBe(row.navn);
  });

  it('has the country, 5 regions and 8 RAR areas', () => {
    expect(findArea('000')?.name).toBe('Hele landet');
    expect(REGIONS.map((r) => r.name)).toEqual([
      'Region Nordjylland',
      'Region Midtjylland',
      'Region Syddanmark',
      'Region Hovedstaden',
      'Region Sjælland',
    ]);
    expect(RAR_AREAS.map((r) => r.name)).toEqual([
      'RAR Hovedstaden',
      'RAR Sjælland',
      'RAR Fyn',
      'RAR Sydjylland',
      'RAR Østjylland',
      'RAR Vestjylland',
      'RAR Nordjylland',
      'RAR Bornholm',
    ]);
    expect(AREAS).toHaveLength(1 + 5 + 8 + 98);
  });

  it.each([
    ['320', 'Faxe', 'Region Sjælland', 'RAR Sjælland'],
    ['607', 'Fredericia', 'Region Syddanmark', 'RAR Sydjylland'],
    ['173', 'Lyngby-Taarbæk', 'Region Hovedstaden', 'RAR Hovedstaden'],
    ['400', 'Bornholm', 'Region Hovedstaden', 'RAR Bornholm'],
  ])('knows %s %s → %s / %s', (code, name, region, rar) => {
    const m = findArea(code)!;
    expect(m.name).toBe(name);
    expect(findArea(m.region!)?.name).toBe(region);
    expect(comparisonArea(code, 2019)?.name).toBe(rar);
    expect(comparisonArea(code, 2015)?.name).toBe(rar);
    expect(comparisonArea(code, 2024)?.name).toBe(rar);
    // From 2025 the comparison area follows the region.
    expect(comparisonArea(code, 2025)?.name).toBe(region);
  });

  it('marks the inferred RAR memberships and Bornholm 2025 as unverified', () => {
    expect(COMPARISON_SCHEMES.find((s) => s.id === 'rar')?.verified).toBe(false);
    expect(comparisonMembership('320', 2019)?.verified).toBe(false);
    expect(comparisonMembership('400', 2025)?.verified).toBe(false);
    expect(comparisonMembership('320', 2025)?.verified).toBe(true);
  });

  it('splits the 98 municipalities 28/17/10/12/12/7/11/1 over the RAR areas', () => {
    expect(RAR_AREAS.map((r) => municipalitiesIn(r.id, 2019).length)).toEqual([28, 17, 10, 12, 12, 7, 11, 1]);
    expect(REGIONS.map((r) => municipalitiesIn(r.id).length).reduce((a, b) => a + b)).toBe(98);
    // Fredericia's plan compares with 22 municipalities in "the region" (seed 003: "Nr. 17 ud af 22
    // kommuner"): that is Region Syddanmark (RAR Fyn + RAR Sydjylland), not RAR Sydjylland's 12.
    expect(municipalitiesIn('083').length).toBe(22);
  });

  it('resolves areas by code, Danish name and DST English label', () => {
    expect(resolveArea('320')?.id).toBe('320');
    expect(resolveArea('Lyngby-Taarbæk')?.id).toBe('173');
    expect(resolveArea('Copenhagen')?.id).toBe('101');
    expect(resolveArea('All Denmark')?.id).toBe('000');
    expect(resolveArea('Hele landet')?.id).toBe('000');
    expect(resolveArea('Region Zealand')?.id).toBe('085');
    expect(resolveArea('Christiansø')).toBeUndefined();
  });

  it('sorts Danish names with æ, ø, å (and aa = å) last', () => {
    const sorted = sortByDanishName(MUNICIPALITIES).map((m) => m.name);
    expect(sorted.slice(-3)).toEqual(['Aabenraa', 'Aalborg', 'Aarhus']);
    expect(sorted.indexOf('Aalborg')).toBeGreaterThan(sorted.indexOf('Vordingborg'));
    expect(sorted.indexOf('Ærø')).toBeLessThan(sorted.indexOf('Aabenraa'));
  });
});

describe('benefit groups', () => {
  it('lists the ten groups of Table 1 (seed 003) and the two totals', () => {
    expect(BENEFIT_GROUPS).toHaveLength(10);
    const total = BENEFIT_TOTALS.find((t) => t.id === 'i-alt')!;
    const excl = BENEFIT_TOTALS.find((t) => t.id === 'ekskl-a-dagpenge')!;
    expect(total.sumOf).toHaveLength(10);
    expect(excl.sumOf).toHaveLength(9);
    expect(excl.sumOf).not.toContain('a-dagpenge');
  });
});
