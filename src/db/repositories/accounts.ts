// Users, memberships, sessions and the audit trail.
import { sql } from 'kysely';
import { memoUntilWrite } from '../read-memo.ts';
import { compiledOnce } from './compiled.ts';
import type { Executor } from './statistics.ts';

export type { Role } from '../../domain/roles.ts';

import type { Role } from '../../domain/roles.ts';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isSuperadmin: boolean;
  memberships: { municipality: string; role: Role }[];
}

/** The oldest user's id (the demo's author when no administrator is named). */
export async function firstUserId(db: Executor): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirst();
  return r ? String(r.id) : undefined;
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(db);
  return r.rows[0]!.n;
}

export async function insertUser(
  db: Executor,
  u: {
    email: string;
    name: string;
    passwordHash: string | null;
    isSuperadmin?: boolean;
    oidcSubject?: string | null;
  },
): Promise<string> {
  const r = await db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      password_hash: u.passwordHash,
      is_superadmin: u.isSuperadmin ?? false,
      oidc_subject: u.oidcSubject ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(r.id);
}

export async function setMembership(db: Executor, userId: string, municipality: string, role: Role) {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, municipality, role })
    .onConflict((oc) => oc.columns(['user_id', 'municipality']).doUpdateSet({ role }))
    .execute();
}

export async function removeMembership(db: Executor, userId: string, municipality: string) {
  await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('municipality', '=', municipality)
    .execute();
}

async function withMemberships(
  db: Executor,
  row:
    | { id: string; email: string; name: string; password_hash: string | null; is_superadmin: boolean }
    | undefined,
) {
  if (!row) return undefined;
  const ms = await db
    .selectFrom('memberships')
    .select(['municipality', 'role'])
    .where('user_id', '=', String(row.id))
    .execute();
  return {
    id: String(row.id),
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    isSuperadmin: row.is_superadmin,
    memberships: ms,
  } satisfies UserRecord;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'is_superadmin'])
    .where('email', '=', email.toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return withMemberships(db, row);
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'is_superadmin'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return withMemberships(db, row);
}

export async function setPassword(db: Executor, userId: string, hash: string) {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
}

export async function usersOf(db: Executor, municipality: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'm.role'])
    .where('m.municipality', '=', municipality)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
}

export async function insertSession(
  db: Executor,
  s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

/**
 * A session with its user (not disabled) and memberships in one read (asked on every API request); whether it
 * has expired is decided by the caller's clock, so that a kept read (read-memo.ts) expires on time.
 */
const sessionQuery = compiledOnce((db) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.must_change_password',
      's.expires_at',
      'u.id',
      'u.email',
      'u.name',
      'u.password_hash',
      'u.is_superadmin',
      sql<
        { municipality: string; role: Role }[]
      >`COALESCE((SELECT json_agg(json_build_object('municipality', m.municipality, 'role', m.role)) FROM memberships m WHERE m.user_id = u.id), '[]'::json)`.as(
        'memberships',
      ),
    ])
    .where('s.id_hash', '=', '')
    .where('u.disabled_at', 'is', null)
    .compile(),
);

const sessionKept = memoUntilWrite(async (db, idHash) => {
  const [r] = await sessionQuery(db, [idHash]);
  if (!r) return undefined;
  return {
    user: {
      id: String(r.id),
      email: r.email,
      name: r.name,
      passwordHash: r.password_hash,
      isSuperadmin: r.is_superadmin,
      memberships: r.memberships,
    } satisfies UserRecord,
    csrfToken: r.csrf_token,
    mustChangePassword: r.must_change_password,
    expiresAt: new Date(r.expires_at).getTime(),
  };
});

/** A live session (known, not expired at `now`, its user not disabled) with its user and memberships. */
export async function sessionWithUser(
  db: Executor,
  idHash: string,
  now = new Date(),
): Promise<{ user: UserRecord; csrfToken: string; mustChangePassword: boolean } | undefined> {
  const s = await sessionKept(db, idHash);
  if (!s || s.expiresAt <= now.getTime()) return undefined;
  // A copy: the kept read is shared by the requests that come until the next write.
  return {
    user: { ...s.user, memberships: s.user.memberships.map((m) => ({ ...m })) },
    csrfToken: s.csrfToken,
    mustChangePassword: s.mustChangePassword,
  };
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Executor, userId: string, exceptIdHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  await q.execute();
}

export interface AuditEntry {
  userId: string | null;
  userLabel: string;
  municipality: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function audit(db: Executor, e: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      user_id: e.userId,
      user_label: e.userLabel,
      municipality: e.municipality,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    })
    .execute();
}

export async function auditOf(db: Executor, municipality: string, limit = 200) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality', '=', municipality)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findUserByOidcSubject(db: Executor, sub: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'is_superadmin'])
    .where('oidc_subject', '=', sub)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return withMemberships(db, row);
}

export async function linkOidcSubject(db: Executor, userId: string, sub: string) {
  await db.updateTable('users').set({ oidc_subject: sub }).where('id', '=', userId).execute();
}
