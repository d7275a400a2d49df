// The evaluation engine: evaluates every indicator of a plan at an as-of date from a snapshot of facts.
// Pure (no I/O): the facts are loaded by src/services/evaluation-facts.ts in a fixed number of queries.
// This is the only code that decides a status.
import { COUNTRY_ID, MUNICIPALITIES } from '../../data/areas.ts';
import { SHARE_COUNTS } from '../../data/measures.ts';
import { type Assessment, type AssessmentStatus, assess, countProgress } from '../assessment.ts';
import type {
  AndelConfig,
  BenchmarkConfig,
  NiveauConfig,
  OptaellingConfig,
  PlaceringConfig,
} from '../indicators.ts';
import { formatNumber, isPercentUnit } from '../numbers.ts';
import {
  aggregateMonths,
  formatDateDa,
  formatPeriodDa,
  type Period,
  periodBounds,
  periodCode,
  periodOrdinal,
  tryParsePeriod,
} from '../periods.ts';
import {
  type ChangeMode,
  changeToReachRank,
  changeToReachRate,
  cleanDifference,
  rankAreas,
} from '../ranking.ts';
import { checkTargetConsistency, targetValue } from '../targets.ts';
import type { CrossSections, EntryFact, FactPoint, Facts, MeasureFact } from './facts.ts';
import { seriesKey } from './facts.ts';
import type { FactNeeds, ParsedIndicator } from './parse.ts';
import { type GroupValue, groupValue, isCountUnit } from './rates.ts';
import type { Basis, IndicatorEvaluation, ValueAt } from './result.ts';

export interface EvaluationContext {
  asOf: string;
  /** First day of the plan's period (for the development of indicators without a baseline). */
  planStart: string;
  /** Status entries by indicator id. */
  entries: ReadonlyMap<string, EntryFact>;
}

// ---------- needs ----------

/** The measures whose cross-sections a rank or comparison reads: the measure, its denominator, share counts. */
export function crossSectionMeasures(measure: string, denominator?: string): string[] {
  const out = [measure];
  if (SHARE_COUNTS[measure]) out.push(SHARE_COUNTS[measure]!);
  if (denominator) out.push(denominator);
  return out;
}

/** The facts a set of indicators reads. The loader fetches them all in a fixed number of queries. */
export function factNeeds(indicators: readonly ParsedIndicator[]): FactNeeds {
  const series = new Map<string, { measure: string; area: string }>();
  const cross = new Set<string>();
  const addSeries = (measure: string, area: string) =>
    series.set(seriesKey(measure, area), { measure, area });
  const addCross = (measure: string, denominator?: string) => {
    for (const m of crossSectionMeasures(measure, denominator)) cross.add(m);
  };
  for (const i of indicators) {
    switch (i.kind) {
      case 'niveau':
        if (i.config.measure) addSeries(i.config.measure, i.config.area);
        break;
      case 'andel':
        if (i.config.mode === 'rate' && i.config.numerator && i.config.denominator && i.config.area) {
          addSeries(i.config.numerator, i.config.area);
          addSeries(i.config.denominator, i.config.area);
        }
        break;
      case 'placering':
      case 'benchmark':
        if (i.config.measure) addCross(i.config.measure, i.config.denominator);
        break;
      default:
        break;
    }
  }
  return { series: [...series.values()], crossSections: [...cross] };
}

// ---------- small helpers ----------

// Period codes repeat across indicators, periods and requests: parse each once (a bounded set of codes).
const periodEnds = new Map<string, string>();
function periodEnd(code: string): string {
  let end = periodEnds.get(code);
  if (end === undefined) {
    const p = tryParsePeriod(code);
    end = p ? periodBounds(p).end : code;
    if (periodEnds.size > 20_000) periodEnds.clear();
    periodEnds.set(code, end);
  }
  return end;
}

function periodLabel(code: string | null): string {
  if (!code) return '';
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
}

const minDate = (a: string, b: string | undefined) => (b && b < a ? b : a);

