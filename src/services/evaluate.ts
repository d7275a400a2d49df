// Evaluates an indicator at a date: its latest value (from the statistics or the status entry), target,
// assessment and, for relative targets, the consistency check.
import { type Kysely, sql } from 'kysely';
import { COUNTRY_ID, comparisonArea, findArea, MUNICIPALITIES } from '../data/areas.ts';
import * as stats from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { type Assessment, type AssessmentStatus, assess, countProgress } from '../domain/assessment.ts';
import type {
  AndelConfig,
  BenchmarkConfig,
  IndicatorKind,
  NiveauConfig,
  OptaellingConfig,
  PlaceringConfig,
} from '../domain/indicators.ts';
import { formatPeriodDa, periodBounds, periodCode, tryParsePeriod } from '../domain/periods.ts';
import { rankAreas } from '../domain/ranking.ts';
import {
  type ConsistencyResult,
  checkTargetConsistency,
  type Direction,
  targetValue,
} from '../domain/targets.ts';

export interface EntryLike {
  value: number | null;
  value_period: string | null;
  done: boolean | null;
  assessment_override: string | null;
  override_reason: string | null;
}

export interface Evaluation {
  latest: { value: number; period: string | null; date: string; source: string; importId?: string } | null;
  baseline: { value: number; period: string | null } | null;
  target: number | null;
  direction: Direction | null;
  unit: string;
  assessment: Assessment;
  /** The status after an override, if any. */
  status: AssessmentStatus;
  override: { status: string; reason: string } | null;
  consistency: ConsistencyResult | null;
  /** A short Danish text of progress, e.g. "239 af 450 besøg (53 %)". */
  progressText: string | null;
  trend: { period: string; value: number | null }[];
}

const none = (reason: string): Assessment => ({
  status: 'kan ikke vurderes',
  expected: null,
  gap: null,
  attainment: null,
  reason,
});

function periodLabel(code: string): string {
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
}

function periodEnd(code: string): string {
  const p = tryParsePeriod(code);
  return p ? periodBounds(p).end : code;
}

/** The value typed into a status entry, dated by its period (or the round's date). */
function enteredValue(entry: EntryLike | null, asOf: string): Evaluation['latest'] {
  if (entry?.value === null || entry?.value === undefined) return null;
  return {
    value: entry.value,
    period: entry.value_period,
    date: entry.value_period ? periodEnd(entry.value_period) : asOf,
    source: 'indtastet',
  };
}

async function latestUpTo(db: Kysely<DB>, measure: string, area: string, asOf: string) {
  const points = await stats.series(db, { measure, area });
  const usable = points.filter((p) => p.value !== null && periodEnd(p.period) <= asOf);
  return { last: usable.at(-1), points };
}

async function measureMeta(db: Kysely<DB>, id: string) {
  return stats.findMeasure(db, id);
}

export async function evaluateIndicator(
  db: Kysely<DB>,
  ind: { kind: IndicatorKind; config: Record<string, unknown> },
  entry: EntryLike | null,
  asOf: string,
): Promise<Evaluation> {
  const base = {
    latest: null,
    baseline: null,
    target: null,
    direction: null,
    unit: '',
    consistency: null,
    progressText: null,
    trend: [],
  } as Omit<Evaluation, 'assessment' | 'status' | 'override'>;
  let ev: Omit<Evaluation, 'status' | 'override'>;
  switch (ind.kind) {
    case 'niveau':
      ev = await niveau(db, ind.config as NiveauConfig, entry, asOf, base);
      break;
    case 'andel':
      ev = await andel(db, ind.config as AndelConfig, entry, asOf, base);
      break;
    case 'placering':
      ev = await placering(db, ind.config as PlaceringConfig, entry, asOf, base);
      break;
    case 'benchmark':
      ev = await benchmark(db, ind.config as BenchmarkConfig, asOf, base);
      break;
    case 'optælling':
      ev = optaelling(ind.config as OptaellingConfig, entry, asOf, base);
      break;
    case 'milepæl':
      ev = milepael(ind.config as { deadline?: string }, entry, asOf, base);
      break;
  }
  const override = entry?.assessment_override
    ? { status: entry.assessment_override, reason: entry.override_reason ?? '' }
    : null;
  return { ...ev, override, status: (override?.status as AssessmentStatus) ?? ev.assessment.status };
}

