// The HTTP contract of plans, goals, indicators, status rounds and their entries, the dashboard, an indicator's
// history and evaluation, and the municipality's users and audit trail (src/server/routes/plans.ts).
// Request schemas (…Input) and response schemas; the web app imports the `z.infer` types only.
import { z } from 'zod';
import {
  ASSESSMENT_ORDER,
  type AssessmentStatus as AssessmentStatusName,
  OVERRIDE_STATUSES,
} from '../domain/assessment.ts';
import { int4, isoDate } from '../domain/bounds.ts';
import { INDICATOR_KINDS } from '../domain/indicators.ts';
import { ROLES } from '../domain/roles.ts';
import { Basis, Id, IsoDate, Timestamp } from './common.ts';

// ---------------------------------------------------------------- requests

export const PLAN_STATUSES = ['udkast', 'vedtaget', 'arkiveret'] as const;
export const GOAL_KINDS = ['ministermål', 'lokalt mål'] as const;
export const ROUND_STATUSES = ['udkast', 'offentliggjort'] as const;
export const FOLLOW_UP_VALUES = ['kvartalsvis', 'halvårlig'] as const;

export const PlanInput = z.object({
  title: z.string().trim().min(1, 'Titlen skal udfyldes.').max(200, 'Titlen må højst have 200 tegn.'),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Kortnavnet må kun have små bogstaver a–z, tal og bindestreger')
    .optional(),
  yearFrom: z
    .number({ error: 'Startåret skal være et årstal.' })
    .int('Startåret skal være et årstal.')
    .min(2000, 'Startåret skal ligge mellem 2000 og 2100.')
    .max(2100, 'Startåret skal ligge mellem 2000 og 2100.'),
  yearTo: z
    .number({ error: 'Slutåret skal være et årstal.' })
    .int('Slutåret skal være et årstal.')
    .min(2000, 'Slutåret skal ligge mellem 2000 og 2100.')
    .max(2100, 'Slutåret skal ligge mellem 2000 og 2100.'),
  intro: z.string().max(20_000, 'Indledningen må højst have 20.000 tegn.').default(''),
  status: z.enum(PLAN_STATUSES).default('udkast'),
  adoptedOn: isoDate.nullable().default(null),
  focusAreas: z
    .array(z.object({ title: z.string().min(1).max(1000), text: z.string().max(20_000).default('') }))
    .max(100)
    .default([]),
});
export type PlanInput = z.infer<typeof PlanInput>;

export const GoalInput = z.object({
  number: z.string().trim().min(1, 'Nummeret skal udfyldes.').max(10, 'Nummeret må højst have 10 tegn.'),
  kind: z.enum(GOAL_KINDS, { error: 'Vælg ministermål eller lokalt mål.' }),
  title: z.string().trim().min(1, 'Målet skal have en tekst.').max(1000, 'Målet må højst have 1.000 tegn.'),
  text: z.string().max(20_000, 'Beskrivelsen må højst have 20.000 tegn.').default(''),
  position: int4().min(0).default(0),
});
export type GoalInput = z.infer<typeof GoalInput>;

