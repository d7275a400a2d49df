// Who may do what. Statistics are public; plans, drafts and unpublished status belong to their municipality.
import type { Role, UserRecord } from '../db/repositories/accounts.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';

export interface Actor {
  user: UserRecord | null;
}

export function roleIn(user: UserRecord | null, municipality: string): Role | null {
  if (!user) return null;
  if (user.isSuperadmin) return 'administrator';
  return user.memberships.find((m) => m.municipality === municipality)?.role ?? null;
}

/**
 * Reading a plan: anyone when adopted or archived; members only for drafts. Returns the reader's role in the
 * plan's municipality (null outside it), which decides what of the plan they see.
 */
export function planReader(actor: Actor, plan: { municipality: string; status: string }): Role | null {
  const role = roleIn(actor.user, plan.municipality);
  if (plan.status === 'udkast' && role === null) {
    if (!actor.user) throw notFound('Planen');
    throw forbidden('denne plan');
  }
  return role;
}

export function requireUser(actor: Actor): UserRecord {
  if (!actor.user) throw unauthorized();
  return actor.user;
}

/** Reading a municipality's unpublished content: any role in it. */
export function requireMember(actor: Actor, municipality: string): UserRecord {
  const user = requireUser(actor);
  if (!roleIn(user, municipality)) throw forbidden('denne kommunes indhold');
  return user;
}

/** Writing plans and status: redaktør or administrator. */
export function requireEditor(actor: Actor, municipality: string): UserRecord {
  const user = requireUser(actor);
  const role = roleIn(user, municipality);
  if (role !== 'redaktør' && role !== 'administrator') throw forbidden('at redigere denne kommunes indhold');
  return user;
}

export function requireAdmin(actor: Actor, municipality: string): UserRecord {
  const user = requireUser(actor);
  if (roleIn(user, municipality) !== 'administrator') throw forbidden('administration af denne kommune');
  return user;
}

/** The municipalities whose drafts the actor may see (all for a superadmin, none for the public). */
export function memberMunicipalities(actor: Actor, all: readonly string[]): string[] {
  if (!actor.user) return [];
  if (actor.user.isSuperadmin) return [...all];
  return actor.user.memberships.map((m) => m.municipality);
}
