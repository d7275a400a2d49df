// Use cases on the statistics store: series, development (the Table 1 row) and rank with what it takes.
import type { Kysely } from 'kysely';
import { COUNTRY_ID, comparisonArea, findArea, MUNICIPALITIES, municipalitiesIn } from '../data/areas.ts';
import { SHARE_COUNTS } from '../data/measures.ts';
import * as repo from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { type Development, development } from '../domain/development.ts';
import { periodsNeeded, valuesInPeriod } from '../domain/evaluation/cross-section.ts';
import { changeModeOf, changeText } from '../domain/evaluation/engine.ts';
import type { CrossSections } from '../domain/evaluation/facts.ts';
import {
  type GroupBasisLabel,
  type GroupValue,
  groupBasisLabel,
  groupValue,
  isCountUnit,
  nationalBasisPhrase,
} from '../domain/evaluation/rates.ts';
import type { Basis } from '../domain/evaluation/result.ts';
import { formatPeriodDa, type Period, periodCode, periodOrdinal } from '../domain/periods.ts';
import { changeToReachAverage, changeToReachRank, type RankDirection, rankAreas } from '../domain/ranking.ts';
import { cachedMeasure, crossSectionKey, crossSections, memoByGeneration } from './cross-sections.ts';
import { AppError } from './errors.ts';
import { loadCrossSections } from './evaluation-facts.ts';

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, message);
  }
}
export class BadRequestError extends AppError {
  constructor(message: string, parameter?: string) {
    super(400, message, undefined, parameter ? { parameter } : {});
  }
}

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
  /**
   * How the values were obtained: imported for the area, summed over its municipalities (counts), a ratio of
   * sums with denominators derived from published shares, or missing.
   */
  basis: GroupBasisLabel;
  formula: string;
}

/** Values of a measure (and its share count) in one period, from stored or aggregated months. */
async function periodSnapshot(
  db: Kysely<DB>,
  measure: repo.MeasureRecord,
  countMeasure: string | undefined,
  periods: Period[],
) {
  const codes = [...new Set(periods.flatMap((p) => periodsNeeded(p, measure.frequency)))];
  const ids = countMeasure ? [measure.id, countMeasure] : [measure.id];
  return loadCrossSections(db, ids, codes);
}

/** A measure's values in one requested period as a one-period CrossSections, or a Danish reason. */
type AtPeriod = { reason: string } | { cs: CrossSections; basis: string };

function atPeriod(
  cs: CrossSections | undefined,
  frequency: string,
  period: Period,
  parameter: string,
): AtPeriod {
  const r = valuesInPeriod(cs ?? new Map(), frequency, period);
  if ('reason' in r) return { reason: `Parameteren "${parameter}": ${r.reason}` };
  return { cs: new Map([[periodCode(period), r.ok.values]]), basis: r.ok.basis };
}