type Base = Omit<Evaluation, 'assessment' | 'status' | 'override'>;

async function niveau(db: Kysely<DB>, c: NiveauConfig, entry: EntryLike | null, asOf: string, base: Base) {
  const m = c.measure ? await measureMeta(db, c.measure) : undefined;
  const { last, points } = c.measure
    ? await latestUpTo(db, c.measure, c.area, asOf)
    : { last: undefined, points: [] as Awaited<ReturnType<typeof stats.series>> };
  const basePeriod = tryParsePeriod(c.baselinePeriod);
  const baseCode = basePeriod ? periodCode(basePeriod) : c.baselinePeriod;
  const fromData = points.find((p) => p.period === baseCode)?.value ?? null;
  const baselineValue = c.baselineValue ?? fromData;
  const t = c.target;
  let target: number | null = null;
  if (t.kind === 'absolute' && t.value !== undefined) target = t.value;
  else if (baselineValue !== null && t.kind === 'relative' && t.pct !== undefined)
    target = targetValue({ kind: 'relative', baseline: baselineValue, pct: t.pct, direction: c.direction });
  else if (baselineValue !== null && t.kind === 'persons' && t.persons !== undefined)
    target = targetValue({
      kind: 'persons',
      baseline: baselineValue,
      persons: t.persons,
      direction: c.direction,
    });
  const consistency =
    t.pct !== undefined || t.persons !== undefined
      ? checkTargetConsistency({
          ...(baselineValue !== null && t.kind !== 'absolute' ? { baseline: baselineValue } : {}),
          ...(t.pct !== undefined ? { pct: t.pct } : {}),
          ...(t.pctDecimals !== undefined ? { pctDecimals: t.pctDecimals } : {}),
          ...(t.persons !== undefined ? { persons: t.persons } : {}),
          ...(t.value !== undefined ? { target: t.value } : {}),
          direction: c.direction,
        })
      : null;
  const latest = last
    ? {
        value: last.value!,
        period: last.period,
        date: periodEnd(last.period),
        source: m?.attribution ?? last.source,
        importId: last.importId,
      }
    : c.measure
      ? null
      : enteredValue(entry, asOf);
  const assessment =
    baselineValue === null && target === null
      ? none('Baseline og måltal mangler.')
      : assess({
          baseline: baselineValue,
          baselineDate: basePeriod ? periodBounds(basePeriod).end : asOf,
          target,
          direction: c.direction,
          deadline: c.deadline,
          latest: latest ? { value: latest.value, date: latest.date } : null,
          asOf,
        });
  return {
    ...base,
    latest,
    baseline: baselineValue === null ? null : { value: baselineValue, period: baseCode },
    target,
    direction: c.direction,
    unit: m?.unit ?? '',
    consistency,
    assessment,
    trend: points.slice(-12).map((p) => ({ period: p.period, value: p.value })),
  };
}

async function andel(db: Kysely<DB>, c: AndelConfig, entry: EntryLike | null, asOf: string, base: Base) {
  let latest: Evaluation['latest'] = null;
  let trend: Evaluation['trend'] = [];
  if (c.mode === 'rate' && c.numerator && c.denominator && c.area) {
    const num = await stats.series(db, { measure: c.numerator, area: c.area });
    const den = new Map(
      (await stats.series(db, { measure: c.denominator, area: c.area })).map((p) => [p.period, p.value]),
    );
    const rates = num
      .filter((p) => p.value !== null && den.get(p.period))
      .map((p) => ({ period: p.period, value: (p.value! / den.get(p.period)!) * 100, source: p.source }));
    const usable = rates.filter((r) => periodEnd(r.period) <= asOf);
    const last = usable.at(-1);
    if (last)
      latest = {
        value: last.value,
        period: last.period,
        date: periodEnd(last.period),
        source: 'beregnet af statistik',
      };
    trend = rates.slice(-12).map((r) => ({ period: r.period, value: r.value }));
  } else {
    latest = enteredValue(entry, asOf);
  }
  const assessment = assess({
    baseline: c.baselineValue ?? null,
    baselineDate: c.baselineDate ?? asOf,
    target: c.targetValue ?? null,
    direction: c.direction,
    deadline: c.deadline,
    latest: latest ? { value: latest.value, date: latest.date } : null,
    asOf,
  });
  return {
    ...base,
    latest,
    baseline:
      c.baselineValue !== undefined ? { value: c.baselineValue, period: c.baselineDate ?? null } : null,
    target: c.targetValue ?? null,
    direction: c.direction,
    unit: 'pct.',
    assessment,
    trend,
  };
}

