// Use cases on plans, goals, indicators and status rounds: access check, work and audit row in one
// transaction. Concurrent edits are caught by revisions: a save with a stale revision is refused (409)
// with both versions, never silently overwritten.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { findArea } from '../data/areas.ts';
import * as accounts from '../db/repositories/accounts.ts';
import * as created from '../db/repositories/idempotency.ts';
import * as plans from '../db/repositories/plans.ts';
import * as roundRepo from '../db/repositories/rounds.ts';
import type { DB } from '../db/schema.ts';
import { ASSESSMENT_LABELS } from '../domain/assessment.ts';
import { int4, isoDate } from '../domain/bounds.ts';
import { evaluationDate } from '../domain/evaluation/as-of.ts';
import { probabilityOfReaching } from '../domain/forecast.ts';
import { forecastToDeadline } from '../domain/forecast-deadline.ts';
import { INDICATOR_KINDS, validateConfig } from '../domain/indicators.ts';
import { formatDateDa } from '../domain/periods.ts';
import { type Actor, planReader, requireEditor, requireMember, roleIn } from './access.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { evaluateIndicators, evaluateWithHistory } from './evaluation.ts';
import { createOnce } from './idempotent.ts';
import { buildSnapshot, storeSnapshot } from './publish.ts';
import { publishedDashboard, publishedEvaluation } from './visibility.ts';

type Trx = Transaction<DB>;

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
  status: z.enum(['udkast', 'vedtaget', 'arkiveret']).default('udkast'),
  adoptedOn: isoDate.nullable().default(null),
  focusAreas: z
    .array(z.object({ title: z.string().min(1).max(1000), text: z.string().max(20_000).default('') }))
    .max(100)
    .default([]),
});
export type PlanInput = z.infer<typeof PlanInput>;

export const GoalInput = z.object({
  number: z.string().trim().min(1, 'Nummeret skal udfyldes.').max(10, 'Nummeret må højst have 10 tegn.'),
  kind: z.enum(['ministermål', 'lokalt mål'], { error: 'Vælg ministermål eller lokalt mål.' }),
  title: z.string().trim().min(1, 'Målet skal have en tekst.').max(1000, 'Målet må højst have 1.000 tegn.'),
  text: z.string().max(20_000, 'Beskrivelsen må højst have 20.000 tegn.').default(''),
  position: int4().min(0).default(0),
});

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

export type IndicatorKindInput = z.infer<typeof IndicatorInput>['kind'];

export const EntryInput = z.object({
  text: z.string().max(20_000).default(''),
  value: z.number().nullable().default(null),
  valuePeriod: z.string().max(40).nullable().default(null),
  valueSource: z.string().max(500).nullable().default(null),
  done: z.boolean().nullable().default(null),
  assessmentOverride: z
    .enum(['opfyldt', 'på rette vej', 'i risiko', 'ikke på rette vej', 'ikke opfyldt', 'kan ikke vurderes'])
    .nullable()
    .default(null),
  overrideReason: z.string().max(2000).nullable().default(null),
  /** The revision the user started from; null for a new entry. */
  revision: int4().nullable().default(null),
});

