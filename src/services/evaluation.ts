// Evaluating a plan: parse its indicators once, load the facts they need in a fixed number of queries,
// and run the pure engine. Every place that shows a status (dashboard, round, public page, reports, API)
// comes through here.
import type { Kysely } from 'kysely';
import { PTV_MEASURE_PREFIX } from '../data/benefit-groups.ts';
import type { DB } from '../db/schema.ts';
import { crossSectionMeasures, evaluatePlan, factNeeds } from '../domain/evaluation/engine.ts';
import type { EntryFact } from '../domain/evaluation/facts.ts';
import { type ComparisonHistory, comparisonHistory } from '../domain/evaluation/history.ts';
import { parseIndicator } from '../domain/evaluation/parse.ts';
import type { IndicatorEvaluation } from '../domain/evaluation/result.ts';
import { resolveBenefitMeasure } from './benefit-groups.ts';
import { loadFacts } from './evaluation-facts.ts';

export type { IndicatorEvaluation } from '../domain/evaluation/result.ts';
/** The evaluation of one indicator (the name the reports and routes use). */
export type Evaluation = IndicatorEvaluation;

export interface IndicatorRow {
  id: string;
  title: string;
  kind: string;
  config: unknown;
}

/**
 * Indicators on a benefit-group measure (Jobindsats ptv_a02) are evaluated on the AUK01 group of the same
 * benefit group while ptv_a02 is not imported (resolveBenefitMeasure). Only the evaluation's copy of the
 * config changes; the stored indicator keeps the measure the plan chose. Costs at most two queries per
 * distinct ptv_a02 measure (13 benefit groups and totals at most), none for a plan without them.
 */
async function withResolvedMeasures<T extends IndicatorRow>(
  db: Kysely<DB>,
  indicators: readonly T[],
): Promise<T[]> {
  const measureOf = (i: IndicatorRow) => {
    const m = (i.config as { measure?: unknown } | null)?.measure;
    return typeof m === 'string' && m.startsWith(`${PTV_MEASURE_PREFIX}.`) ? m : undefined;
  };
  const wanted = [...new Set(indicators.map(measureOf).filter((m): m is string => !!m))];
  if (wanted.length === 0) return [...indicators];
  const resolved = new Map(
    await Promise.all(wanted.map(async (m) => [m, (await resolveBenefitMeasure(db, m)).measure] as const)),
  );
  return indicators.map((i) => {
    const from = measureOf(i);
    const to = from ? resolved.get(from) : undefined;
    return to && to !== from ? { ...i, config: { ...(i.config as object), measure: to } } : i;
  });
}

/** Evaluates the indicators of one plan at `asOf`; results keyed by indicator id. */
export async function evaluateIndicators(
  db: Kysely<DB>,
  plan: { year_from: number },
  indicators: readonly IndicatorRow[],
  entries: ReadonlyMap<string, EntryFact>,
  asOf: string,
): Promise<Map<string, IndicatorEvaluation>> {
  const parsed = (await withResolvedMeasures(db, indicators)).map(parseIndicator);
  const facts = await loadFacts(db, factNeeds(parsed));
  const results = evaluatePlan(parsed, facts, { asOf, planStart: `${plan.year_from}-01-01`, entries });
  return new Map(results.map((r) => [r.indicatorId, r]));
}

/**
 * One indicator with the series its page and report chart draw: own, comparison area and country
 * (ratios of sums) for level and benchmark indicators linked to a statistic.
 */
export async function evaluateWithHistory(
  db: Kysely<DB>,
  plan: { year_from: number },
  indicator: IndicatorRow,
  entry: EntryFact | null,
  asOf: string,
): Promise<{ evaluation: IndicatorEvaluation; history: ComparisonHistory | null }> {
  const [resolved] = await withResolvedMeasures(db, [indicator]);
  const parsed = parseIndicator(resolved!);
  const needs = factNeeds([parsed]);
  const linked =
    (parsed.kind === 'niveau' || parsed.kind === 'benchmark') && parsed.config.measure
      ? {
          measure: parsed.config.measure,
          area: parsed.config.area,
          denominator: parsed.kind === 'benchmark' ? parsed.config.denominator : undefined,
        }
      : undefined;
  if (linked)
    needs.crossSections = [
      ...new Set([...needs.crossSections, ...crossSectionMeasures(linked.measure, linked.denominator)]),
    ];
  const facts = await loadFacts(db, needs);
  const [evaluation] = evaluatePlan([parsed], facts, {
    asOf,
    planStart: `${plan.year_from}-01-01`,
    entries: entry ? new Map([[parsed.id, entry]]) : new Map(),
  });
  const history = linked ? comparisonHistory(facts, linked.measure, linked.denominator, linked.area) : null;
  return { evaluation: evaluation!, history };
}

/**
 * The chart series of every level and benchmark indicator of a plan linked to a statistic, in a fixed number
 * of queries (the report draws one chart per such indicator).
 */
export async function planHistories(
  db: Kysely<DB>,
  indicators: readonly IndicatorRow[],
): Promise<Map<string, ComparisonHistory>> {
  const linked = (await withResolvedMeasures(db, indicators)).map(parseIndicator).flatMap((p) =>
    (p.kind === 'niveau' || p.kind === 'benchmark') && p.config.measure
      ? [
          {
            id: p.id,
            measure: p.config.measure,
            area: p.config.area,
            denominator: p.kind === 'benchmark' ? p.config.denominator : undefined,
          },
        ]
      : [],
  );
  const out = new Map<string, ComparisonHistory>();
  if (linked.length === 0) return out;
  const facts = await loadFacts(db, {
    series: [],
    crossSections: [...new Set(linked.flatMap((l) => crossSectionMeasures(l.measure, l.denominator)))],
  });
  for (const l of linked) {
    const h = comparisonHistory(facts, l.measure, l.denominator, l.area);
    if (h) out.set(l.id, h);
  }
  return out;
}
