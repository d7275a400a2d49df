// Use cases on the statistics store: series, development (the Table 1 row) and rank with what it takes.
import type { Kysely } from 'kysely';
import { COUNTRY_ID, comparisonArea, findArea, MUNICIPALITIES, municipalitiesIn } from '../data/areas.ts';
import * as repo from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { type Development, development } from '../domain/development.ts';
import { type Period, periodCode, periodOrdinal } from '../domain/periods.ts';
import { changeToReachAverage, changeToReachRank, type RankDirection, rankAreas } from '../domain/ranking.ts';
import { cachedMeasure, crossSectionKey, crossSections, memoByGeneration } from './cross-sections.ts';

export class NotFoundError extends Error {
  readonly statusCode = 404;
}
export class BadRequestError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const COUNT_UNITS = new Set(['fuldtidspersoner', 'personer', 'fuldtidsmodtagere', 'antal']);

async function requireMeasure(db: Kysely<DB>, id: string, parameter = 'measure') {
  const m = await cachedMeasure(db, id);
  if (!m) throw new BadRequestError(`Parameteren "${parameter}": målet "${id}" findes ikke`, parameter);
  return m;
}

function requireArea(id: string, parameter = 'area') {
  const a = findArea(id);
  if (!a) throw new BadRequestError(`Parameteren "${parameter}": området "${id}" findes ikke`, parameter);
  return a;
}

export async function observations(
  db: Kysely<DB>,
  q: { measure: string; area: string; from?: Period; to?: Period },
) {
  const measure = await requireMeasure(db, q.measure);
  const area = requireArea(q.area);
  const points = await repo.series(db, {
    measure: measure.id,
    area: area.id,
    ...(q.from ? { fromOrd: periodOrdinal(q.from) } : {}),
    ...(q.to ? { toOrd: periodOrdinal(q.to) } : {}),
  });
  return { measure, area, points };
}

interface AreaDevelopment extends Development {
  area: string;
  name: string;
  /** How the values were obtained: imported for the area, or summed over its municipalities. */
  basis: 'importeret' | 'sum af kommuner' | 'mangler';
}

/** Value of a count measure for an area: imported, or the sum of its municipalities when all have one. */
async function areaValue(
  db: Kysely<DB>,
  measure: repo.MeasureRecord,
  areaId: string,
  period: string,
  year: number,
) {
  const [own] = await repo.valuesAt(db, measure.id, areaId, [period]);
  if (own) return { value: own.value, basis: 'importeret' as const };
  const area = findArea(areaId);
  if (!area || area.kind === 'kommune' || !COUNT_UNITS.has(measure.unit))
    return { value: null, basis: 'mangler' as const };
  const members = municipalitiesIn(areaId, year).map((m) => m.id);
  const rows = await repo.crossSection(db, measure.id, period);
  const byArea = new Map(rows.map((r) => [r.area_id, r.value]));
  let sum = 0;
  for (const m of members) {
    const v = byArea.get(m);
    if (v === null || v === undefined) return { value: null, basis: 'mangler' as const };
    sum += v;
  }
  return { value: sum, basis: 'sum af kommuner' as const };
}

export async function developmentRow(
  db: Kysely<DB>,
  q: { measure: string; area: string; from: Period; to: Period },
) {
  const measure = await requireMeasure(db, q.measure);
  const area = requireArea(q.area);
  if (area.kind !== 'kommune') throw new BadRequestError('Parameteren "area" skal være en kommune', 'area');
  const from = periodCode(q.from);
  const to = periodCode(q.to);
  const year = q.to.year;
  const comp = comparisonArea(area.id, year);
  const targets = [
    { id: area.id, name: area.name },
    ...(comp ? [{ id: comp.id, name: comp.name }] : []),
    { id: COUNTRY_ID, name: 'Hele landet' },
  ];
  const out: AreaDevelopment[] = [];
  for (const t of targets) {
    const a = await areaValue(db, measure, t.id, from, year);
    const b = await areaValue(db, measure, t.id, to, year);
    const basis = a.basis === 'mangler' || b.basis === 'mangler' ? 'mangler' : a.basis;
    out.push({ area: t.id, name: t.name, basis, ...development(a.value, b.value) });
  }
  const [municipality, comparison, country] = comp ? out : [out[0]!, undefined, out[1]!];
  return {
    measure,
    from,
    to,
    municipality: municipality!,
    comparison: comparison ?? null,
    country: country!,
  };
}