export function slugify(title: string): string {
  return title
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const label = (u: accounts.UserRecord) => u.email;

async function auditRow(
  trx: Trx,
  user: accounts.UserRecord,
  municipality: string,
  action: string,
  entity: string,
  id: string | null,
  before: unknown,
  after: unknown,
) {
  await accounts.audit(trx, {
    userId: user.id,
    userLabel: label(user),
    municipality,
    action,
    entity,
    entityId: id,
    before,
    after,
  });
}

/** Plans the actor may see: published ones everywhere, drafts only in its own municipalities. */
export async function listPlansFor(db: Kysely<DB>, actor: Actor, municipality?: string) {
  const rows = await plans.listPlans(db, municipality);
  return rows.filter((p) => p.status !== 'udkast' || roleIn(actor.user, p.municipality) !== null);
}

async function loadPlan(db: Kysely<DB> | Trx, id: string) {
  const p = await plans.findPlan(db, id);
  if (!p) throw notFound('Planen');
  return p;
}

/** Reading a plan: anyone when adopted or archived; members only for drafts. */
export async function readPlan(db: Kysely<DB>, actor: Actor, id: string) {
  const plan = await loadPlan(db, id);
  const member = planReader(actor, plan) !== null;
  const [focus, goals, indicators, rounds] = await Promise.all([
    plans.focusAreasOf(db, id),
    plans.goalsOf(db, id),
    plans.indicatorsOfPlan(db, id),
    plans.roundsOf(db, id),
  ]);
  const visibleRounds = member ? rounds : rounds.filter((r) => r.status === 'offentliggjort');
  return {
    plan,
    focus,
    goals,
    indicators,
    rounds: visibleRounds,
    member,
    canEdit: ['redaktør', 'administrator'].includes(roleIn(actor.user, plan.municipality) ?? ''),
  };
}

export async function createPlan(db: Kysely<DB>, actor: Actor, municipality: string, input: PlanInput) {
  if (findArea(municipality)?.kind !== 'kommune') throw notFound('Kommunen');
  const user = requireEditor(actor, municipality);
  if (input.yearTo < input.yearFrom) throw badRequest('Slutåret må ikke ligge før startåret.');
  const slug = input.slug || slugify(input.title);
  return db.transaction().execute(async (trx) => {
    if (await plans.findPlanBySlug(trx, municipality, slug))
      throw conflict(`Kommunen har allerede en plan med kortnavnet "${slug}".`, { slug });
    const plan = await plans.insertPlan(trx, municipality, { ...input, slug });
    await plans.replaceFocusAreas(trx, String(plan.id), input.focusAreas);
    await auditRow(trx, user, municipality, 'opret', 'plan', String(plan.id), null, { ...input, slug });
    return plan;
  });
}

export async function updatePlan(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  revision: number,
  input: PlanInput,
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadPlan(trx, id);
    const user = requireEditor(actor, before.municipality);
    const slug = input.slug || before.slug;
    const after = await plans.updatePlan(trx, id, revision, { ...input, slug });
    if (!after)
      throw conflict('Planen er ændret af en anden, siden du åbnede den.', { yours: input, theirs: before });
    await plans.replaceFocusAreas(trx, id, input.focusAreas);
    await auditRow(trx, user, before.municipality, 'ret', 'plan', id, before, after);
    return after;
  });
}

export async function deletePlan(db: Kysely<DB>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const before = await loadPlan(trx, id);
    const user = requireEditor(actor, before.municipality);
    if (before.status !== 'udkast')
      throw badRequest('Kun planer i udkast kan slettes; arkivér en vedtaget plan i stedet.');
    await plans.deletePlan(trx, id);
    await auditRow(trx, user, before.municipality, 'slet', 'plan', id, before, null);
  });
}

export async function addGoal(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  input: z.infer<typeof GoalInput>,
  key?: string,
) {
  return db.transaction().execute(async (trx) => {
    const plan = await loadPlan(trx, planId);
    const user = requireEditor(actor, plan.municipality);
    return createOnce(
      trx,
      key,
      user.id,
      'mål',
      (id) => plans.findGoal(trx, id),
      async () => {
        const goal = await plans.insertGoal(trx, planId, input);
        await auditRow(trx, user, plan.municipality, 'opret', 'mål', String(goal.id), null, input);
        return goal;
      },
    );
  });
}

export async function updateGoal(
  db: Kysely<DB>,
  actor: Actor,
  goalId: string,
  revision: number,
  input: z.infer<typeof GoalInput>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await plans.findGoal(trx, goalId);
    if (!before) throw notFound('Målet');
    const plan = await loadPlan(trx, String(before.plan_id));
    const user = requireEditor(actor, plan.municipality);
    const after = await plans.updateGoal(trx, goalId, revision, input);
    if (!after)
      throw conflict('Målet er ændret af en anden, siden du åbnede det.', { yours: input, theirs: before });
    await auditRow(trx, user, plan.municipality, 'ret', 'mål', goalId, before, after);
    return after;
  });
}

