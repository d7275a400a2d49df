// A status round as one document: read as published (its snapshot) or live for the municipality's editors
// with text drafts and what is still missing from whom; a new round starts from the previous round's texts;
// who is responsible for an indicator, and when the next round is due (issue 10 items 1, 2, 6, 7).
import type { Kysely } from 'kysely';
import * as accounts from '../db/repositories/accounts.ts';
import * as planRepo from '../db/repositories/plans.ts';
import * as roundRepo from '../db/repositories/rounds.ts';
import type { DB } from '../db/schema.ts';
import { type FOLLOW_UPS, nextRoundDue } from '../domain/follow-up.ts';
import { collator } from '../domain/text.ts';
import { roundIsPublished, visibleRounds } from '../domain/visibility.ts';
import { type Actor, requireEditor, requireMember, requirePlanVisible, roleIn } from './access.ts';
import { draftsForItems } from './drafts.ts';
import { badRequest, notFound } from './errors.ts';
import { readRound } from './plans/rounds.ts';
import { readSnapshot } from './publish.ts';

type LiveView = Awaited<ReturnType<typeof readRound>>;
type Item = LiveView['items'][number];

export interface MissingGroup {
  responsible: { id: string; name: string } | null;
  indicators: { id: string; title: string }[];
}

/** An entry still to be written: none yet, carried over unedited, or without text. */
function isMissing(item: { entry: { text: string; carried_over?: boolean } | null }) {
  return !item.entry || !!item.entry.carried_over || item.entry.text.trim() === '';
}

async function missingFromWhom(db: Kysely<DB>, items: Item[]): Promise<MissingGroup[]> {
  const open = items.filter(isMissing);
  const ids = [
    ...new Set(open.map((i) => i.indicator.responsible_user_id).filter((x): x is string => x !== null)),
  ].map(String);
  const names = new Map((await roundRepo.usersByIds(db, ids)).map((u) => [u.id, u.name || u.email]));
  const groups = new Map<string, MissingGroup>();
  for (const i of open) {
    const rid = i.indicator.responsible_user_id === null ? null : String(i.indicator.responsible_user_id);
    const key = rid ?? '';
    if (!groups.has(key))
      groups.set(key, { responsible: rid ? { id: rid, name: names.get(rid) ?? rid } : null, indicators: [] });
    groups.get(key)!.indicators.push({ id: i.indicator.id, title: i.indicator.title });
  }
  return [...groups.values()].sort((a, b) =>
    a.responsible && b.responsible
      ? collator.compare(a.responsible.name, b.responsible.name)
      : a.responsible
        ? -1
        : 1,
  );
}

/**
 * The round as its reader may see it. A published round is its snapshot: later edits, deletions and imports
 * do not change it. A draft is live, for the municipality's users only, with drafts and what is missing.
 */
export async function readRoundView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  /** `forEditing: false` (a report) leaves out the editors' text drafts and who is missing, which cost most. */
  opts: { forEditing?: boolean } = {},
) {
  const round = await planRepo.findRound(db, id);
  if (!round) throw notFound('Statusrunden');
  const member = roleIn(actor.user, round.municipality) !== null;
  const editor = ['redaktør', 'administrator'].includes(roleIn(actor.user, round.municipality) ?? '');
  if (round.status === 'offentliggjort') {
    const plan = await planRepo.findPlan(db, String(round.plan_id));
    if (plan) requirePlanVisible(actor, plan, 'Statusrunden');
    const snap = await readSnapshot<LiveView>(db, id);
    const corrections = (await planRepo.roundsOf(db, String(round.plan_id)))
      .filter((r) => String(r.corrects_round_id) === id && (member || roundIsPublished(r)))
      .map((r) => ({ id: String(r.id), title: r.title, status: r.status }));
    if (snap) return { ...snap.view, frozen: true, member, canEdit: editor, corrections };
    return { ...(await readRound(db, actor, id)), frozen: false, member, canEdit: editor, corrections };
  }
  const live = await readRound(db, actor, id);
  const forEditing = opts.forEditing ?? true;
  const drafts = editor && forEditing ? await draftsForItems(db, live.items) : {};
  return {
    ...live,
    frozen: false,
    member,
    canEdit: editor,
    corrections: [],
    drafts,
    missing: forEditing ? await missingFromWhom(db, live.items) : [],
  };
}

