// Accounts: first administrator, login with argon2-hashed passwords, server-side sessions with a CSRF
// token, logout, change password, invite and remove users. Every change is audited in its transaction.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Me } from '../contract/auth.ts';
import { findArea } from '../data/areas.ts';
import * as accounts from '../db/repositories/accounts.ts';
import * as oneTime from '../db/repositories/one-time-passwords.ts';
import type { DB } from '../db/schema.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { type Actor, requireAdmin, requireUser } from './access.ts';
import { AppError, notFound } from './errors.ts';
import type { LoginLimits } from './login-limits.ts';

const SESSION_DAYS = 14;
/** How long a one-time password (first administrator, invitation, reset) can be used. */
export const ONE_TIME_HOURS = 48;
const oneTimeExpiry = (now = Date.now()) => new Date(now + ONE_TIME_HOURS * 3_600_000);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** A readable one-time password for invitations and the first administrator. */
function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** On an empty database: creates the first administrator (a system administrator of all municipalities). */
export async function ensureFirstAdmin(
  db: Kysely<DB>,
  password: string | undefined,
  log: (m: string) => void,
) {
  if ((await accounts.countUsers(db)) > 0) return;
  const pw = password || generatePassword();
  await db.transaction().execute(async (trx) => {
    const id = await accounts.insertUser(trx, {
      email: 'admin',
      name: 'Administrator',
      passwordHash: await hash(pw),
      isSuperadmin: true,
    });
    // A generated password is a one-time password; one the operator chose is theirs to keep.
    if (!password) await oneTime.setOneTimeExpiry(trx, id, oneTimeExpiry());
    await accounts.audit(trx, {
      userId: id,
      userLabel: 'system',
      municipality: null,
      action: 'opret',
      entity: 'bruger',
      entityId: id,
      before: null,
      after: { email: 'admin' },
    });
  });
  if (password) log('Administrator oprettet: brugernavn "admin", adgangskode fra MAALTAVLE_ADMIN_PASSWORD.');
  else
    log(
      `Administrator oprettet: brugernavn "admin", adgangskode "${pw}" (vises kun denne ene gang; den virker i ${ONE_TIME_HOURS} timer og skal skiftes ved første login).`,
    );
}

export interface SessionInfo {
  user: accounts.UserRecord;
  csrfToken: string;
  idHash: string;
  /** Logged in with a one-time password: only changing it (and logging out) is allowed. */
  mustChangePassword?: boolean;
}

export async function login(
  db: Kysely<DB>,
  email: string,
  password: string,
  guard?: { limits: LoginLimits; address: string },
): Promise<{ token: string; session: SessionInfo }> {
  guard?.limits.check(email, guard.address);
  const user = await accounts.findUserByEmail(db, email.trim());
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const ok = user?.passwordHash ? await verify(user.passwordHash, password) : await verifyDummy(password);
  if (!user || !ok) {
    guard?.limits.failed(email, guard.address);
    throw new AppError(401, 'Forkert brugernavn eller adgangskode.', undefined, { code: 'login_failed' });
  }
  guard?.limits.succeeded(email);
  const expires = await oneTime.oneTimeExpiry(db, user.id);
  if (expires && expires.getTime() <= Date.now())
    throw new AppError(
      401,
      `Engangsadgangskoden er udløbet (den virker i ${ONE_TIME_HOURS} timer). Bed en administrator om en ny.`,
      undefined,
      { code: 'one_time_password_expired' },
    );
  const created = await createSessionFor(db, user);
  if (expires) {
    await oneTime.markSessionMustChange(db, created.session.idHash, true);
    created.session.mustChangePassword = true;
  }
  return created;
}