export async function deleteGoal(db: Kysely<DB>, actor: Actor, goalId: string) {
  return db.transaction().execute(async (trx) => {
    const before = await plans.findGoal(trx, goalId);
    if (!before) throw notFound('Målet');
    const plan = await loadPlan(trx, String(before.plan_id));
    const user = requireEditor(actor, plan.municipality);
    // Published history holds: a goal with published status is archived, not deleted.
    if (await roundRepo.hasPublishedEntries(trx, { goalId })) {
      await roundRepo.archiveGoal(trx, goalId);
      await auditRow(trx, user, plan.municipality, 'arkivér', 'mål', goalId, before, null);
      return;
    }
    await plans.deleteGoal(trx, goalId);
    await auditRow(trx, user, plan.municipality, 'slet', 'mål', goalId, before, null);
  });
}

/** The indicator's settings checked for its kind and the plan period; Danish errors per field. */
function checkConfig(input: z.infer<typeof IndicatorInput>, plan: { year_from: number; year_to: number }) {
  const r = validateConfig(input.kind, input.config, { yearFrom: plan.year_from, yearTo: plan.year_to });
  if (!r.success)
    throw badRequest(`Indikatoren er ikke udfyldt rigtigt: ${r.fields.map((f) => f.message).join(' ')}`, {
      fields: r.fields,
    });
  return r.data;
}

export async function addIndicator(
  db: Kysely<DB>,
  actor: Actor,
  goalId: string,
  input: z.infer<typeof IndicatorInput>,
  key?: string,
) {
  return db.transaction().execute(async (trx) => {
    const goal = await plans.findGoal(trx, goalId);
    if (!goal) throw notFound('Målet');
    const plan = await loadPlan(trx, String(goal.plan_id));
    const user = requireEditor(actor, plan.municipality);
    const config = checkConfig(input, plan);
    return createOnce(
      trx,
      key,
      user.id,
      'indikator',
      (id) => created.findIndicatorRow(trx, id),
      async () => {
        const ind = await plans.insertIndicator(trx, goalId, { ...input, config });
        await auditRow(trx, user, plan.municipality, 'opret', 'indikator', String(ind.id), null, input);
        return ind;
      },
    );
  });
}

export async function updateIndicator(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  revision: number,
  input: z.infer<typeof IndicatorInput>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await plans.findIndicator(trx, id);
    if (!before) throw notFound('Indikatoren');
    const user = requireEditor(actor, before.municipality);
    const config = checkConfig(input, await loadPlan(trx, String(before.plan_id)));
    const after = await plans.updateIndicator(trx, id, revision, { ...input, config });
    if (!after)
      throw conflict('Indikatoren er ændret af en anden, siden du åbnede den.', {
        yours: input,
        theirs: before,
      });
    await auditRow(trx, user, before.municipality, 'ret', 'indikator', id, before, after);
    return after;
  });
}

export async function deleteIndicator(db: Kysely<DB>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const before = await plans.findIndicator(trx, id);
    if (!before) throw notFound('Indikatoren');
    const user = requireEditor(actor, before.municipality);
    if (await roundRepo.hasPublishedEntries(trx, { indicatorId: id })) {
      await roundRepo.archiveIndicator(trx, id);
      await auditRow(trx, user, before.municipality, 'arkivér', 'indikator', id, before, null);
      return;
    }
    await plans.deleteIndicator(trx, id);
    await auditRow(trx, user, before.municipality, 'slet', 'indikator', id, before, null);
  });
}