/** Value of a series at a period: exact, or a monthly measure aggregated over the period's months. */
function valueAtPeriod(
  measure: MeasureFact | undefined,
  points: readonly FactPoint[],
  code: string,
): { value: number | null; reason: string | null } {
  const p = tryParsePeriod(code);
  if (!p) return { value: null, reason: `"${code}" er ikke en periode.` };
  const canonical = periodCode(p);
  const exact = points.find((x) => x.period === canonical);
  if (exact) return { value: exact.value, reason: exact.value === null ? 'Tallet er diskretioneret.' : null };
  if (measure?.frequency === 'month' && p.kind !== 'month') {
    const agg = aggregateMonths(new Map(points.map((x) => [x.period, x.value])), p);
    if (agg.complete) return { value: agg.value, reason: null };
    return {
      value: null,
      reason: `${formatPeriodDa(p)} er ikke komplet: ${agg.monthsFound} af ${agg.monthsNeeded} måneder har tal.`,
    };
  }
  return { value: null, reason: `Der er ingen tal for ${formatPeriodDa(p)}.` };
}

/** The reason when an indicator built on statistics has no figure for the area at all: what is missing
 * and what an administrator can do about it (issue 10 item 10). */
const NO_FIGURES_REASON =
  'Der er ingen tal for kommunen endnu. En administrator kan hente dem under Statistik.';

function none(reason: string, status: AssessmentStatus = 'kan ikke vurderes'): Assessment {
  return { status, expected: null, gap: null, attainment: null, reason };
}

/** A value with as many decimals as it has, at most 2 for shares and 1 otherwise (1,3 not 1,30). */
function valueText(v: number, unit: string): string {
  const max = isPercentUnit(unit) ? 2 : 1;
  const decimals = (String(Number(v.toFixed(max))).split('.')[1] ?? '').length;
  return formatNumber(v, { decimals });
}

/** "−1,3 procentpoint", "+82 fuldtidspersoner", "0 (allerede nået)". */
export function changeText(change: number, unit: string): string {
  if (change === 0) return '0 (allerede nået)';
  const u = unit === 'pct.' ? 'procentpoint' : unit;
  const sign = change > 0 ? '+' : '−';
  return `${sign}${valueText(Math.abs(change), u)} ${u}`.trim();
}

/** The unit a change of the measure's own value is counted in. */
function changeUnit(unit: string): string {
  return unit === 'pct.' ? 'procentpoint' : unit;
}

interface Split<T> {
  judged: T | undefined;
  after: T | undefined;
}

/**
 * The newest item judged (its period ends by the deadline and asOf) and, once the deadline has passed, the
 * newest item from after the deadline (shown as "efter fristen", never judged).
 */
function splitAtDeadline<T extends { period: string }>(
  items: readonly T[],
  asOf: string,
  deadline: string | undefined,
): Split<T> {
  const cutoff = minDate(asOf, deadline);
  let judged: T | undefined;
  let after: T | undefined;
  for (const it of items) {
    const end = periodEnd(it.period);
    if (end <= cutoff) judged = it;
    // Shown beside the judgement, never judged: the newest value from after the deadline.
    else if (deadline && end > deadline && asOf >= deadline) after = it;
  }
  return { judged, after };
}

