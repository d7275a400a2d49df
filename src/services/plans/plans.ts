// Plans: list, read, create, edit, delete; and the municipality's audit trail.

import type { AuditEntry, Plan, PlanInput, PlanView } from '../../contract/plans.ts';
import { findArea } from '../../data/areas.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import * as plans from '../../db/repositories/plans.ts';
import { canSeePlan, visibleRounds } from '../../domain/visibility.ts';
import { type Actor, planReader, requireAdmin, roleIn } from '../access.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { presentAuditEntry, presentPlan, presentPlanView } from './present.ts';
import { type Db, editorWrite, loadPlan } from './write.ts';

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

/** Plans the actor may see: published ones everywhere, drafts only in its own municipalities. */
export async function listPlansFor(db: Db, actor: Actor, municipality?: string): Promise<Plan[]> {
  const rows = await plans.listPlans(db, municipality);
  return rows.filter((p) => canSeePlan(p, roleIn(actor.user, p.municipality) !== null)).map(presentPlan);
}

/**
 * Reading a plan: anyone when adopted or archived; members only for drafts. The rows, for the services and
 * reports built on it; the API answers with `planView`.
 */
export async function readPlan(db: Db, actor: Actor, id: string) {
  const plan = await loadPlan(db, id);
  const role = planReader(actor, plan);
  const member = role !== null;
  const [focus, goals, indicators, rounds] = await Promise.all([
    plans.focusAreasOf(db, id),
    plans.goalsOf(db, id),
    plans.indicatorsOfPlan(db, id),
    plans.roundsOf(db, id),
  ]);
  return {
    plan,
    focus,
    goals,
    indicators,
    rounds: visibleRounds(rounds, member),
    member,
    canEdit: role === 'redaktør' || role === 'administrator',
  };
}

/** The plan with its goals, indicators and the rounds the reader may see, as the API shows it. */
export async function planView(db: Db, actor: Actor, id: string): Promise<PlanView> {
  return presentPlanView(await readPlan(db, actor, id));
}

export async function createPlan(
  db: Db,
  actor: Actor,
  municipality: string,
  input: PlanInput,
): Promise<Plan> {
  const load = async () => {
    if (findArea(municipality)?.kind !== 'kommune') throw notFound('Kommunen');
    return { municipality };
  };
  return editorWrite(db, actor, load, async ({ trx, audit }) => {
    if (input.yearTo < input.yearFrom) throw badRequest('Slutåret må ikke ligge før startåret.');
    const slug = input.slug || slugify(input.title);
    if (await plans.findPlanBySlug(trx, municipality, slug))
      throw conflict(`Kommunen har allerede en plan med kortnavnet "${slug}".`, { slug });
    const plan = await plans.insertPlan(trx, municipality, { ...input, slug });
    await plans.replaceFocusAreas(trx, String(plan.id), input.focusAreas);
    await audit('opret', 'plan', String(plan.id), null, { ...input, slug });
    return presentPlan(plan);
  });
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  id: string,
  revision: number,
  input: PlanInput,
): Promise<Plan> {
  return editorWrite(
    db,
    actor,
    (trx) => loadPlan(trx, id),
    async ({ trx, audit }, before) => {
      const slug = input.slug || before.slug;
      const after = await plans.updatePlan(trx, id, revision, { ...input, slug });
      if (!after)
        throw conflict('Planen er ændret af en anden, siden du åbnede den.', {
          yours: input,
          theirs: before,
        });
      await plans.replaceFocusAreas(trx, id, input.focusAreas);
      await audit('ret', 'plan', id, before, after);
      return presentPlan(after);
    },
  );
}

export async function deletePlan(db: Db, actor: Actor, id: string): Promise<void> {
  await editorWrite(
    db,
    actor,
    (trx) => loadPlan(trx, id),
    async ({ trx, audit }, before) => {
      if (before.status !== 'udkast')
        throw badRequest('Kun planer i udkast kan slettes; arkivér en vedtaget plan i stedet.');
      await plans.deletePlan(trx, id);
      await audit('slet', 'plan', id, before, null);
    },
  );
}

/** The municipality's audit trail, newest first (administrators only). */
export async function auditTrail(db: Db, actor: Actor, municipality: string): Promise<AuditEntry[]> {
  requireAdmin(actor, municipality);
  return (await accounts.auditOf(db, municipality)).map(presentAuditEntry);
}
