// Plans, focus areas, goals, indicators, status rounds and status entries.
import { memoUntilWrite } from '../read-memo.ts';
import { compiledOnce } from './compiled.ts';
import type { Executor } from './statistics.ts';

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** True when the database holds at least one plan. */
export async function hasAnyPlan(db: Executor): Promise<boolean> {
  return (await db.selectFrom('plans').select('id').limit(1).execute()).length > 0;
}

export async function listPlans(db: Executor, municipality?: string) {
  let q = db.selectFrom('plans').selectAll().orderBy('municipality').orderBy('year_from', 'desc');
  if (municipality) q = q.where('municipality', '=', municipality);
  return q.execute();
}

export async function findPlan(db: Executor, id: string) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanBySlug(db: Executor, municipality: string, slug: string) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('municipality', '=', municipality)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export interface PlanFields {
  title: string;
  slug: string;
  yearFrom: number;
  yearTo: number;
  intro: string;
  status: 'udkast' | 'vedtaget' | 'arkiveret';
  adoptedOn: string | null;
}

export async function insertPlan(db: Executor, municipality: string, f: PlanFields) {
  const r = await db
    .insertInto('plans')
    .values({
      municipality,
      slug: f.slug,
      title: f.title,
      year_from: f.yearFrom,
      year_to: f.yearTo,
      intro: f.intro,
      status: f.status,
      adopted_on: f.adoptedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return r;
}

/** Updates when the stored revision is `revision`; returns undefined when someone else saved first. */
export async function updatePlan(db: Executor, id: string, revision: number, f: PlanFields) {
  return db
    .updateTable('plans')
    .set({
      slug: f.slug,
      title: f.title,
      year_from: f.yearFrom,
      year_to: f.yearTo,
      intro: f.intro,
      status: f.status,
      adopted_on: f.adoptedOn,
      revision: revision + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returningAll()
    .executeTakeFirst();
}

export async function deletePlan(db: Executor, id: string) {
  await db.deleteFrom('plans').where('id', '=', id).execute();
}

export async function focusAreasOf(db: Executor, planId: string) {
  return db.selectFrom('focus_areas').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function replaceFocusAreas(
  db: Executor,
  planId: string,
  areas: { title: string; text: string }[],
) {
  await db.deleteFrom('focus_areas').where('plan_id', '=', planId).execute();
  if (areas.length) {
    await db
      .insertInto('focus_areas')
      .values(areas.map((a, i) => ({ plan_id: planId, position: i + 1, title: a.title, text: a.text })))
      .execute();
  }
}

export async function goalsOf(db: Executor, planId: string) {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findGoal(db: Executor, id: string) {
  return db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface GoalFields {
  number: string;
  kind: 'ministermål' | 'lokalt mål';
  title: string;
  text: string;
  position: number;
}

export async function insertGoal(db: Executor, planId: string, f: GoalFields) {
  return db
    .insertInto('goals')
    .values({ plan_id: planId, ...f })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateGoal(db: Executor, id: string, revision: number, f: GoalFields) {
  return db
    .updateTable('goals')
    .set({ ...f, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteGoal(db: Executor, id: string) {
  await db.deleteFrom('goals').where('id', '=', id).execute();
}

/**
 * What decides who may read a plan and whether a cached answer about it is current: its municipality, its
 * status and its content version (bumped by the database on every change, migration 0013).
 */
const planHeadQuery = compiledOnce((db) =>
  db
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', 'v.plan_id', 'p.id')
    .select(['p.municipality', 'p.status', 'v.version'])
    .where('p.id', '=', '0')
    .compile(),
);

/** A plan's municipality, status and content version (kept until the next write on the embedded database). */
const planHeadKept = memoUntilWrite(async (db, id) => {
  const [r] = await planHeadQuery(db, [id]);
  return r ? { municipality: r.municipality, status: r.status, version: String(r.version) } : undefined;
});

export async function planHead(db: Executor, id: string) {
  const h = await planHeadKept(db, id);
  return h ? { ...h } : undefined;
}

export async function indicatorsOfPlan(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('indicators as i')
    .innerJoin('goals as g', 'g.id', 'i.goal_id')
    .selectAll('i')
    .where('g.plan_id', '=', planId)
    .where('g.archived_at', 'is', null)
    .where('i.archived_at', 'is', null)
    .orderBy('g.position')
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: String(r.id),
    goal_id: String(r.goal_id),
    config: json(r.config) as Record<string, unknown>,
  }));
}

export async function findIndicator(db: Executor, id: string) {
  const r = await db
    .selectFrom('indicators as i')
    .innerJoin('goals as g', 'g.id', 'i.goal_id')
    .innerJoin('plans as p', 'p.id', 'g.plan_id')
    .selectAll('i')
    .select(['p.id as plan_id', 'p.municipality'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  return r ? { ...r, id: String(r.id), config: json(r.config) as Record<string, unknown> } : undefined;
}

export interface IndicatorFields {
  kind: 'niveau' | 'andel' | 'placering' | 'benchmark' | 'optælling' | 'milepæl';
  title: string;
  config: Record<string, unknown>;
  sourceNote: string;
  position: number;
}

export async function insertIndicator(db: Executor, goalId: string, f: IndicatorFields) {
  return db
    .insertInto('indicators')
    .values({
      goal_id: goalId,
      kind: f.kind,
      title: f.title,
      config: JSON.stringify(f.config),
      source_note: f.sourceNote,
      position: f.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateIndicator(db: Executor, id: string, revision: number, f: IndicatorFields) {
  return db
    .updateTable('indicators')
    .set({
      kind: f.kind,
      title: f.title,
      config: JSON.stringify(f.config),
      source_note: f.sourceNote,
      position: f.position,
      revision: revision + 1,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteIndicator(db: Executor, id: string) {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}

/** A round's columns without its (large) published snapshot. */
const ROUND_COLUMNS = [
  'id',
  'plan_id',
  'title',
  'as_of',
  'status',
  'published_at',
  'corrects_round_id',
  'created_at',
] as const;

export async function roundsOf(db: Executor, planId: string) {
  return db
    .selectFrom('status_rounds')
    .select(ROUND_COLUMNS)
    .where('plan_id', '=', planId)
    .orderBy('as_of')
    .orderBy('id')
    .execute();
}

export async function findRound(db: Executor, id: string) {
  return db
    .selectFrom('status_rounds as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .select(ROUND_COLUMNS.map((c) => `r.${c}` as const))
    .select(['p.municipality'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function insertRound(
  db: Executor,
  planId: string,
  f: { title: string; asOf: string; correctsRoundId?: string | null },
) {
  return db
    .insertInto('status_rounds')
    .values({ plan_id: planId, title: f.title, as_of: f.asOf, corrects_round_id: f.correctsRoundId ?? null })
    .returning(ROUND_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function publishRound(db: Executor, id: string) {
  return db
    .updateTable('status_rounds')
    .set({ status: 'offentliggjort', published_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'udkast')
    .returning(ROUND_COLUMNS)
    .executeTakeFirst();
}

export async function entriesOf(db: Executor, roundId: string) {
  return db.selectFrom('status_entries').selectAll().where('round_id', '=', roundId).execute();
}

export async function entriesOfPlan(db: Executor, planId: string) {
  return db
    .selectFrom('status_entries as e')
    .innerJoin('status_rounds as r', 'r.id', 'e.round_id')
    .selectAll('e')
    .select(['r.title as round_title', 'r.as_of', 'r.status as round_status'])
    .where('r.plan_id', '=', planId)
    .orderBy('r.as_of')
    .execute();
}

export async function findEntry(db: Executor, roundId: string, indicatorId: string) {
  return db
    .selectFrom('status_entries')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
}

export interface EntryFields {
  text: string;
  value: number | null;
  valuePeriod: string | null;
  valueSource: string | null;
  done: boolean | null;
  assessmentOverride: string | null;
  overrideReason: string | null;
  /** Copied from the previous round and not edited since. */
  carriedOver?: boolean;
}

/** The columns a status entry's fields are stored in. */
const entryColumns = (f: EntryFields, userId: string | null) => ({
  text: f.text,
  value: f.value,
  value_period: f.valuePeriod,
  value_source: f.valueSource,
  done: f.done,
  assessment_override: f.assessmentOverride,
  override_reason: f.overrideReason,
  updated_by: userId,
  carried_over: f.carriedOver ?? false,
});

export async function insertEntry(
  db: Executor,
  roundId: string,
  indicatorId: string,
  userId: string | null,
  f: EntryFields,
) {
  return db
    .insertInto('status_entries')
    .values({
      round_id: roundId,
      indicator_id: indicatorId,
      ...entryColumns(f, userId),
    })
    .onConflict((oc) => oc.columns(['round_id', 'indicator_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateEntry(
  db: Executor,
  id: string,
  revision: number,
  userId: string | null,
  f: EntryFields,
) {
  return db
    .updateTable('status_entries')
    .set({
      ...entryColumns(f, userId),
      updated_at: new Date(),
      revision: revision + 1,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returningAll()
    .executeTakeFirst();
}