async function crossRank(
  db: Kysely<DB>,
  measure: string,
  denominator: string | undefined,
  area: string,
  direction: 'lower' | 'higher',
  asOf: string,
) {
  const periods = (await stats.periodsOf(db, measure)).filter((p) => periodEnd(p) <= asOf);
  for (const period of periods) {
    const nums = new Map((await stats.valuesInPeriod(db, measure, period)).map((r) => [r.area_id, r.value]));
    const dens = denominator
      ? new Map((await stats.valuesInPeriod(db, denominator, period)).map((r) => [r.area_id, r.value]))
      : undefined;
    if (dens && dens.size === 0) continue;
    const ranked = rankAreas(
      MUNICIPALITIES.map((m) => ({
        area: m.id,
        numerator: nums.get(m.id) ?? null,
        denominator: dens ? (dens.get(m.id) ?? null) : 1,
      })),
      direction,
    );
    const self = ranked.ranking.find((r) => r.area === area);
    if (self) return { period, ranked, self, nums, dens };
  }
  return undefined;
}

async function placering(
  db: Kysely<DB>,
  c: PlaceringConfig,
  entry: EntryLike | null,
  asOf: string,
  base: Base,
) {
  const r = c.measure ? await crossRank(db, c.measure, c.denominator, c.area, c.direction, asOf) : undefined;
  const m = c.measure ? await measureMeta(db, c.measure) : undefined;
  const latest = r
    ? { value: r.self.rank, period: r.period, date: periodEnd(r.period), source: m?.attribution ?? '' }
    : enteredValue(entry, asOf);
  const basePeriod = c.baselinePeriod ? tryParsePeriod(c.baselinePeriod) : undefined;
  const assessment = assess({
    baseline: c.baselineRank ?? null,
    baselineDate: basePeriod ? periodBounds(basePeriod).end : asOf,
    target: c.targetRank,
    direction: 'at-most',
    deadline: c.deadline,
    latest: latest ? { value: latest.value, date: latest.date } : null,
    asOf,
  });
  return {
    ...base,
    latest,
    baseline: c.baselineRank ? { value: c.baselineRank, period: c.baselinePeriod ?? null } : null,
    target: c.targetRank,
    direction: 'at-most' as const,
    unit: 'placering',
    assessment,
    progressText: latest ? `nr. ${latest.value} ud af ${r ? r.ranked.ranking.length : 98}` : null,
  };
}