export const IndicatorInput = z.object({
  kind: z.enum(INDICATOR_KINDS, { error: 'Vælg en type af indikator.' }),
  title: z
    .string()
    .trim()
    .min(1, 'Indikatoren skal have en tekst.')
    .max(1000, 'Indikatoren må højst have 1.000 tegn.'),
  config: z.record(z.string(), z.unknown()),
  sourceNote: z.string().max(2000, 'Kilde / note må højst have 2.000 tegn.').default(''),
  position: int4().min(0).default(0),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const EntryInput = z.object({
  text: z.string().max(20_000).default(''),
  value: z.number().nullable().default(null),
  valuePeriod: z.string().max(40).nullable().default(null),
  valueSource: z.string().max(500).nullable().default(null),
  done: z.boolean().nullable().default(null),
  assessmentOverride: z.enum(OVERRIDE_STATUSES).nullable().default(null),
  overrideReason: z.string().max(2000).nullable().default(null),
  /** The revision the user started from; null for a new entry. */
  revision: int4().nullable().default(null),
});
export type EntryInput = z.infer<typeof EntryInput>;

export const RoundInput = z.object({ title: z.string().trim().min(1).max(200), asOf: isoDate });
export type RoundInput = z.infer<typeof RoundInput>;

export const InviteInput = z.object({
  email: z.string().trim().min(3),
  name: z.string().trim().min(1),
  role: z.enum(ROLES),
});

// ---------------------------------------------------------------- objects

/** A plan. `revision` goes back with the next save (a stale one is refused with 409). */
export const Plan = z.object({
  id: Id,
  municipality: z.string(),
  slug: z.string(),
  title: z.string(),
  yearFrom: z.number(),
  yearTo: z.number(),
  intro: z.string(),
  status: z.enum(PLAN_STATUSES),
  adoptedOn: IsoDate.nullable(),
  followUp: z.enum(FOLLOW_UP_VALUES).nullable(),
  revision: z.number(),
});
export type Plan = z.infer<typeof Plan>;

export const FocusArea = z.object({ id: Id, position: z.number(), title: z.string(), text: z.string() });
export type FocusArea = z.infer<typeof FocusArea>;

export const Goal = z.object({
  id: Id,
  planId: Id,
  number: z.string(),
  kind: z.enum(GOAL_KINDS),
  title: z.string(),
  text: z.string(),
  position: z.number(),
  revision: z.number(),
});
export type Goal = z.infer<typeof Goal>;

export const Indicator = z.object({
  id: Id,
  goalId: Id,
  kind: z.enum(INDICATOR_KINDS),
  title: z.string(),
  config: z.record(z.string(), z.unknown()),
  sourceNote: z.string(),
  position: z.number(),
  revision: z.number(),
  responsibleUserId: Id.nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** A status round (without its published snapshot). */
export const Round = z.object({
  id: Id,
  planId: Id,
  title: z.string(),
  asOf: IsoDate,
  status: z.enum(ROUND_STATUSES),
  publishedAt: Timestamp.nullable(),
  correctsRoundId: Id.nullable(),
});
export type Round = z.infer<typeof Round>;

/** One indicator's status text and figures in one round. */
export const Entry = z.object({
  id: Id,
  roundId: Id,
  indicatorId: Id,
  text: z.string(),
  value: z.number().nullable(),
  valuePeriod: z.string().nullable(),
  valueSource: z.string().nullable(),
  done: z.boolean().nullable(),
  assessmentOverride: z.string().nullable(),
  overrideReason: z.string().nullable(),
  revision: z.number(),
  updatedAt: Timestamp.nullable(),
  /** Copied from the previous round and not edited since. */
  carriedOver: z.boolean(),
});
export type Entry = z.infer<typeof Entry>;

// ---------------------------------------------------------------- evaluation (src/domain/evaluation/result.ts)

const Direction = z.enum(['at-most', 'at-least']);
const AssessmentStatus = z.enum(
  ASSESSMENT_ORDER as readonly [AssessmentStatusName, ...AssessmentStatusName[]],
);
const PeriodValue = z.object({ period: z.string(), value: z.number().nullable() });
const ValueAt = z.object({
  value: z.number(),
  period: z.string().nullable(),
  date: z.string(),
  source: z.string(),
  importId: z.string().optional(),
});
export const BasisLine = Basis;
export type BasisLine = Basis;

export const Evaluation = z.object({
  indicatorId: Id,
  kind: z.string(),
  asOf: IsoDate,
  judgedAt: IsoDate,
  latest: ValueAt.nullable(),
  afterDeadline: ValueAt.extend({ label: z.literal('efter fristen') }).nullable(),
  baseline: z.object({ value: z.number(), period: z.string().nullable() }).nullable(),
  target: z.number().nullable(),
  direction: Direction.nullable(),
  unit: z.string(),
  assessment: z.object({
    status: AssessmentStatus,
    expected: z.number().nullable(),
    gap: z.number().nullable(),
    attainment: z.number().nullable(),
    reason: z.string(),
  }),
  status: AssessmentStatus,
  override: z.object({ status: z.string(), reason: z.string() }).nullable(),
  consistency: z
    .object({
      consistent: z.boolean(),
      checkable: z.boolean(),
      derived: z.object({
        baseline: z.number().optional(),
        target: z.number().optional(),
        pct: z.number().optional(),
        persons: z.number().optional(),
      }),
      issues: z.array(
        z.object({
          field: z.enum(['pct', 'persons', 'target', 'direction']),
          stated: z.number(),
          expected: z.number(),
          difference: z.number(),
          message: z.string(),
        }),
      ),
    })
    .nullable(),
  progressText: z.string().nullable(),
  trend: z.array(PeriodValue),
  development: z
    .object({
      from: z.object({ value: z.number(), period: z.string().nullable() }),
      to: z.object({ value: z.number(), period: z.string().nullable() }),
      change: z.number(),
      pct: z.number().nullable(),
      unit: z.string(),
    })
    .nullable(),
  rankHistory: z.array(z.object({ period: z.string(), rank: z.number(), of: z.number() })),
  comparison: z
    .object({
      areaId: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      period: z.string(),
      basis: z.string(),
      formula: z.string(),
    })
    .nullable(),
  whatItTakes: z
    .object({ change: z.number(), unit: z.string(), text: z.string(), rankAfter: z.number().nullable() })
    .nullable(),
  basis: z.array(BasisLine),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** One indicator with its status entry (or none) and its evaluation: a row of the dashboard and a round. */
export const PlanItem = z.object({ indicator: Indicator, entry: Entry.nullable(), evaluation: Evaluation });
export type PlanItem = z.infer<typeof PlanItem>;

// ---------------------------------------------------------------- answers

export const PlanList = z.object({ plans: z.array(Plan) });
export type PlanList = z.infer<typeof PlanList>;

/** GET /plans/:id: the plan with what the reader may see of it. */
export const PlanView = z.object({
  plan: Plan,
  focus: z.array(FocusArea),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  rounds: z.array(Round),
  member: z.boolean(),
  canEdit: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

/** GET /plans/:id/dashboard: every indicator evaluated at `asOf`. */
export const Dashboard = PlanView.extend({ asOf: IsoDate, items: z.array(PlanItem) });
export type Dashboard = z.infer<typeof Dashboard>;

/** GET /indicators/:id/history */
export const IndicatorHistory = z.object({
  indicator: Indicator,
  plan: Plan,
  evaluation: Evaluation,
  history: z
    .object({
      unit: z.string(),
      own: z.array(PeriodValue),
      comparison: z.object({ area: z.string(), name: z.string(), points: z.array(PeriodValue) }).nullable(),
      country: z.array(PeriodValue),
      basis: z.string(),
      source: z.string(),
    })
    .nullable(),
  forecast: z.array(
    z.object({
      period: z.string(),
      value: z.number(),
      lower: z.number(),
      upper: z.number(),
      calibrated: z.boolean(),
    }),
  ),
  forecastMethod: z
    .object({
      method: z.string(),
      label: z.string(),
      beatsSeasonalNaive: z.boolean(),
      backtestMape: z.number().nullable(),
      seasonalNaiveMape: z.number().nullable(),
      calibratedHorizon: z.number(),
      notes: z.array(z.string()),
    })
    .nullable(),
  /** Why no forecast is drawn, in Danish (null when there is one). */
  forecastAbsent: z.string().nullable(),
  probability: z.number().nullable(),
  /** The indicator's status texts in the rounds the reader may see, oldest first. */
  texts: z.array(
    z.object({
      round: z.string(),
      asOf: IsoDate,
      text: z.string(),
      value: z.number().nullable(),
      status: z.enum(ROUND_STATUSES),
    }),
  ),
});
export type IndicatorHistory = z.infer<typeof IndicatorHistory>;

/** GET /rounds/:id: published rounds as published (frozen), drafts live for the municipality. */
export const RoundView = z.object({
  round: Round.extend({ municipality: z.string() }),
  plan: Plan,
  goals: z.array(Goal),
  items: z.array(PlanItem),
  /** Number of indicators per status label ("Opfyldt": 2 …). */
  summary: z.record(z.string(), z.number()),
  frozen: z.boolean(),
  member: z.boolean(),
  canEdit: z.boolean(),
  corrections: z.array(z.object({ id: Id, title: z.string(), status: z.enum(ROUND_STATUSES) })),
  /** Text drafts from the statistics by indicator id (editors of a draft round only). */
  drafts: z.record(z.string(), z.string()).optional(),
  /** Indicators still without a status, by responsible person (draft rounds only). */
  missing: z
    .array(
      z.object({
        responsible: z.object({ id: Id, name: z.string() }).nullable(),
        indicators: z.array(z.object({ id: Id, title: z.string() })),
      }),
    )
    .optional(),
});
export type RoundView = z.infer<typeof RoundView>;

export const PlanAnswer = z.object({ plan: Plan });
export const GoalAnswer = z.object({ goal: Goal });
export const IndicatorAnswer = z.object({ indicator: Indicator });
export const RoundAnswer = z.object({ round: Round });
export const EntryAnswer = z.object({ entry: Entry });
export type PlanAnswer = z.infer<typeof PlanAnswer>;
export type GoalAnswer = z.infer<typeof GoalAnswer>;
export type IndicatorAnswer = z.infer<typeof IndicatorAnswer>;
export type RoundAnswer = z.infer<typeof RoundAnswer>;
export type EntryAnswer = z.infer<typeof EntryAnswer>;

// ---------------------------------------------------------------- administration

export const MunicipalityUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type MunicipalityUser = z.infer<typeof MunicipalityUser>;
export const UserList = z.object({ users: z.array(MunicipalityUser) });
export type UserList = z.infer<typeof UserList>;

/** The answer to an invitation: the one-time password is shown once, to the administrator. */
export const Invitation = z.object({ userId: Id, password: z.string(), note: z.string() });
export type Invitation = z.infer<typeof Invitation>;

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  userLabel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: Id.nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditTrail = z.object({ entries: z.array(AuditEntry) });
export type AuditTrail = z.infer<typeof AuditTrail>;

// ---------------------------------------------------------------- the public page

/** GET /public/:code/:slug: an adopted plan and its latest published round, as published. */
export const PublicPlan = z.object({
  plan: Plan,
  focus: z.array(FocusArea),
  goals: z.array(Goal),
  rounds: z.array(Round),
  member: z.literal(false),
  canEdit: z.literal(false),
  latestRound: z
    .object({
      round: Round,
      goals: z.array(Goal),
      items: z.array(PlanItem),
      summary: z.record(z.string(), z.number()),
    })
    .nullable(),
});
export type PublicPlan = z.infer<typeof PublicPlan>;
