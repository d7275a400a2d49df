// Idempotency keys of creates (goal, indicator, status round): the first request with a key claims it,
// a repeated one finds what the first created. On PostgreSQL a second transaction inserting the same key
// waits for the first to commit, then sees its entity id.
import type { Executor } from './statistics.ts';

/** Claims a key for a user; returns null when claimed now, else the entity id the earlier request created. */
export async function claimCreateKey(
  db: Executor,
  key: string,
  userId: string,
  entity: string,
): Promise<{ entityId: string | null } | null> {
  const inserted = await db
    .insertInto('create_requests')
    .values({ key, user_id: userId, entity })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return null;
  const row = await db
    .selectFrom('create_requests')
    .select(['entity_id', 'user_id', 'entity'])
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  // A key is only reused by the same user for the same kind of thing; anything else is a new request
  // that happens to collide, which the caller refuses.
  if (String(row.user_id) !== String(userId) || row.entity !== entity) return { entityId: null };
  return { entityId: row.entity_id === null ? null : String(row.entity_id) };
}

export async function recordCreated(db: Executor, key: string, entityId: string) {
  await db.updateTable('create_requests').set({ entity_id: entityId }).where('key', '=', key).execute();
}

/** The rows as their insert returned them, for answering a repeated create. */
export async function findIndicatorRow(db: Executor, id: string) {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRoundRow(db: Executor, id: string) {
  return db.selectFrom('status_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}
