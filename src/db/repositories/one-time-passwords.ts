// One-time passwords: when the current one expires, and sessions that must change it before anything else.
import type { Executor } from './statistics.ts';

export async function oneTimeExpiry(db: Executor, userId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('users')
    .select('one_time_password_expires_at')
    .where('id', '=', userId)
    .executeTakeFirst();
  return r?.one_time_password_expires_at ?? null;
}

/** Sets (a Date) or clears (null) the one-time mark of the user's current password. */
export async function setOneTimeExpiry(db: Executor, userId: string, expiresAt: Date | null) {
  await db
    .updateTable('users')
    .set({ one_time_password_expires_at: expiresAt })
    .where('id', '=', userId)
    .execute();
}

export async function markSessionMustChange(db: Executor, idHash: string, must: boolean) {
  await db
    .updateTable('sessions')
    .set({ must_change_password: must })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function findUserIdByEmail(db: Executor, email: string): Promise<string | null> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? String(r.id) : null;
}