function groupOf(
  measure: repo.MeasureRecord,
  cs: CrossSections,
  countCs: CrossSections | undefined,
  countId: string | undefined,
  groupId: string,
  members: string[],
  period: string,
): GroupValue {
  return groupValue({
    groupId,
    members,
    period,
    unit: measure.unit,
    values: cs,
    ...(countCs && countId ? { shareCount: { id: countId, values: countCs } } : {}),
  });
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
  const countId = SHARE_COUNTS[measure.id];
  const snap = await periodSnapshot(db, measure, countId, [q.from, q.to]);
  const count = countId ? await repo.findMeasure(db, countId) : undefined;
  const sides = (['from', 'to'] as const).map((side) => {
    const period = side === 'from' ? q.from : q.to;
    const found = atPeriod(snap.get(measure.id), measure.frequency, period, side);
    // An aggregated period that is incomplete is refused with its reason; a stored period without
    // values gives missing values (a benefit group may lack a period).
    if ('reason' in found && measure.frequency === 'month' && period.kind !== 'month')
      throw new BadRequestError(found.reason, side);
    const main = 'reason' in found ? { cs: new Map() as CrossSections, basis: 'mangler' } : found;
    const c: AtPeriod | undefined =
      countId && count ? atPeriod(snap.get(countId), count.frequency, period, side) : undefined;
    return { main, count: c && 'cs' in c ? c.cs : undefined, code: periodCode(period) };
  });
  const targets = [
    { id: area.id, name: area.name, members: [area.id] },
    ...(comp
      ? [{ id: comp.id, name: comp.name, members: municipalitiesIn(comp.id, year).map((m) => m.id) }]
      : []),
    { id: COUNTRY_ID, name: 'Hele landet', members: MUNICIPALITIES.map((m) => m.id) },
  ];
  const out: AreaDevelopment[] = targets.map((t) => {
    if (t.id === area.id) {
      const a = sides[0]!.main.cs.get(sides[0]!.code)?.get(t.id) ?? null;
      const b = sides[1]!.main.cs.get(sides[1]!.code)?.get(t.id) ?? null;
      return {
        area: t.id,
        name: t.name,
        basis: a === null || b === null ? 'mangler' : 'importeret',
        formula:
          sides[0]!.main.basis === 'gennemsnit af måneder'
            ? 'Gennemsnit af periodens måneder'
            : 'Offentliggjort tal',
        ...development(a, b),
      };
    }
    const [ga, gb] = sides.map((sd) =>
      groupOf(measure, sd.main.cs, sd.count, countId, t.id, t.members, sd.code),
    );
    const basis = ga!.value === null || gb!.value === null ? 'mangler' : groupBasisLabel(ga!.basis);
    return { area: t.id, name: t.name, basis, formula: ga!.formula, ...development(ga!.value, gb!.value) };
  });
  const [municipality, comparison, country] = comp ? out : [out[0]!, undefined, out[1]!];
  return {
    measure,
    from,
    to,
    unit: measure.unit,
    changeUnit: measure.unit === 'pct.' ? 'procentpoint' : measure.unit,
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
  /** Default: the measure's own direction of better. */
  direction?: RankDirection;
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
  const direction = q.direction ?? measure.better;
  const period = periodCode(q.period);
  const denP = q.denominatorPeriod ?? q.period;
  const denPeriod = periodCode(denP);
  const countId = den ? undefined : SHARE_COUNTS[measure.id];
  const codes = [
    ...new Set([
      ...periodsNeeded(q.period, measure.frequency),
      ...(den ? periodsNeeded(denP, den.frequency) : []),
    ]),
  ];
  const ids = [measure.id, ...(den ? [den.id] : []), ...(countId ? [countId] : [])];
  const snap = await loadCrossSections(db, ids, codes);
  const main = atPeriod(snap.get(measure.id), measure.frequency, q.period, 'period');
  if ('reason' in main)
    throw new NotFoundError(main.reason.replace(/^Parameteren "period": /, `${measure.id}: `));
  const nums = main.cs.get(period)!;
  let dens: Map<string, number | null> | undefined;
  if (den) {
    const d = atPeriod(snap.get(den.id), den.frequency, denP, 'denominator');
    if ('reason' in d)
      throw new BadRequestError(
        `Parameteren "denominator": nævneren ${den.id} har ingen brugbare tal for ${formatPeriodDa(denP)} (${d.reason.replace(/^Parameteren "denominator": /, '')}) Vælg en anden periode med denominatorPeriod.`,
        'denominator',
      );
    dens = d.cs.get(denPeriod)!;
  }
  const inputs = MUNICIPALITIES.map((m) => ({
    area: m.id,
    numerator: nums.get(m.id) ?? null,
    denominator: dens ? (dens.get(m.id) ?? null) : 1,
  }));
  const ranked = rankAreas(inputs, direction);
  if (ranked.ranking.length === 0)
    throw new BadRequestError(
      `Parameteren "period": ingen kommune har både tæller og nævner i ${formatPeriodDa(q.period)}.`,
      'period',
    );
  const self = ranked.ranking.find((r) => r.area === area.id);
  const countAt: AtPeriod | undefined = countId
    ? atPeriod(snap.get(countId), measure.frequency, q.period, 'period')
    : undefined;
  const shareCounts = countId && countAt && 'cs' in countAt ? { id: countId, values: countAt.cs } : undefined;
  // National rate as a ratio of sums: the country's own figures when imported, else the 98 municipalities.
  const all = MUNICIPALITIES.map((m) => m.id);
  const national = groupValue({
    groupId: COUNTRY_ID,
    members: all,
    period,
    unit: measure.unit,
    values: main.cs,
    ...(dens && den
      ? { denominator: { id: den.id, values: new Map([[period, dens]]) as CrossSections } }
      : {}),
    ...(shareCounts ? { shareCount: shareCounts } : {}),
  });
  const countWithoutDen = !den && isCountUnit(measure.unit);
  // With a denominator the API's values are ratios (numerator ÷ denominator), not per cent.
  const nationalRate =
    countWithoutDen || national.value === null ? null : den ? national.value / 100 : national.value;
  const nationalBasis = countWithoutDen
    ? 'et antal har intet landsgennemsnit'
    : nationalBasisPhrase(national.basis);
  const mode = changeModeOf(measure.unit, den?.id);
  const changeUnit = den ? measure.unit : measure.unit === 'pct.' ? 'procentpoint' : measure.unit;
  const ties = self ? ranked.ranking.filter((r) => r.rank === self.rank).length : 0;
  const toTarget = self && q.targetRank ? changeToReachRank(ranked, area.id, q.targetRank, mode) : undefined;
  const avgForChange =
    nationalRate === null
      ? null
      : den
        ? { numerator: national.numerator!, denominator: national.denominator! }
        : { numerator: nationalRate, denominator: 1 };
  const toNationalAverage =
    self && avgForChange ? (changeToReachAverage(ranked, area.id, avgForChange, mode) ?? null) : null;
  const basis: Basis[] = [
    {
      figure: 'Placering',
      periods: [period, ...(den ? [denPeriod] : [])],
      areas: [`${ranked.ranking.length} kommuner`],
      formula: `${den ? `${measure.id} ÷ ${den.id}` : measure.id}; ${direction === 'lower' ? 'lavest' : 'højest'} er nr. 1; lige værdier deler placering${main.basis === 'gennemsnit af måneder' ? '; perioden er gennemsnittet af dens måneder' : ''}`,
      source: measure.attribution,
    },
    {
      figure: 'Landsgennemsnit',
      periods: [period],
      areas: ['Hele landet'],
      formula: countWithoutDen ? 'Et antal har intet landsgennemsnit.' : national.formula,
      source: measure.attribution,
    },
    {
      figure: 'Hvad der skal til',
      periods: [period],
      areas: [area.name],
      formula:
        mode === 'whole'
          ? `Mindste hele ændring af kommunens antal (${changeUnit}), rundet op; nævneren og de andre kommuner uændrede; kontrolleret ved ny rangering`
          : `Ændring af kommunens egen værdi i ${changeUnit}; de andre kommuner uændrede; kontrolleret ved ny rangering`,
      source: measure.attribution,
    },
  ];
  return {
    measure,
    denominator: den ?? null,
    area: area.id,
    period,
    direction,
    unit: den ? `${measure.unit} pr. ${den.unit}` : measure.unit,
    changeUnit,
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
    nationalRate,
    nationalBasis,
    toTargetRank: toTarget?.change,
    toTargetRankText:
      toTarget && q.targetRank
        ? `${changeText(toTarget.change, changeUnit)} for at nå nr. ${q.targetRank}`
        : null,
    rankAfter: toTarget?.rankAfter ?? null,
    toNationalAverage,
    toNationalAverageText:
      toNationalAverage === null
        ? null
        : `${changeText(toNationalAverage, changeUnit)} for at nå landsgennemsnittet`,
    basis,
  };
}
