// The one skeleton of every write on plans, goals, indicators, rounds and entries: a transaction, the subject
// loaded in it (404 when missing), the editor check on the subject's municipality (401/403), the work, and
// the audit row, all committed together or not at all.
import type { Kysely, Transaction } from 'kysely';
import * as accounts from '../../db/repositories/accounts.ts';
import * as plans from '../../db/repositories/plans.ts';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireEditor } from '../access.ts';
import { notFound } from '../errors.ts';

export type Trx = Transaction<DB>;
export type Db = Kysely<DB>;

export interface Write {
  trx: Trx;
  /** The editor doing the write. */
  user: accounts.UserRecord;
  municipality: string;
  /** Writes the audit row of this write (in its transaction). */
  audit(action: string, entity: string, id: string | null, before: unknown, after: unknown): Promise<void>;
}

/**
 * Runs `work` in a transaction after loading its subject with `load` and checking that the actor edits the
 * subject's municipality.
 */
export function editorWrite<S extends { municipality: string }, T>(
  db: Db,
  actor: Actor,
  load: (trx: Trx) => Promise<S>,
  work: (w: Write, subject: S) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const subject = await load(trx);
    const user = requireEditor(actor, subject.municipality);
    const municipality = subject.municipality;
    const audit: Write['audit'] = (action, entity, id, before, after) =>
      accounts.audit(trx, {
        userId: user.id,
        userLabel: user.email,
        municipality,
        action,
        entity,
        entityId: id,
        before,
        after,
      });
    return work({ trx, user, municipality, audit }, subject);
  });
}

export async function loadPlan(db: Db | Trx, id: string) {
  const p = await plans.findPlan(db, id);
  if (!p) throw notFound('Planen');
  return p;
}

/** A goal with its plan (the plan's municipality decides who may edit it). */
export async function loadGoal(db: Db | Trx, id: string) {
  const goal = await plans.findGoal(db, id);
  if (!goal) throw notFound('Målet');
  const plan = await loadPlan(db, String(goal.plan_id));
  return { goal, plan, municipality: plan.municipality };
}

export async function loadIndicator(db: Db | Trx, id: string) {
  const ind = await plans.findIndicator(db, id);
  if (!ind) throw notFound('Indikatoren');
  return ind;
}

export async function loadRound(db: Db | Trx, id: string) {
  const r = await plans.findRound(db, id);
  if (!r) throw notFound('Statusrunden');
  return r;
}
