// Presenters: database rows (and published snapshots, which hold the same rows as JSON) → the shapes of the
// HTTP contract (src/contract/plans.ts): camelCase, ids as strings, moments as ISO strings, no internal
// columns (archive marks, who saved an entry, timestamps the client does not use).
import type {
  AuditEntry,
  Dashboard,
  Entry,
  Evaluation,
  FocusArea,
  Goal,
  Indicator,
  Plan,
  PlanItem,
  PlanView,
  Round,
  RoundView,
} from '../../contract/plans.ts';
import { dateColumn } from '../../domain/dates.ts';

import type { IndicatorEvaluation } from '../../domain/evaluation/result.ts';

type IdLike = string | number | bigint;
type Moment = Date | string | null | undefined;

const id = (v: IdLike) => String(v);
const idOrNull = (v: IdLike | null | undefined) => (v === null || v === undefined ? null : String(v));
const iso = (v: Moment) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : v);
const day = dateColumn;
const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

export interface PlanRow {
  id: IdLike;
  municipality: string;
  slug: string;
  title: string;
  year_from: number;
  year_to: number;
  intro: string;
  status: Plan['status'];
  adopted_on: Date | string | null;
  follow_up?: Plan['followUp'];
  revision: number;
}

export const presentPlan = (p: PlanRow): Plan => ({
  id: id(p.id),
  municipality: p.municipality,
  slug: p.slug,
  title: p.title,
  yearFrom: p.year_from,
  yearTo: p.year_to,
  intro: p.intro,
  status: p.status,
  adoptedOn: p.adopted_on === null ? null : day(p.adopted_on),
  followUp: p.follow_up ?? null,
  revision: p.revision,
});

export const presentFocusArea = (f: {
  id: IdLike;
  position: number;
  title: string;
  text: string;
}): FocusArea => ({
  id: id(f.id),
  position: f.position,
  title: f.title,
  text: f.text,
});

export interface GoalRow {
  id: IdLike;
  plan_id: IdLike;
  number: string;
  kind: Goal['kind'];
  title: string;
  text: string;
  position: number;
  revision: number;
}

export const presentGoal = (g: GoalRow): Goal => ({
  id: id(g.id),
  planId: id(g.plan_id),
  number: g.number,
  kind: g.kind,
  title: g.title,
  text: g.text,
  position: g.position,
  revision: g.revision,
});

export interface IndicatorRowIn {
  id: IdLike;
  goal_id: IdLike;
  kind: Indicator['kind'];
  title: string;
  config: unknown;
  source_note: string;
  position: number;
  revision: number;
  responsible_user_id?: IdLike | null;
}

export const presentIndicator = (i: IndicatorRowIn): Indicator => ({
  id: id(i.id),
  goalId: id(i.goal_id),
  kind: i.kind,
  title: i.title,
  config: (json(i.config) ?? {}) as Record<string, unknown>,
  sourceNote: i.source_note,
  position: i.position,
  revision: i.revision,
  responsibleUserId: idOrNull(i.responsible_user_id),
});

export interface RoundRow {
  id: IdLike;
  plan_id: IdLike;
  title: string;
  as_of: Date | string;
  status: Round['status'];
  published_at?: Moment;
  corrects_round_id?: IdLike | null;
}

export const presentRound = (r: RoundRow): Round => ({
  id: id(r.id),
  planId: id(r.plan_id),
  title: r.title,
  asOf: day(r.as_of),
  status: r.status,
  publishedAt: iso(r.published_at),
  correctsRoundId: idOrNull(r.corrects_round_id),
});

export interface EntryRow {
  id: IdLike;
  round_id: IdLike;
  indicator_id: IdLike;
  text: string;
  value: number | string | null;
  value_period: string | null;
  value_source: string | null;
  done: boolean | null;
  assessment_override: string | null;
  override_reason: string | null;
  revision: number;
  updated_at?: Moment;
  carried_over?: boolean;
}

export const presentEntry = (e: EntryRow): Entry => ({
  id: id(e.id),
  roundId: id(e.round_id),
  indicatorId: id(e.indicator_id),
  text: e.text,
  value: e.value === null ? null : Number(e.value),
  valuePeriod: e.value_period,
  valueSource: e.value_source,
  done: e.done,
  assessmentOverride: e.assessment_override,
  overrideReason: e.override_reason,
  revision: e.revision,
  updatedAt: iso(e.updated_at),
  carriedOver: !!e.carried_over,
});