async function benchmark(db: Kysely<DB>, c: BenchmarkConfig, asOf: string, base: Base) {
  const r = await crossRank(db, c.measure, c.denominator, c.area, c.direction, asOf);
  const m = await measureMeta(db, c.measure);
  if (!r) return { ...base, unit: m?.unit ?? '', assessment: none('Der er ingen tal for kommunen.') };
  const year = Number(r.period.slice(0, 4));
  const members =
    c.compareWith === 'land'
      ? r.ranked.ranking
      : r.ranked.ranking.filter((x) => {
          const comp = comparisonArea(c.area, year);
          return comp && comparisonArea(x.area, year)?.id === comp.id;
        });
  const countryNum = r.nums.get(COUNTRY_ID);
  const countryDen = r.dens ? r.dens.get(COUNTRY_ID) : 1;
  const avg =
    c.compareWith === 'land' && countryNum != null && countryDen != null && (r.dens || m?.unit === 'pct.')
      ? countryNum / countryDen
      : members.reduce((s, x) => s + x.numerator, 0) / members.reduce((s, x) => s + x.denominator, 0);
  const own = r.self.value;
  const scale = r.dens ? 100 : 1;
  const met = c.direction === 'lower' ? own <= avg : own >= avg;
  const gap = Math.abs(own - avg) / Math.max(Math.abs(avg), 1e-9);
  const status: AssessmentStatus = met
    ? 'opfyldt'
    : asOf >= c.deadline
      ? 'ikke opfyldt'
      : gap <= 0.1
        ? 'i risiko'
        : 'ikke på rette vej';
  const compName =
    c.compareWith === 'land'
      ? 'hele landet'
      : (comparisonArea(c.area, year)?.name ?? 'sammenligningsområdet');
  return {
    ...base,
    latest: { value: own * scale, period: r.period, date: periodEnd(r.period), source: m?.attribution ?? '' },
    target: avg * scale,
    direction: (c.direction === 'lower' ? 'at-most' : 'at-least') as Direction,
    unit: r.dens ? 'pct.' : (m?.unit ?? ''),
    assessment: {
      status,
      expected: avg * scale,
      gap: null,
      attainment: null,
      reason: `${findArea(c.area)?.name ?? c.area} sammenlignet med ${compName} i ${periodLabel(r.period)}.`,
    },
  };
}

function optaelling(c: OptaellingConfig, entry: EntryLike | null, asOf: string, base: Base) {
  if (entry?.value === null || entry?.value === undefined)
    return { ...base, target: c.target, unit: c.unit, assessment: none('Der er ikke indtastet et tal.') };
  const p = countProgress(entry.value, c.target, c.startDate, c.deadline, asOf);
  let status: AssessmentStatus;
  if (p.count >= p.target) status = 'opfyldt';
  else if (asOf >= c.deadline) status = 'ikke opfyldt';
  else {
    const ratio = p.expectedByNow > 0 ? p.count / p.expectedByNow : 1;
    status = ratio >= 0.9 ? 'på rette vej' : ratio >= 0.65 ? 'i risiko' : 'ikke på rette vej';
  }
  return {
    ...base,
    latest: { value: p.count, period: entry.value_period, date: asOf, source: 'indtastet' },
    target: c.target,
    direction: 'at-least' as const,
    unit: c.unit,
    progressText: `${p.count} af ${p.target} ${c.unit} (${Math.round(p.attainment * 100)} %)`,
    assessment: {
      status,
      expected: p.expectedByNow,
      gap: null,
      attainment: p.attainment,
      reason: `${Math.round(p.elapsed * 100)} % af perioden er gået; på en lige vej ville tallet være ${Math.round(p.expectedByNow)}.`,
    },
  };
}

function milepael(c: { deadline?: string }, entry: EntryLike | null, asOf: string, base: Base) {
  const done = entry?.done === true;
  const status: AssessmentStatus = done
    ? 'opfyldt'
    : c.deadline && asOf >= c.deadline
      ? 'ikke opfyldt'
      : 'kan ikke vurderes';
  return {
    ...base,
    unit: '',
    progressText: done ? 'Gennemført' : 'Ikke gennemført',
    assessment: {
      status,
      expected: null,
      gap: null,
      attainment: done ? 1 : 0,
      reason: done ? 'Milepælen er nået.' : 'Milepælen er ikke nået endnu.',
    },
  };
}

/** The municipality's value next to its comparison area and the country for the indicator page chart. */
export async function comparisonSeries(db: Kysely<DB>, measure: string, area: string, year: number) {
  const comp = comparisonArea(area, year);
  const own = await stats.series(db, { measure, area });
  const country = await stats.series(db, { measure, area: COUNTRY_ID });
  const compSeries = comp ? await stats.series(db, { measure, area: comp.id }) : [];
  void sql;
  return {
    own: own.map((p) => ({ period: p.period, value: p.value })),
    comparison: comp
      ? {
          area: comp.id,
          name: comp.name,
          points: compSeries.map((p) => ({ period: p.period, value: p.value })),
        }
      : null,
    country: country.map((p) => ({ period: p.period, value: p.value })),
  };
}
