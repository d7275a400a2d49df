// Who may do what. Statistics are public; plans, drafts and unpublished status belong to their municipality.
import type { Role, UserRecord } from '../db/repositories/accounts.ts';
import { canSeePlan } from '../domain/visibility.ts';
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
  requirePlanVisible(actor, plan, 'Planen');
  return roleIn(actor.user, plan.municipality);
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

/** Does the actor have a role in the municipality (any role; a superadmin everywhere)? */
export const isMember = (actor: Actor, municipality: string): boolean =>
  roleIn(actor.user, municipality) !== null;

/**
 * Reading a plan or what belongs to it (`what`: "Planen", "Statusrunden"): anyone when the plan is public, its
 * municipality's users when it is a draft. A draft is unknown to the anonymous and forbidden to other users.
 * Returns whether the actor is a member of the plan's municipality.
 */
export function requirePlanVisible(
  actor: Actor,
  plan: { status: string; municipality: string },
  what: string,
) {
  const member = isMember(actor, plan.municipality);
  if (!canSeePlan(plan, member)) {
    if (!actor.user) throw notFound(what);
    throw forbidden('denne plan');
  }
  return member;
}