// Facts are read-only snapshots, and the loader hands out the same cross-section maps until an import lands
// (src/services/evaluation-facts.ts): what is derived from one map is kept beside it, weakly.
const sortedOf = new WeakMap<CrossSections, readonly string[]>();
function sortedPeriods(cs: CrossSections | undefined): readonly string[] {
  if (!cs) return [];
  let sorted = sortedOf.get(cs);
  if (!sorted) {
    const ordinal = (code: string) => {
      const p = tryParsePeriod(code);
      return p ? periodOrdinal(p) : 0;
    };
    sorted = [...cs.keys()]
      .map((code) => ({ code, at: ordinal(code) }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.code);
    sortedOf.set(cs, sorted);
  }
  return sorted;
}

type Ranked = ReturnType<typeof rankAreas>;
const NO_DENOMINATOR: CrossSections = new Map();
const rankingsOf = new WeakMap<CrossSections, WeakMap<CrossSections, Map<string, Ranked>>>();
/** The ranking of the 98 municipalities in one period, computed once per cross-section snapshot. */
function rankingIn(
  nums: CrossSections,
  dens: CrossSections | undefined,
  period: string,
  direction: 'lower' | 'higher',
): Ranked {
  let byDen = rankingsOf.get(nums);
  if (!byDen) {
    byDen = new WeakMap();
    rankingsOf.set(nums, byDen);
  }
  let byKey = byDen.get(dens ?? NO_DENOMINATOR);
  if (!byKey) {
    byKey = new Map();
    byDen.set(dens ?? NO_DENOMINATOR, byKey);
  }
  const key = `${direction}\u0000${period}`;
  let ranking = byKey.get(key);
  if (!ranking) {
    const n = nums.get(period)!;
    const d = dens?.get(period);
    ranking = rankAreas(
      MUNICIPALITIES.map((mu) => ({
        area: mu.id,
        numerator: n.get(mu.id) ?? null,
        denominator: d ? (d.get(mu.id) ?? null) : 1,
      })),
      direction,
    );
    byKey.set(key, ranking);
  }
  return ranking;
}

function entered(entry: EntryFact | undefined, asOf: string): ValueAt | null {
  if (entry?.value === null || entry?.value === undefined) return null;
  return {
    value: entry.value,
    period: entry.value_period,
    date: entry.value_period ? periodEnd(entry.value_period) : asOf,
    source: 'indtastet',
  };
}

function development(
  from: { value: number; period: string | null } | null,
  to: ValueAt | null,
  unit: string,
): IndicatorEvaluation['development'] {
  if (!from || !to) return null;
  const change = cleanDifference(to.value, from.value);
  return {
    from,
    to: { value: to.value, period: to.period },
    change,
    pct: from.value === 0 || unit === 'placering' ? null : (change / Math.abs(from.value)) * 100,
    unit: unit === 'pct.' ? 'procentpoint' : unit,
  };
}

type Partial = Omit<IndicatorEvaluation, 'indicatorId' | 'kind' | 'asOf' | 'status' | 'override'>;

function blank(asOf: string, deadline: string | undefined): Partial {
  return {
    judgedAt: minDate(asOf, deadline),
    latest: null,
    afterDeadline: null,
    baseline: null,
    target: null,
    direction: null,
    unit: '',
    assessment: none(''),
    consistency: null,
    progressText: null,
    trend: [],
    development: null,
    rankHistory: [],
    comparison: null,
    whatItTakes: null,
    basis: [],
  };
}

/** Assessment of a level against a target, or a reason why nothing can be judged. */
function judge(
  base: {
    baseline: number | null;
    baselineDate: string;
    target: number | null;
    direction: 'at-most' | 'at-least';
    deadline: string;
  },
  latest: ValueAt | null,
  after: ValueAt | null,
  asOf: string,
  fromStatistics = false,
): Assessment {
  if (!latest && !after && fromStatistics) return none(NO_FIGURES_REASON);
  if (!latest && after)
    return none(
      `Der er ingen tal fra perioder til og med fristen ${formatDateDa(base.deadline)}; tallet for ${periodLabel(after.period)} er fra efter fristen.`,
    );
  return assess({
    baseline: base.baseline,
    baselineDate: base.baselineDate,
    target: base.target,
    direction: base.direction,
    deadline: base.deadline,
    latest: latest ? { value: latest.value, date: latest.date } : null,
    asOf,
  });
}

const afterLabel = (v: ValueAt | null) => (v ? { ...v, label: 'efter fristen' as const } : null);

// ---------- kinds ----------

function niveau(
  c: NiveauConfig,
  entry: EntryFact | undefined,
  facts: Facts,
  ctx: EvaluationContext,
): Partial {
  const out = blank(ctx.asOf, c.deadline);
  const m = c.measure ? facts.measures.get(c.measure) : undefined;
  const points = c.measure ? (facts.series.get(seriesKey(c.measure, c.area)) ?? []) : [];
  const usable = points.filter((p) => p.value !== null);
  const split = splitAtDeadline(usable, ctx.asOf, c.deadline);
  const source = m?.attribution ?? '';
  const toValue = (p: FactPoint | undefined): ValueAt | null =>
    p ? { value: p.value!, period: p.period, date: periodEnd(p.period), source, importId: p.importId } : null;
  const latest = c.measure ? toValue(split.judged) : entered(entry, ctx.asOf);
  const after = c.measure ? toValue(split.after) : null;
  const bp = tryParsePeriod(c.baselinePeriod);
  const baseCode = bp ? periodCode(bp) : c.baselinePeriod;
  const fromData = c.measure ? valueAtPeriod(m, points, c.baselinePeriod).value : null;
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
  const assessment =
    c.measure && usable.length === 0
      ? none(NO_FIGURES_REASON)
      : baselineValue === null && target === null
        ? none('Baseline og måltal mangler.')
        : judge(
            {
              baseline: baselineValue,
              baselineDate: bp ? periodBounds(bp).end : ctx.asOf,
              target,
              direction: c.direction,
              deadline: c.deadline,
            },
            latest,
            after,
            ctx.asOf,
          );
  const unit = m?.unit ?? '';
  const baseline = baselineValue === null ? null : { value: baselineValue, period: baseCode };
  const basis: Basis[] = [];
  if (latest && c.measure)
    basis.push({
      figure: 'Seneste værdi',
      periods: [latest.period ?? ''],
      areas: [facts.areaName(c.area)],
      formula: `${m?.name ?? c.measure} (${unit}), senest offentliggjorte periode til og med ${formatDateDa(out.judgedAt)}`,
      source,
    });
  if (baseline && c.baselineValue === undefined && c.measure)
    basis.push({
      figure: 'Baseline',
      periods: [baseCode],
      areas: [facts.areaName(c.area)],
      formula:
        m?.frequency === 'month' && bp && bp.kind !== 'month'
          ? `Gennemsnit af månederne i ${formatPeriodDa(bp)}`
          : 'Værdien i perioden',
      source,
    });
  if (target !== null)
    basis.push({
      figure: 'Måltal',
      periods: [c.deadline],
      areas: [facts.areaName(c.area)],
      formula:
        t.kind === 'relative'
          ? `Baseline × (1 ${t.pct! < 0 ? '−' : '+'} ${formatNumber(Math.abs(t.pct!))} %)`
          : t.kind === 'persons'
            ? `Baseline ${t.persons! < 0 ? '−' : '+'} ${formatNumber(Math.abs(t.persons!))}`
            : 'Måltal fra planen',
      source: 'Planen',
    });
  return {
    ...out,
    latest,
    afterDeadline: afterLabel(after),
    baseline,
    target,
    direction: c.direction,
    unit,
    consistency,
    assessment,
    trend: usable
      .filter((p) => periodEnd(p.period) <= ctx.asOf)
      .slice(-12)
      .map((p) => ({ period: p.period, value: p.value })),
    development: development(baseline ?? firstInPlan(usable, ctx, source), latest, unit),
    basis,
  };
}

function firstInPlan(points: readonly FactPoint[], ctx: EvaluationContext, _source: string) {
  const p = points.find((x) => periodEnd(x.period) >= ctx.planStart && x.value !== null);
  return p ? { value: p.value!, period: p.period } : null;
}

function andel(c: AndelConfig, entry: EntryFact | undefined, facts: Facts, ctx: EvaluationContext): Partial {
  const out = blank(ctx.asOf, c.deadline);
  let latest: ValueAt | null = null;
  let after: ValueAt | null = null;
  let trend: Partial['trend'] = [];
  let noFigures = false;
  const basis: Basis[] = [];
  if (c.mode === 'rate' && c.numerator && c.denominator && c.area) {
    const num = facts.series.get(seriesKey(c.numerator, c.area)) ?? [];
    const den = new Map(
      (facts.series.get(seriesKey(c.denominator, c.area)) ?? []).map((p) => [p.period, p.value]),
    );
    const rates = num
      .filter((p) => p.value !== null && den.get(p.period))
      .map((p) => ({ period: p.period, value: (p.value! / den.get(p.period)!) * 100 }));
    const split = splitAtDeadline(rates, ctx.asOf, c.deadline);
    const toValue = (r: { period: string; value: number } | undefined): ValueAt | null =>
      r
        ? { value: r.value, period: r.period, date: periodEnd(r.period), source: 'beregnet af statistik' }
        : null;
    latest = toValue(split.judged);
    after = toValue(split.after);
    noFigures = rates.length === 0;
    trend = rates.filter((r) => periodEnd(r.period) <= ctx.asOf).slice(-12);
    if (latest)
      basis.push({
        figure: 'Seneste værdi',
        periods: [latest.period ?? ''],
        areas: [facts.areaName(c.area)],
        formula: `${c.numerator} ÷ ${c.denominator} × 100`,
        source: facts.measures.get(c.numerator)?.attribution ?? '',
      });
  } else {
    latest = entered(entry, ctx.asOf);
  }
  const assessment = judge(
    {
      baseline: c.baselineValue ?? null,
      baselineDate: c.baselineDate ?? ctx.asOf,
      target: c.targetValue ?? null,
      direction: c.direction,
      deadline: c.deadline,
    },
    latest,
    after,
    ctx.asOf,
    noFigures,
  );
  const baseline =
    c.baselineValue !== undefined ? { value: c.baselineValue, period: c.baselineDate ?? null } : null;
  return {
    ...out,
    latest,
    afterDeadline: afterLabel(after),
    baseline,
    target: c.targetValue ?? null,
    direction: c.direction,
    unit: 'pct.',
    assessment,
    trend,
    development: development(baseline, latest, 'pct.'),
    basis,
  };
}

/** One municipality's value in a cross-section: the rate × 100 with a denominator, else the value. */
interface RankedPeriod {
  period: string;
  ranking: ReturnType<typeof rankAreas>;
  self: ReturnType<typeof rankAreas>['ranking'][number];
}

/** Ranks the 98 municipalities in every period of the measure up to asOf. */
function rankOverTime(
  facts: Facts,
  measure: string,
  denominator: string | undefined,
  area: string,
  direction: 'lower' | 'higher',
  asOf: string,
): RankedPeriod[] {
  const nums = facts.crossSections.get(measure);
  const dens = denominator ? facts.crossSections.get(denominator) : undefined;
  const out: RankedPeriod[] = [];
  for (const period of sortedPeriods(nums)) {
    if (periodEnd(period) > asOf) continue;
    const d = dens?.get(period);
    if (denominator && (!d || d.size === 0)) continue;
    const ranking = rankingIn(nums!, dens, period, direction);
    const self = ranking.ranking.find((r) => r.area === area);
    if (self) out.push({ period, ranking, self });
  }
  return out;
}

/** How a change of the own value is counted: whole persons for counts and rates of counts, else exactly. */
export function changeModeOf(unit: string, denominator: string | undefined): ChangeMode {
  return denominator || isCountUnit(unit) ? 'whole' : 'exact';
}

function placering(
  c: PlaceringConfig,
  entry: EntryFact | undefined,
  facts: Facts,
  ctx: EvaluationContext,
): Partial {
  const out = blank(ctx.asOf, c.deadline);
  const m = c.measure ? facts.measures.get(c.measure) : undefined;
  const history = c.measure
    ? // Every published period for the chart; the judgement below only uses those up to judgedAt.
      rankOverTime(facts, c.measure, c.denominator, c.area, c.direction, '9999-12-31')
    : [];
  const split = splitAtDeadline(history, ctx.asOf, c.deadline);
  const source = m?.attribution ?? '';
  const toValue = (r: RankedPeriod | undefined): ValueAt | null =>
    r ? { value: r.self.rank, period: r.period, date: periodEnd(r.period), source } : null;
  const latest = c.measure ? toValue(split.judged) : entered(entry, ctx.asOf);
  const after = c.measure ? toValue(split.after) : null;
  const bp = c.baselinePeriod ? tryParsePeriod(c.baselinePeriod) : undefined;
  const assessment = judge(
    {
      baseline: c.baselineRank ?? null,
      baselineDate: bp ? periodBounds(bp).end : ctx.asOf,
      target: c.targetRank,
      direction: 'at-most',
      deadline: c.deadline,
    },
    latest,
    after,
    ctx.asOf,
    !!c.measure && history.length === 0,
  );
  const basis: Basis[] = [];
  let whatItTakes: IndicatorEvaluation['whatItTakes'] = null;
  const ranked = split.judged ?? split.after;
  if (ranked && m) {
    const unit = c.denominator ? (facts.measures.get(c.measure!)?.unit ?? '') : changeUnit(m.unit);
    const mode = changeModeOf(m.unit, c.denominator);
    const w = changeToReachRank(ranked.ranking, c.area, c.targetRank, mode);
    if (w)
      whatItTakes = {
        change: w.change,
        unit,
        rankAfter: w.rankAfter,
        text: `${changeText(w.change, unit)} for at nå nr. ${c.targetRank} (${periodLabel(ranked.period)})`,
      };
    basis.push({
      figure: 'Placering',
      periods: [ranked.period],
      areas: [`${ranked.ranking.ranking.length} kommuner`],
      formula: `${c.denominator ? `${c.measure} ÷ ${c.denominator}` : c.measure}, ${c.direction === 'lower' ? 'lavest' : 'højest'} er nr. 1; lige værdier deler placering`,
      source,
    });
    basis.push({
      figure: 'Hvad der skal til',
      periods: [ranked.period],
      areas: [facts.areaName(c.area)],
      formula:
        mode === 'whole'
          ? 'Mindste hele ændring af kommunens antal (nævneren og de andre kommuner uændrede), kontrolleret ved ny rangering'
          : 'Ændring af kommunens egen værdi til værdien på målpladsen, kontrolleret ved ny rangering',
      source,
    });
  }
  const baseline = c.baselineRank ? { value: c.baselineRank, period: c.baselinePeriod ?? null } : null;
  const of = ranked ? ranked.ranking.ranking.length : 98;
  return {
    ...out,
    latest,
    afterDeadline: afterLabel(after),
    baseline,
    target: c.targetRank,
    direction: 'at-most',
    unit: 'placering',
    assessment,
    progressText: latest ? `nr. ${latest.value} ud af ${of}` : null,
    trend: history
      .filter((h) => periodEnd(h.period) <= ctx.asOf)
      .slice(-12)
      .map((h) => ({ period: h.period, value: h.self.rank })),
    rankHistory: history.map((h) => ({ period: h.period, rank: h.self.rank, of: h.ranking.ranking.length })),
    development: development(baseline, latest, 'placering'),
    whatItTakes,
    basis,
  };
}

/** The group a benchmark compares with, in a year: the whole country or the comparison area's members. */
export function comparisonGroup(
  facts: Facts,
  area: string,
  compareWith: 'land' | 'sammenligningsområde',
  year: number,
): { id: string; name: string; members: string[] } | undefined {
  if (compareWith === 'land')
    return { id: COUNTRY_ID, name: 'Hele landet', members: MUNICIPALITIES.map((m) => m.id) };
  const comp = facts.memberships(area, year);
  if (!comp) return undefined;
  return { id: comp.id, name: comp.name, members: facts.membersOf(comp.id, year) };
}

/** The value of a group (country, comparison area) in a period for a measure, as a ratio of sums. */
export function groupValueOf(
  facts: Facts,
  measure: string,
  denominator: string | undefined,
  group: { id: string; members: readonly string[] },
  period: string,
): GroupValue {
  const m = facts.measures.get(measure);
  const shareCount = SHARE_COUNTS[measure];
  return groupValue({
    groupId: group.id,
    members: group.members,
    period,
    unit: m?.unit ?? '',
    values: facts.crossSections.get(measure) ?? new Map(),
    ...(denominator
      ? { denominator: { id: denominator, values: facts.crossSections.get(denominator) ?? new Map() } }
      : {}),
    ...(shareCount && facts.crossSections.has(shareCount)
      ? { shareCount: { id: shareCount, values: facts.crossSections.get(shareCount)! } }
      : {}),
  });
}

/** Own value in a period: a rate × 100 with a denominator, else the value itself. */
function ownValue(
  facts: Facts,
  measure: string,
  denominator: string | undefined,
  area: string,
  period: string,
) {
  const n = facts.crossSections.get(measure)?.get(period)?.get(area);
  if (n == null) return null;
  if (!denominator) return { value: n, numerator: n, denominator: 1 };
  const d = facts.crossSections.get(denominator)?.get(period)?.get(area);
  if (d == null || !(d > 0)) return null;
  return { value: (n / d) * 100, numerator: n, denominator: d };
}

function benchmark(c: BenchmarkConfig, facts: Facts, ctx: EvaluationContext): Partial {
  const out = blank(ctx.asOf, c.deadline);
  const m = facts.measures.get(c.measure);
  const unit = c.denominator ? 'pct.' : (m?.unit ?? '');
  const source = m?.attribution ?? '';
  if (!c.denominator && isCountUnit(unit))
    return {
      ...out,
      unit,
      assessment: none(
        'Et antal har intet gennemsnit at sammenligne med: vælg en andel, eller angiv en nævner (fx befolkningen).',
      ),
    };
  const rows = sortedPeriods(facts.crossSections.get(c.measure))
    .map((period) => ({ period, own: ownValue(facts, c.measure, c.denominator, c.area, period) }))
    .filter((r): r is { period: string; own: NonNullable<typeof r.own> } => r.own !== null);
  const split = splitAtDeadline(rows, ctx.asOf, c.deadline);
  const pick = split.judged ?? null;
  const compare = (row: (typeof rows)[number]) => {
    const year = Number(row.period.slice(0, 4));
    const group = comparisonGroup(facts, c.area, c.compareWith, year);
    const gv = group ? groupValueOf(facts, c.measure, c.denominator, group, row.period) : undefined;
    return { group, gv };
  };
  const toValue = (r: (typeof rows)[number] | undefined): ValueAt | null =>
    r ? { value: r.own.value, period: r.period, date: periodEnd(r.period), source } : null;
  const latest = toValue(pick ?? undefined);
  const after = toValue(split.after);
  if (!latest) {
    return {
      ...out,
      unit,
      afterDeadline: afterLabel(after),
      direction: c.direction === 'lower' ? 'at-most' : 'at-least',
      assessment: after
        ? none(
            `Der er ingen tal fra perioder til og med fristen ${formatDateDa(c.deadline)}; tallet for ${periodLabel(after.period)} er fra efter fristen.`,
          )
        : none(NO_FIGURES_REASON),
    };
  }
  const { group, gv } = compare(pick!);
  const compName = group?.name ?? 'sammenligningsområdet';
  if (!group || !gv || gv.value === null) {
    return {
      ...out,
      latest,
      afterDeadline: afterLabel(after),
      unit,
      direction: c.direction === 'lower' ? 'at-most' : 'at-least',
      assessment: none(
        `${compName}s tal kan ikke beregnes for ${periodLabel(pick!.period)}: ${gv?.formula ?? ''}`.trim(),
      ),
    };
  }
  const own = latest.value;
  const avg = gv.value;
  const met = c.direction === 'lower' ? own <= avg : own >= avg;
  const gap = Math.abs(own - avg) / Math.max(Math.abs(avg), 1e-9);
  const status: AssessmentStatus = met
    ? 'opfyldt'
    : ctx.asOf >= c.deadline
      ? 'ikke opfyldt'
      : gap <= 0.1
        ? 'i risiko'
        : 'ikke på rette vej';
  // What it takes: whole persons with a denominator (numerator changed, denominator fixed), else the value.
  let change: number;
  let changeU: string;
  if (c.denominator && gv.numerator !== null && gv.denominator !== null) {
    change = changeToReachRate(
      pick!.own.numerator,
      pick!.own.denominator,
      gv.numerator,
      gv.denominator,
      c.direction,
    );
    changeU = m?.unit ?? '';
  } else {
    change = met ? 0 : cleanDifference(avg, own);
    changeU = changeUnit(unit);
  }
  const basis: Basis[] = [
    {
      figure: 'Kommunens værdi',
      periods: [pick!.period],
      areas: [facts.areaName(c.area)],
      formula: c.denominator ? `${c.measure} ÷ ${c.denominator} × 100` : `${m?.name ?? c.measure} (${unit})`,
      source,
    },
    {
      figure: `${compName}s værdi`,
      periods: [pick!.period],
      areas: [`${compName} (${gv.members} kommuner)`],
      formula: gv.formula,
      source,
    },
  ];
  const firstRow = rows.find((r) => periodEnd(r.period) >= ctx.planStart) ?? rows[0];
  return {
    ...out,
    latest,
    afterDeadline: afterLabel(after),
    target: avg,
    direction: c.direction === 'lower' ? 'at-most' : 'at-least',
    unit,
    assessment: {
      status,
      expected: avg,
      gap: null,
      attainment: null,
      reason: `${facts.areaName(c.area)} sammenlignet med ${compName} i ${periodLabel(pick!.period)} (${gv.basis}).`,
    },
    trend: rows
      .filter((r) => periodEnd(r.period) <= ctx.asOf)
      .slice(-12)
      .map((r) => ({ period: r.period, value: r.own.value })),
    comparison: {
      areaId: group.id,
      name: compName,
      value: avg,
      period: pick!.period,
      basis: gv.basis,
      formula: gv.formula,
    },
    whatItTakes: {
      change,
      unit: changeU,
      rankAfter: null,
      text: `${changeText(change, changeU)} for at nå ${compName}s niveau (${periodLabel(pick!.period)})`,
    },
    development: development(
      firstRow ? { value: firstRow.own.value, period: firstRow.period } : null,
      latest,
      unit,
    ),
    basis,
  };
}

function optaelling(c: OptaellingConfig, entry: EntryFact | undefined, ctx: EvaluationContext): Partial {
  const out = blank(ctx.asOf, c.deadline);
  if (entry?.value === null || entry?.value === undefined)
    return {
      ...out,
      target: c.target,
      unit: c.unit,
      assessment: none('Der er ikke indtastet et tal.', 'ikke vurderet'),
    };
  const p = countProgress(entry.value, c.target, c.startDate, c.deadline, ctx.asOf);
  let status: AssessmentStatus;
  if (p.count >= p.target) status = 'opfyldt';
  else if (ctx.asOf >= c.deadline) status = 'ikke opfyldt';
  else {
    const ratio = p.expectedByNow > 0 ? p.count / p.expectedByNow : 1;
    status = ratio >= 0.9 ? 'på rette vej' : ratio >= 0.65 ? 'i risiko' : 'ikke på rette vej';
  }
  return {
    ...out,
    latest: { value: p.count, period: entry.value_period, date: ctx.asOf, source: 'indtastet' },
    target: c.target,
    direction: 'at-least',
    unit: c.unit,
    progressText: `${p.count} af ${p.target} ${c.unit} (${Math.round(p.attainment * 100)} %)`,
    assessment: {
      status,
      expected: p.expectedByNow,
      gap: null,
      attainment: p.attainment,
      reason: `${Math.round(p.elapsed * 100)} % af perioden er gået; på en lige vej ville tallet være ${Math.round(p.expectedByNow)}.`,
    },
    basis: [
      {
        figure: 'Forventet nu',
        periods: [c.startDate, ctx.asOf, c.deadline],
        areas: [],
        formula: 'Måltal × andel af perioden, der er gået',
        source: 'Indtastet i statusrunden',
      },
    ],
  };
}

function milepael(c: { deadline?: string }, entry: EntryFact | undefined, ctx: EvaluationContext): Partial {
  const out = blank(ctx.asOf, c.deadline);
  const done = entry?.done;
  let assessment: Assessment;
  if (done === true)
    assessment = {
      status: 'opfyldt',
      expected: null,
      gap: null,
      attainment: 1,
      reason: 'Milepælen er nået.',
    };
  else if (done === false && c.deadline && ctx.asOf >= c.deadline)
    assessment = {
      status: 'ikke opfyldt',
      expected: null,
      gap: null,
      attainment: 0,
      reason: 'Milepælen blev ikke nået inden fristen.',
    };
  else if (done === false) assessment = none('Milepælen er ikke nået endnu; fristen er ikke overskredet.');
  else assessment = none('Der er ikke angivet en status for milepælen.', 'ikke vurderet');
  return {
    ...out,
    progressText: done === true ? 'Gennemført' : done === false ? 'Ikke gennemført' : 'Ingen status',
    assessment,
  };
}

// ---------- the plan ----------

function evaluateIndicator(ind: ParsedIndicator, facts: Facts, ctx: EvaluationContext): IndicatorEvaluation {
  const entry = ctx.entries.get(ind.id);
  let ev: Partial;
  switch (ind.kind) {
    case 'niveau':
      ev = niveau(ind.config, entry, facts, ctx);
      break;
    case 'andel':
      ev = andel(ind.config, entry, facts, ctx);
      break;
    case 'placering':
      ev = placering(ind.config, entry, facts, ctx);
      break;
    case 'benchmark':
      ev = benchmark(ind.config, facts, ctx);
      break;
    case 'optælling':
      ev = optaelling(ind.config, entry, ctx);
      break;
    case 'milepæl':
      ev = milepael(ind.config, entry, ctx);
      break;
    case 'ugyldig':
      ev = { ...blank(ctx.asOf, undefined), assessment: none(ind.reason) };
      break;
  }
  const override = entry?.assessment_override
    ? { status: entry.assessment_override, reason: entry.override_reason ?? '' }
    : null;
  return {
    indicatorId: ind.id,
    kind: ind.kind,
    asOf: ctx.asOf,
    ...ev,
    override,
    status: (override?.status as AssessmentStatus) ?? ev.assessment.status,
  };
}

/** Evaluates every indicator of a plan at ctx.asOf; results in the order given. */
export function evaluatePlan(
  indicators: readonly ParsedIndicator[],
  facts: Facts,
  ctx: EvaluationContext,
): IndicatorEvaluation[] {
  return indicators.map((i) => evaluateIndicator(i, facts, ctx));
}

export type { Period };