/** Evaluates an indicator on its own (for the editor's live check and the indicator page). */
export async function evaluateOne(db: Kysely<DB>, actor: Actor, id: string, asOf?: string) {
  const ind = await plans.findIndicator(db, id);
  if (!ind) throw notFound('Indikatoren');
  const { plan, rounds } = await readPlan(db, actor, String(ind.plan_id));
  // A computed assessment outside a published round is the municipality's own.
  requireMember(actor, ind.municipality);
  const date = asOf ?? evaluationDate(plan, rounds.at(-1)?.as_of);
  return (await evaluateIndicators(db, plan, [ind], new Map(), date)).get(ind.id)!;
}

export async function createRound(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  input: { title: string; asOf: string },
  key?: string,
) {
  return db.transaction().execute(async (trx) => {
    const plan = await loadPlan(trx, planId);
    const user = requireEditor(actor, plan.municipality);
    return createOnce(
      trx,
      key,
      user.id,
      'statusrunde',
      (id) => created.findRoundRow(trx, id),
      async () => {
        const round = await plans.insertRound(trx, planId, input);
        await auditRow(trx, user, plan.municipality, 'opret', 'statusrunde', String(round.id), null, input);
        return round;
      },
    );
  });
}

async function loadRound(db: Kysely<DB> | Trx, id: string) {
  const r = await plans.findRound(db, id);
  if (!r) throw notFound('Statusrunden');
  return r;
}

/** A round with every indicator's evaluation and status entry; drafts only for members. */
export async function readRound(db: Kysely<DB>, actor: Actor, id: string) {
  const round = await loadRound(db, id);
  if (round.status === 'udkast') requireMember(actor, round.municipality);
  const { plan, goals, indicators } = await readPlan(db, actor, String(round.plan_id));
  const entries = new Map((await plans.entriesOf(db, id)).map((e) => [String(e.indicator_id), e]));
  const evaluations = await evaluateIndicators(db, plan, indicators, entries, round.as_of);
  const items = indicators.map((ind) => ({
    indicator: ind,
    entry: entries.get(ind.id) ?? null,
    evaluation: evaluations.get(ind.id)!,
  }));
  const summary: Record<string, number> = {};
  for (const i of items) {
    const k = ASSESSMENT_LABELS[i.evaluation.status] ?? i.evaluation.status;
    summary[k] = (summary[k] ?? 0) + 1;
  }
  return { round, plan, goals, items, summary };
}

export async function saveEntry(
  db: Kysely<DB>,
  actor: Actor,
  roundId: string,
  indicatorId: string,
  input: z.infer<typeof EntryInput>,
) {
  if (input.assessmentOverride && !input.overrideReason?.trim())
    throw badRequest('Angiv en begrundelse, når vurderingen tilsidesættes.');
  return db.transaction().execute(async (trx) => {
    const round = await loadRound(trx, roundId);
    const user = requireEditor(actor, round.municipality);
    // The round's row lock serialises this save with a publish of the same round (issue 9 item 2).
    if ((await roundRepo.lockRound(trx, roundId)) !== 'udkast')
      throw conflict('Statusrunden er offentliggjort og kan ikke ændres. Opret en rettelse i stedet.', {
        round,
      });
    const ind = await plans.findIndicator(trx, indicatorId);
    if (!ind || String(ind.plan_id) !== String(round.plan_id) || ind.archived_at)
      throw notFound('Indikatoren');
    const existing = await plans.findEntry(trx, roundId, indicatorId);
    const fields = {
      text: input.text,
      value: input.value,
      valuePeriod: input.valuePeriod,
      valueSource: input.valueSource,
      done: input.done,
      assessmentOverride: input.assessmentOverride,
      overrideReason: input.overrideReason,
    };
    let saved: Awaited<ReturnType<typeof plans.updateEntry>>;
    if (!existing) {
      if (input.revision !== null)
        throw conflict('Statusteksten findes ikke længere.', { yours: input, theirs: null });
      saved = await plans.insertEntry(trx, roundId, indicatorId, user.id, fields);
      if (!saved) {
        const theirs = await plans.findEntry(trx, roundId, indicatorId);
        throw conflict('En anden har gemt en status for denne indikator, mens du skrev.', {
          yours: input,
          theirs,
        });
      }
    } else {
      if (input.revision !== existing.revision) {
        throw conflict(
          'En anden har gemt en nyere version af denne status, mens du skrev. Din tekst er ikke gemt.',
          { yours: input, theirs: existing },
        );
      }
      saved = await plans.updateEntry(trx, String(existing.id), existing.revision, user.id, fields);
      if (!saved)
        throw conflict('En anden har gemt en nyere version af denne status, mens du skrev.', {
          yours: input,
          theirs: await plans.findEntry(trx, roundId, indicatorId),
        });
    }
    await auditRow(
      trx,
      user,
      round.municipality,
      existing ? 'ret' : 'opret',
      'status',
      String(saved.id),
      existing ?? null,
      saved,
    );
    return saved;
  });
}