/**
 * Starts a new round from the previous round's texts, values and milestone states, each marked as carried
 * over until someone edits it. Does nothing when the round already has entries.
 */
export async function carryOver(db: Kysely<DB>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const round = await planRepo.findRound(trx, roundId);
    if (!round) throw notFound('Statusrunden');
    const user = requireEditor(actor, round.municipality);
    if ((await roundRepo.lockRound(trx, roundId)) !== 'udkast') return 0;
    if ((await planRepo.entriesOf(trx, roundId)).length) return 0;
    const previous = (await planRepo.roundsOf(trx, String(round.plan_id)))
      .filter((r) => String(r.id) !== roundId)
      .at(-1);
    if (!previous) return 0;
    await roundRepo.carryOverEntries(trx, String(previous.id), roundId, user.id);
    return (await planRepo.entriesOf(trx, roundId)).length;
  });
}

/** The people of the plan's municipality an indicator can be given to (members only). */
export async function peopleOfPlan(db: Kysely<DB>, actor: Actor, planId: string) {
  const plan = await planRepo.findPlan(db, planId);
  if (!plan) throw notFound('Planen');
  requireMember(actor, plan.municipality);
  return (await roundRepo.peopleOf(db, plan.municipality))
    .map((p) => ({ id: p.id, name: p.name || p.email }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function setResponsible(
  db: Kysely<DB>,
  actor: Actor,
  indicatorId: string,
  userId: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const ind = await planRepo.findIndicator(trx, indicatorId);
    if (!ind || ind.archived_at) throw notFound('Indikatoren');
    const user = requireEditor(actor, ind.municipality);
    if (userId !== null && !(await roundRepo.peopleOf(trx, ind.municipality)).some((p) => p.id === userId))
      throw badRequest('Den ansvarlige skal være bruger i kommunen.');
    await roundRepo.setResponsible(trx, indicatorId, userId);
    await accounts.audit(trx, {
      userId: user.id,
      userLabel: user.email,
      municipality: ind.municipality,
      action: 'ret ansvarlig',
      entity: 'indikator',
      entityId: indicatorId,
      before: { responsible: ind.responsible_user_id },
      after: { responsible: userId },
    });
    return { indicatorId, responsibleUserId: userId };
  });
}

/** How often the plan is followed up and when the next round is due. */
export async function followUpOf(db: Kysely<DB>, actor: Actor, planId: string) {
  const plan = await planRepo.findPlan(db, planId);
  if (!plan) throw notFound('Planen');
  const member = requirePlanVisible(actor, plan, 'Planen');
  const rounds = visibleRounds(await planRepo.roundsOf(db, planId), member);
  const last = rounds.at(-1)?.as_of ?? null;
  return {
    followUp: plan.follow_up,
    lastRoundAsOf: last,
    nextDue: nextRoundDue(plan.follow_up, last, plan.year_from),
  };
}

export async function setFollowUp(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  followUp: (typeof FOLLOW_UPS)[number] | null,
) {
  return db.transaction().execute(async (trx) => {
    const plan = await planRepo.findPlan(trx, planId);
    if (!plan) throw notFound('Planen');
    const user = requireEditor(actor, plan.municipality);
    await roundRepo.setFollowUp(trx, planId, followUp);
    await accounts.audit(trx, {
      userId: user.id,
      userLabel: user.email,
      municipality: plan.municipality,
      action: 'ret opfølgning',
      entity: 'plan',
      entityId: planId,
      before: { followUp: plan.follow_up },
      after: { followUp },
    });
  });
}