export interface RankQuery {
  measure: string;
  period: Period;
  area: string;
  denominator?: string;
  denominatorPeriod?: Period;
  direction: RankDirection;
  targetRank?: number;
}

/** The rank answer, computed once per import generation for the same question. */
export function rank(db: Kysely<DB>, q: RankQuery) {
  return memoByGeneration(db, `rank:${JSON.stringify(q)}`, () => computeRank(db, q));
}

async function computeRank(db: Kysely<DB>, q: RankQuery) {
  const measure = await requireMeasure(db, q.measure);
  const den = q.denominator ? await requireMeasure(db, q.denominator, 'denominator') : undefined;
  const area = requireArea(q.area);
  if (area.kind !== 'kommune') throw new BadRequestError('Parameteren "area" skal være en kommune', 'area');
  const period = periodCode(q.period);
  const denPeriod = q.denominatorPeriod ? periodCode(q.denominatorPeriod) : period;
  // Both cross-sections from memory once read (one query for the pair when not).
  const sections = await crossSections(db, [
    { measure: measure.id, period },
    ...(den ? [{ measure: den.id, period: denPeriod }] : []),
  ]);
  const valuesOf = (m: string, p: string) =>
    new Map((sections.get(crossSectionKey(m, p)) ?? []).map((r) => [r.area, r.value]));
  const nums = valuesOf(measure.id, period);
  if (nums.size === 0) throw new NotFoundError(`Der er ingen tal for ${measure.id} i ${period}`);
  const dens = den ? valuesOf(den.id, denPeriod) : undefined;
  const inputs = MUNICIPALITIES.map((m) => ({
    area: m.id,
    numerator: nums.get(m.id) ?? null,
    denominator: dens ? (dens.get(m.id) ?? null) : 1,
  }));
  const ranked = rankAreas(inputs, q.direction);
  const self = ranked.ranking.find((r) => r.area === area.id);
  // National rate: the country area's own figures when imported, else the 98 municipalities in aggregate.
  const countryNum = nums.get(COUNTRY_ID);
  const countryDen = dens ? dens.get(COUNTRY_ID) : 1;
  let national: { numerator: number; denominator: number; basis: string };
  if (
    countryNum !== null &&
    countryNum !== undefined &&
    countryDen !== null &&
    countryDen !== undefined &&
    (dens || !COUNT_UNITS.has(measure.unit))
  ) {
    national = { numerator: countryNum, denominator: countryDen, basis: 'hele landet' };
  } else {
    const n = ranked.ranking.reduce((s, r) => s + r.numerator, 0);
    const d = ranked.ranking.reduce((s, r) => s + r.denominator, 0);
    national = {
      numerator: n,
      denominator: d,
      basis: dens ? 'summen af kommunerne' : 'gennemsnit af kommunerne',
    };
  }
  const ties = self ? ranked.ranking.filter((r) => r.rank === self.rank).length : 0;
  return {
    measure,
    denominator: den ?? null,
    area: area.id,
    period,
    direction: q.direction,
    value: self?.value ?? null,
    numerator: self?.numerator ?? null,
    rank: self?.rank ?? null,
    of: ranked.ranking.length,
    ties,
    missing: ranked.missing,
    ranking: ranked.ranking.map((r) => ({
      area: r.area,
      name: findArea(r.area)!.name,
      value: r.value,
      rank: r.rank,
    })),
    nationalRate: national.numerator / national.denominator,
    nationalBasis: national.basis,
    toTargetRank: self && q.targetRank ? changeToReachRank(ranked, area.id, q.targetRank)!.change : undefined,
    toNationalAverage: self ? changeToReachAverage(ranked, area.id, national)! : null,
  };
}