export async function publishRound(db: Kysely<DB>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const round = await loadRound(trx, roundId);
    const user = requireEditor(actor, round.municipality);
    // Waits for saves of this round in flight; saves after this see the round published and are refused.
    if ((await roundRepo.lockRound(trx, roundId)) !== 'udkast')
      throw conflict('Statusrunden er allerede offentliggjort.', { round });
    const plan = await loadPlan(trx, String(round.plan_id));
    if (plan.status === 'udkast')
      throw badRequest('Planen skal være vedtaget, før en statusrunde kan offentliggøres.');
    const after = await plans.publishRound(trx, roundId);
    if (!after) throw conflict('Statusrunden er allerede offentliggjort.', { round });
    // What was published stays as published: texts, figures, assessments and the report's sources.
    await storeSnapshot(trx, roundId, await buildSnapshot(trx, await readRound(trx, actor, roundId)));
    await auditRow(trx, user, round.municipality, 'offentliggør', 'statusrunde', roundId, round, after);
    return after;
  });
}

/** A correction of a published round: a new draft round with the same texts, pointing back at it. */
export async function correctRound(db: Kysely<DB>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const round = await loadRound(trx, roundId);
    const user = requireEditor(actor, round.municipality);
    if (round.status !== 'offentliggjort')
      throw badRequest('Kun en offentliggjort statusrunde kan rettes; et udkast kan redigeres direkte.');
    const copy = await plans.insertRound(trx, String(round.plan_id), {
      title: `${round.title} (rettet)`,
      asOf: round.as_of,
      correctsRoundId: roundId,
    });
    for (const e of await plans.entriesOf(trx, roundId)) {
      await plans.insertEntry(trx, String(copy.id), String(e.indicator_id), user.id, {
        text: e.text,
        value: e.value,
        valuePeriod: e.value_period,
        valueSource: e.value_source,
        done: e.done,
        assessmentOverride: e.assessment_override,
        overrideReason: e.override_reason,
      });
    }
    await auditRow(
      trx,
      user,
      round.municipality,
      'ret offentliggjort',
      'statusrunde',
      String(copy.id),
      round,
      copy,
    );
    return copy;
  });
}

export async function auditTrail(db: Kysely<DB>, actor: Actor, municipality: string) {
  const { requireAdmin } = await import('./access.ts');
  requireAdmin(actor, municipality);
  return accounts.auditOf(db, municipality);
}

/**
 * The plan at a glance: every indicator evaluated at the latest round's date (or today when the plan has no
 * round), with the newest status entry the actor may see.
 */
export async function dashboard(db: Kysely<DB>, actor: Actor, planId: string) {
  const full = await readPlan(db, actor, planId);
  if (!full.member) return publishedDashboard(db, full);
  const latestRound = full.rounds.at(-1);
  const asOf = evaluationDate(full.plan, latestRound?.as_of);
  const visible = new Set(full.rounds.map((r) => String(r.id)));
  const entries = (await plans.entriesOfPlan(db, planId)).filter((e) => visible.has(String(e.round_id)));
  const latestEntry = new Map<string, (typeof entries)[number]>();
  for (const e of entries) latestEntry.set(String(e.indicator_id), e);
  const evaluations = await evaluateIndicators(db, full.plan, full.indicators, latestEntry, asOf);
  const items = full.indicators.map((ind) => ({
    indicator: ind,
    entry: latestEntry.get(ind.id) ?? null,
    evaluation: evaluations.get(ind.id)!,
  }));
  return { ...full, asOf, items };
}

