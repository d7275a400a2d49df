// Status rounds as documents: the row lock that serialises saving and publishing, the published snapshot,
// carry-over from the previous round, archiving, responsibility and the plan's follow-up frequency.
import { sql } from 'kysely';
import type { Executor } from './statistics.ts';

/**
 * Locks the round's row until the transaction ends (SELECT … FOR UPDATE), so a save and a publish of the same
 * round run one after the other on PostgreSQL. Returns the round's status as it is under the lock.
 */
export async function lockRound(db: Executor, id: string) {
  const r = await sql<{
    status: 'udkast' | 'offentliggjort';
  }>`SELECT status FROM status_rounds WHERE id = ${id} FOR UPDATE`.execute(db);
  return r.rows[0]?.status;
}

export async function setSnapshot(db: Executor, id: string, snapshot: unknown) {
  await db
    .updateTable('status_rounds')
    .set({ snapshot: JSON.stringify(snapshot) })
    .where('id', '=', id)
    .execute();
}

export async function snapshotOf(db: Executor, id: string): Promise<unknown | null> {
  const r = await db.selectFrom('status_rounds').select('snapshot').where('id', '=', id).executeTakeFirst();
  const s = r?.snapshot;
  if (s === null || s === undefined) return null;
  return typeof s === 'string' ? JSON.parse(s) : s;
}

/** Copies texts, values and milestone states of one round into another, marked as carried over. */
export async function carryOverEntries(db: Executor, fromRound: string, toRound: string, userId: string) {
  await sql`INSERT INTO status_entries
      (round_id, indicator_id, text, value, value_period, value_source, done, updated_by, carried_over)
    SELECT ${toRound}, e.indicator_id, e.text, e.value, e.value_period, e.value_source, e.done, ${userId}, true
      FROM status_entries e
      JOIN indicators i ON i.id = e.indicator_id AND i.archived_at IS NULL
     WHERE e.round_id = ${fromRound}
    ON CONFLICT (round_id, indicator_id) DO NOTHING`.execute(db);
}

/** Whether any published round has a status entry for the goal's (or the indicator's) indicators. */
export async function hasPublishedEntries(db: Executor, by: { goalId?: string; indicatorId?: string }) {
  let q = db
    .selectFrom('status_entries as e')
    .innerJoin('status_rounds as r', 'r.id', 'e.round_id')
    .innerJoin('indicators as i', 'i.id', 'e.indicator_id')
    .select('e.id')
    .where('r.status', '=', 'offentliggjort');
  if (by.goalId) q = q.where('i.goal_id', '=', by.goalId);
  if (by.indicatorId) q = q.where('i.id', '=', by.indicatorId);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export async function archiveGoal(db: Executor, id: string) {
  await db.updateTable('goals').set({ archived_at: new Date() }).where('id', '=', id).execute();
}

export async function archiveIndicator(db: Executor, id: string) {
  await db.updateTable('indicators').set({ archived_at: new Date() }).where('id', '=', id).execute();
}

export async function setResponsible(db: Executor, indicatorId: string, userId: string | null) {
  await db
    .updateTable('indicators')
    .set({ responsible_user_id: userId })
    .where('id', '=', indicatorId)
    .execute();
}

/** The people of a municipality (id and name) and whether a user is one of them. */
export async function peopleOf(db: Executor, municipality: string) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'm.role'])
    .where('m.municipality', '=', municipality)
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: String(r.id), name: r.name, email: r.email, role: r.role }));
}

export async function usersByIds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  return rows.map((r) => ({ id: String(r.id), name: r.name, email: r.email }));
}

export async function setFollowUp(
  db: Executor,
  planId: string,
  followUp: 'kvartalsvis' | 'halvårlig' | null,
) {
  await db.updateTable('plans').set({ follow_up: followUp }).where('id', '=', planId).execute();
}
