// The result of evaluating one indicator: a plain, serialisable object (the dashboard, a round, the public
// page, the reports, the API and publish snapshots all read the same shape).
import type { Assessment, AssessmentStatus } from '../assessment.ts';
import type { ConsistencyResult, Direction } from '../targets.ts';

/** How a computed figure was obtained: periods, areas, formula and source. */
export interface Basis {
  /** Which figure this explains, e.g. "Seneste værdi", "Regionens andel", "Hvad der skal til". */
  figure: string;
  periods: string[];
  areas: string[];
  formula: string;
  source: string;
}

export interface ValueAt {
  value: number;
  period: string | null;
  /** Last day of the period (or the round's date for an entered value without period). */
  date: string;
  source: string;
  importId?: string;
}

export interface IndicatorEvaluation {
  indicatorId: string;
  kind: string;
  /** The date the plan is evaluated at (round's date, plan's end, or today in Copenhagen). */
  asOf: string;
  /** The goal is judged on periods up to this date: the earlier of the deadline and asOf. */
  judgedAt: string;
  latest: ValueAt | null;
  /** Once the deadline has passed: the newest value from after it, shown beside the judgement as "efter fristen". */
  afterDeadline: (ValueAt & { label: 'efter fristen' }) | null;
  baseline: { value: number; period: string | null } | null;
  target: number | null;
  direction: Direction | null;
  /** The unit of latest, baseline and target ('fuldtidspersoner', 'pct.', 'procentpoint', 'placering' …). */
  unit: string;
  assessment: Assessment;
  /** The status after an override, if any. */
  status: AssessmentStatus;
  override: { status: string; reason: string } | null;
  consistency: ConsistencyResult | null;
  /** A short Danish text of progress, e.g. "239 af 450 besøg (53 %)". */
  progressText: string | null;
  trend: { period: string; value: number | null }[];
  /** Change over the indicator's period: from its baseline (or first value in the plan) to the latest value. */
  development: {
    from: { value: number; period: string | null };
    to: { value: number; period: string | null };
    change: number;
    pct: number | null;
    unit: string;
  } | null;
  /** Rank over time for rank indicators linked to a statistic. */
  rankHistory: { period: string; rank: number; of: number }[];
  /** The value compared with (benchmark indicators): the group's rate as a ratio of sums. */
  comparison: {
    areaId: string;
    name: string;
    value: number | null;
    period: string;
    basis: string;
    formula: string;
  } | null;
  /** Smallest change of the own value that reaches the target (rank or average), in `unit`. */
  whatItTakes: { change: number; unit: string; text: string; rankAfter: number | null } | null;
  basis: Basis[];
}