/** What the indicator page can say about the forecast: the method, how it did on this series, caveats. */
interface ForecastMethodInfo {
  method: string;
  label: string;
  beatsSeasonalNaive: boolean;
  backtestMape: number | null;
  seasonalNaiveMape: number | null;
  calibratedHorizon: number;
  notes: string[];
}

/** The indicator page: history with comparison area and country, target path, forecast, earlier status texts. */
export async function indicatorHistory(db: Kysely<DB>, actor: Actor, id: string) {
  const ind = await plans.findIndicator(db, id);
  if (!ind) throw notFound('Indikatoren');
  const full = await readPlan(db, actor, String(ind.plan_id));
  const visible = new Set(full.rounds.map((r) => String(r.id)));
  const own = (await plans.entriesOfPlan(db, String(ind.plan_id))).filter(
    (e) => String(e.indicator_id) === id && visible.has(String(e.round_id)),
  );
  const texts = own.map((e) => ({
    round: e.round_title,
    asOf: e.as_of,
    text: e.text,
    value: e.value,
    status: e.round_status,
  }));
  const asOf = evaluationDate(full.plan, full.rounds.at(-1)?.as_of);
  const { evaluation, history } = await evaluateWithHistory(db, full.plan, ind, own.at(-1) ?? null, asOf);
  const config = ind.config as { measure?: string; area?: string; deadline?: string };
  let forecastPoints: { period: string; value: number; lower: number; upper: number; calibrated: boolean }[] =
    [];
  let forecastMethod: ForecastMethodInfo | null = null;
  let probability: number | null = null;
  // Why no forecast is drawn, in Danish for the page (null when there is one, or no series at all).
  let forecastAbsent: string | null = null;
  if (history && config.deadline) {
    // Calendar-aligned (holes stay holes), to the deadline without a cap; method chosen by backtest.
    const fc = forecastToDeadline(history.own, config.deadline);
    if (fc && !fc.atDeadline) {
      // The data already reach the deadline: there is nothing left to forecast.
      forecastAbsent = `Der vises ingen fremskrivning, fordi der allerede er tal til og med fristen ${formatDateDa(config.deadline)}.`;
    } else if (!fc) {
      forecastAbsent =
        'Der vises ingen fremskrivning: serien har for få tal (mindst 12 perioder) eller er hverken måneds- eller kvartalstal.';
    } else {
      forecastPoints = fc.points.map((p) => ({
        period: p.period,
        value: p.value,
        lower: p.lower,
        upper: p.upper,
        calibrated: p.calibrated,
      }));
      const f = fc.forecast;
      forecastMethod = {
        method: f.method,
        label: f.methodLabel,
        beatsSeasonalNaive: f.beatsSeasonalNaive,
        backtestMape: f.backtest.mape,
        seasonalNaiveMape: f.backtest.seasonalNaiveMape,
        calibratedHorizon: f.calibratedHorizon,
        notes: f.notes,
      };
      if (evaluation.target !== null && evaluation.direction && fc.atDeadline) {
        probability = probabilityOfReaching(fc.atDeadline, evaluation.target, evaluation.direction);
      }
    }
  }
  return {
    indicator: ind,
    plan: full.plan,
    // Outside the municipality: the assessment as published, never a computed one of a draft.
    evaluation: full.member ? evaluation : await publishedEvaluation(db, full.rounds, id, evaluation),
    history,
    forecast: forecastPoints,
    forecastMethod,
    forecastAbsent,
    probability: full.member ? probability : null,
    texts,
  };
}
