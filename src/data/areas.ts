// The catalogue of areas: the country, the 5 regions, the 8 RAR areas and the 98 municipalities.

import { collator } from '../domain/text.ts';
import { MEMBERSHIPS, type Membership, RAR_AREAS } from './comparison-areas.ts';
import { MUNICIPALITY_ROWS } from './municipalities.ts';

export type AreaKind = 'land' | 'region' | 'rar' | 'kommune';

export interface Area {
  /** '000' the country, '081'–'085' regions (DST codes), 'rar-…' RAR areas, three digits a municipality. */
  id: string;
  kind: AreaKind;
  name: string;
  /** For a municipality: its region's id. */
  region?: string;
}

export const COUNTRY_ID = '000';

export const REGIONS: readonly Area[] = [
  { id: '081', kind: 'region', name: 'Region Nordjylland' },
  { id: '082', kind: 'region', name: 'Region Midtjylland' },
  { id: '083', kind: 'region', name: 'Region Syddanmark' },
  { id: '084', kind: 'region', name: 'Region Hovedstaden' },
  { id: '085', kind: 'region', name: 'Region Sjælland' },
];

export const MUNICIPALITIES: readonly Area[] = MUNICIPALITY_ROWS.map((m) => ({
  id: m.code,
  kind: 'kommune' as const,
  name: m.name,
  region: m.regionCode,
}));

export const AREAS: readonly Area[] = [
  { id: COUNTRY_ID, kind: 'land', name: 'Hele landet' },
  ...REGIONS,
  ...RAR_AREAS.map((r) => ({ id: r.id, kind: 'rar' as const, name: r.name })),
  ...MUNICIPALITIES,
];

const byId = new Map(AREAS.map((a) => [a.id, a]));

export function findArea(id: string): Area | undefined {
  return byId.get(id);
}

/** Resolves an area written as a code, an id, or a Danish name (as jobindsats and DST label them). */
export function resolveArea(text: string): Area | undefined {
  const t = text.trim();
  const direct = byId.get(t) ?? (/^\d{1,3}$/.test(t) ? byId.get(t.padStart(3, '0')) : undefined);
  if (direct) return direct;
  const lower = t.toLocaleLowerCase('da');
  const alias = NAME_ALIASES.get(lower);
  if (alias) return byId.get(alias);
  return AREAS.find((a) => a.name.toLocaleLowerCase('da') === lower);
}

const NAME_ALIASES = new Map<string, string>([
  ['hele landet', COUNTRY_ID],
  ['all denmark', COUNTRY_ID],
  ['landsplan', COUNTRY_ID],
  ['danmark', COUNTRY_ID],
  ...MUNICIPALITY_ROWS.map((m) => [m.nameEn.toLocaleLowerCase('da'), m.code] as [string, string]),
  ...REGIONS.map(
    (r) => [r.name.replace('Region ', 'region ').toLocaleLowerCase('da'), r.id] as [string, string],
  ),
  ['region north jutland', '081'],
  ['region central jutland', '082'],
  ['region of southern denmark', '083'],
  ['region capital of denmark', '084'],
  ['region zealand', '085'],
  ...RAR_AREAS.map((r) => [r.name.replace('RAR ', 'rar-').toLocaleLowerCase('da'), r.id] as [string, string]),
]);

/** The membership of a municipality's comparison area in force in a given year. */
export function comparisonMembership(municipality: string, year: number): Membership | undefined {
  return MEMBERSHIPS.find(
    (m) =>
      m.municipality === municipality && m.validFrom <= year && (m.validTo === null || year <= m.validTo),
  );
}

export function comparisonArea(municipality: string, year: number): Area | undefined {
  const m = comparisonMembership(municipality, year);
  return m ? byId.get(m.area) : undefined;
}

/** Municipalities in a region or a comparison area (for a given year when the area is a RAR). */
export function municipalitiesIn(areaId: string, year = 2024): Area[] {
  const area = byId.get(areaId);
  if (!area) return [];
  if (area.kind === 'land') return [...MUNICIPALITIES];
  if (area.kind === 'region') return MUNICIPALITIES.filter((m) => m.region === areaId);
  if (area.kind === 'rar') {
    const codes = new Set(
      MEMBERSHIPS.filter(
        (m) => m.area === areaId && m.validFrom <= year && (m.validTo === null || year <= m.validTo),
      ).map((m) => m.municipality),
    );
    return MUNICIPALITIES.filter((m) => codes.has(m.id));
  }
  return [area];
}

export function sortByDanishName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}