/**
 * An evaluation as the API shows it. Live evaluations already have this shape; a snapshot published before
 * a field existed gets that field's empty value, so an old round still answers.
 */
export function presentEvaluation(ev: IndicatorEvaluation): Evaluation {
  const e = ev as Partial<IndicatorEvaluation> & IndicatorEvaluation;
  return {
    indicatorId: id(e.indicatorId),
    kind: e.kind,
    asOf: e.asOf,
    judgedAt: e.judgedAt ?? e.asOf,
    latest: e.latest ?? null,
    afterDeadline: e.afterDeadline ?? null,
    baseline: e.baseline ?? null,
    target: e.target ?? null,
    direction: e.direction ?? null,
    unit: e.unit,
    assessment: e.assessment,
    status: e.status,
    override: e.override ?? null,
    consistency: e.consistency ?? null,
    progressText: e.progressText ?? null,
    trend: e.trend ?? [],
    development: e.development ?? null,
    rankHistory: e.rankHistory ?? [],
    comparison: e.comparison ?? null,
    whatItTakes: e.whatItTakes ?? null,
    basis: e.basis ?? [],
  };
}

export interface ItemRow {
  indicator: IndicatorRowIn;
  entry: EntryRow | null;
  evaluation: IndicatorEvaluation;
}

export const presentItem = (i: ItemRow): PlanItem => ({
  indicator: presentIndicator(i.indicator),
  entry: i.entry ? presentEntry(i.entry) : null,
  evaluation: presentEvaluation(i.evaluation),
});

export interface PlanViewRow {
  plan: PlanRow;
  focus: { id: IdLike; position: number; title: string; text: string }[];
  goals: GoalRow[];
  indicators: IndicatorRowIn[];
  rounds: RoundRow[];
  member: boolean;
  canEdit: boolean;
}

export const presentPlanView = (v: PlanViewRow): PlanView => ({
  plan: presentPlan(v.plan),
  focus: v.focus.map(presentFocusArea),
  goals: v.goals.map(presentGoal),
  indicators: v.indicators.map(presentIndicator),
  rounds: v.rounds.map(presentRound),
  member: v.member,
  canEdit: v.canEdit,
});

export const presentDashboard = (
  d: Omit<PlanViewRow, 'goals'> & { goals: unknown[]; asOf: string; items: unknown[] },
): Dashboard => ({
  ...presentPlanView({ ...d, goals: d.goals as GoalRow[] }),
  asOf: d.asOf,
  items: (d.items as ItemRow[]).map(presentItem),
});

export interface RoundViewRow {
  round: RoundRow & { municipality: string };
  plan: PlanRow;
  goals: GoalRow[];
  items: ItemRow[];
  summary: Record<string, number>;
  frozen: boolean;
  member: boolean;
  canEdit: boolean;
  corrections: { id: IdLike; title: string; status: Round['status'] }[];
  drafts?: Record<string, string>;
  missing?: RoundView['missing'];
}

export function presentRoundView(v: RoundViewRow): RoundView {
  return {
    round: { ...presentRound(v.round), municipality: v.round.municipality },
    plan: presentPlan(v.plan),
    goals: v.goals.map(presentGoal),
    items: v.items.map(presentItem),
    summary: v.summary,
    frozen: v.frozen,
    member: v.member,
    canEdit: v.canEdit,
    corrections: v.corrections.map((c) => ({ id: id(c.id), title: c.title, status: c.status })),
    ...(v.drafts ? { drafts: v.drafts } : {}),
    ...(v.missing ? { missing: v.missing } : {}),
  };
}

export const presentAuditEntry = (a: {
  id: IdLike;
  at: Date | string;
  user_label: string;
  action: string;
  entity: string;
  entity_id: IdLike | null;
  before: unknown;
  after: unknown;
}): AuditEntry => ({
  id: id(a.id),
  at: iso(a.at) ?? '',
  userLabel: a.user_label,
  action: a.action,
  entity: a.entity,
  entityId: idOrNull(a.entity_id),
  before: json(a.before),
  after: json(a.after),
});