/** A new server-side session for a user who has proved who they are (password or SSO). */
export async function createSessionFor(
  db: Kysely<DB>,
  user: accounts.UserRecord,
): Promise<{ token: string; session: SessionInfo }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const idHash = sha256(token);
  await accounts.insertSession(db, {
    idHash,
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return { token, session: { user, csrfToken, idHash } };
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real verification and fails, so unknown users are not faster to refuse. */
async function verifyDummy(password: string): Promise<false> {
  await verify(await dummyHash(), password);
  return false;
}
const dummyHash = () => {
  dummy ??= hash('ikke-en-adgangskode');
  return dummy;
};

export async function sessionFromToken(
  db: Kysely<DB>,
  token: string | undefined,
): Promise<SessionInfo | null> {
  if (!token) return null;
  const idHash = sha256(token);
  const s = await accounts.sessionWithUser(db, idHash);
  if (!s) return null;
  return { user: s.user, csrfToken: s.csrfToken, idHash, mustChangePassword: s.mustChangePassword };
}

export async function logout(db: Kysely<DB>, session: SessionInfo | null) {
  if (session) await accounts.deleteSession(db, session.idHash);
}

export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  session: SessionInfo,
  current: string,
  next: string,
  limits?: LoginLimits,
) {
  const user = requireUser(actor);
  limits?.checkPasswordChange(user.id);
  const problem = passwordProblem(next, user.email);
  if (problem) throw new AppError(400, problem, undefined, { code: 'weak_password', parameter: 'next' });
  if (!user.passwordHash || !(await verify(user.passwordHash, current))) {
    limits?.passwordChangeFailed(user.id);
    throw new AppError(400, 'Den nuværende adgangskode er forkert.', undefined, {
      code: 'login_failed',
      parameter: 'current',
    });
  }
  await db.transaction().execute(async (trx) => {
    await accounts.setPassword(trx, user.id, await hash(next));
    await oneTime.setOneTimeExpiry(trx, user.id, null);
    await oneTime.markSessionMustChange(trx, session.idHash, false);
    await accounts.deleteSessionsOf(trx, user.id, session.idHash);
    await accounts.audit(trx, {
      userId: user.id,
      userLabel: user.email,
      municipality: null,
      action: 'skift adgangskode',
      entity: 'bruger',
      entityId: user.id,
      before: null,
      after: null,
    });
  });
}

export async function inviteUser(
  db: Kysely<DB>,
  actor: Actor,
  municipality: string,
  input: { email: string; name: string; role: accounts.Role },
): Promise<{ userId: string; password: string; note: string }> {
  const admin = requireAdmin(actor, municipality);
  if (!findArea(municipality) || findArea(municipality)!.kind !== 'kommune') throw notFound('Kommunen');
  return db.transaction().execute(async (trx) => {
    const existing = await accounts.findUserByEmail(trx, input.email);
    // The answer must not reveal whether the e-mail has an account: a one-time password is made either
    // way; it is set only on a new account (an existing one keeps its password or SSO).
    const password = generatePassword();
    let userId: string;
    if (existing) userId = existing.id;
    else {
      userId = await accounts.insertUser(trx, {
        email: input.email,
        name: input.name,
        passwordHash: await hash(password),
      });
      await oneTime.setOneTimeExpiry(trx, userId, oneTimeExpiry());
    }
    await accounts.setMembership(trx, userId, municipality, input.role);
    await accounts.audit(trx, {
      userId: admin.id,
      userLabel: admin.email,
      municipality,
      action: 'inviter',
      entity: 'bruger',
      entityId: userId,
      before: existing ? { memberships: existing.memberships } : null,
      after: { email: input.email, role: input.role },
    });
    return { userId, password, note: INVITE_NOTE };
  });
}

const INVITE_NOTE = `Giv brugeren engangsadgangskoden. Den virker i ${ONE_TIME_HOURS} timer og skal skiftes ved første login. Har e-mailadressen allerede en konto i Måltavle, logger brugeren ind som hidtil, og engangsadgangskoden bruges ikke.`;

export async function removeUser(db: Kysely<DB>, actor: Actor, municipality: string, userId: string) {
  const admin = requireAdmin(actor, municipality);
  await db.transaction().execute(async (trx) => {
    const before = await accounts.findUserById(trx, userId);
    if (!before?.memberships.some((m) => m.municipality === municipality)) throw notFound('Brugeren');
    await accounts.removeMembership(trx, userId, municipality);
    // Only this municipality's role goes. A user with no role left (and not a system administrator) is
    // logged out; a superadmin or a user with roles elsewhere keeps their sessions.
    const remaining = before.memberships.filter((m) => m.municipality !== municipality);
    if (!before.isSuperadmin && remaining.length === 0) await accounts.deleteSessionsOf(trx, userId);
    await accounts.audit(trx, {
      userId: admin.id,
      userLabel: admin.email,
      municipality,
      action: 'fjern',
      entity: 'bruger',
      entityId: userId,
      before: { email: before.email, memberships: before.memberships },
      after: null,
    });
  });
}

/**
 * A new one-time password for a user (the command line's `admin reset-password`, for a lost password):
 * valid for 48 hours, must be changed at the next login; every session of the user ends.
 */
export async function resetPassword(db: Kysely<DB>, email: string): Promise<string> {
  const password = generatePassword();
  await db.transaction().execute(async (trx) => {
    const id = await oneTime.findUserIdByEmail(trx, email);
    if (!id) throw notFound(`Brugeren "${email.trim()}"`);
    await accounts.setPassword(trx, id, await hash(password));
    await oneTime.setOneTimeExpiry(trx, id, oneTimeExpiry());
    await accounts.deleteSessionsOf(trx, id);
    await accounts.audit(trx, {
      userId: null,
      userLabel: 'kommandolinje',
      municipality: null,
      action: 'nulstil adgangskode',
      entity: 'bruger',
      entityId: id,
      before: null,
      after: null,
    });
  });
  return password;
}

/** The session as the app sees it (GET /auth/me): never the password hash or the session's id hash. */
export function presentSession(s: SessionInfo | null): Me {
  if (!s) return { user: null, csrfToken: null };
  return {
    user: {
      id: s.user.id,
      email: s.user.email,
      name: s.user.name,
      isSuperadmin: s.user.isSuperadmin,
      memberships: s.user.memberships.map((m) => ({
        municipality: m.municipality,
        role: m.role,
        name: findArea(m.municipality)?.name ?? m.municipality,
      })),
    },
    csrfToken: s.csrfToken,
    mustChangePassword: !!s.mustChangePassword,
  };
}
