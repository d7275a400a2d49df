// Status rounds: create, read (the rows every round view, the snapshot and the report are built from),
// publish (with its snapshot), and correct a published round with a new version.
import type { Round, RoundInput } from '../../contract/plans.ts';
import * as created from '../../db/repositories/idempotency.ts';
import * as plans from '../../db/repositories/plans.ts';
import * as roundRepo from '../../db/repositories/rounds.ts';
import { ASSESSMENT_LABELS } from '../../domain/assessment.ts';
import { type Actor, requireMember } from '../access.ts';
import { badRequest, conflict } from '../errors.ts';
import { evaluateIndicators } from '../evaluation.ts';
import { createOnce } from '../idempotent.ts';
import { buildSnapshot, storeSnapshot } from '../publish.ts';
import { readPlan } from './plans.ts';
import { presentRound } from './present.ts';
import { type Db, editorWrite, loadPlan, loadRound, type Trx } from './write.ts';

export async function createRound(
  db: Db,
  actor: Actor,
  planId: string,
  input: RoundInput,
  key?: string,
): Promise<Round> {
  return editorWrite(
    db,
    actor,
    (trx) => loadPlan(trx, planId),
    async ({ trx, user, audit }) => {
      const round = await createOnce(
        trx,
        key,
        user.id,
        'statusrunde',
        (id) => created.findRoundRow(trx, id),
        async () => {
          const round = await plans.insertRound(trx, planId, input);
          await audit('opret', 'statusrunde', String(round.id), null, input);
          return round;
        },
      );
      return presentRound(round);
    },
  );
}

/** A round with every indicator's evaluation and status entry (rows); drafts only for members. */
export async function readRound(db: Db | Trx, actor: Actor, id: string) {
  const round = await loadRound(db, id);
  if (round.status === 'udkast') requireMember(actor, round.municipality);
  const { plan, goals, indicators } = await readPlan(db, actor, String(round.plan_id));
  const entries = new Map((await plans.entriesOf(db, id)).map((e) => [String(e.indicator_id), e]));
  const evaluations = await evaluateIndicators(db, plan, indicators, entries, round.as_of);
  const items = indicators.map((ind) => ({
    indicator: ind,
    entry: entries.get(ind.id) ?? null,
    evaluation: evaluations.get(ind.id)!,
  }));
  const summary: Record<string, number> = {};
  for (const i of items) {
    const k = ASSESSMENT_LABELS[i.evaluation.status] ?? i.evaluation.status;
    summary[k] = (summary[k] ?? 0) + 1;
  }
  return { round, plan, goals, items, summary };
}

export async function publishRound(db: Db, actor: Actor, roundId: string): Promise<Round> {
  return editorWrite(
    db,
    actor,
    (trx) => loadRound(trx, roundId),
    async ({ trx, audit }, round) => {
      // Waits for saves of this round in flight; saves after this see the round published and are refused.
      if ((await roundRepo.lockRound(trx, roundId)) !== 'udkast')
        throw conflict('Statusrunden er allerede offentliggjort.', { round });
      const plan = await loadPlan(trx, String(round.plan_id));
      if (plan.status === 'udkast')
        throw badRequest('Planen skal være vedtaget, før en statusrunde kan offentliggøres.');
      const after = await plans.publishRound(trx, roundId);
      if (!after) throw conflict('Statusrunden er allerede offentliggjort.', { round });
      // What was published stays as published: texts, figures, assessments and the report's sources.
      await storeSnapshot(trx, roundId, await buildSnapshot(trx, await readRound(trx, actor, roundId)));
      await audit('offentliggør', 'statusrunde', roundId, round, after);
      return presentRound(after);
    },
  );
}

/** A correction of a published round: a new draft round with the same texts, pointing back at it. */
export async function correctRound(db: Db, actor: Actor, roundId: string): Promise<Round> {
  return editorWrite(
    db,
    actor,
    (trx) => loadRound(trx, roundId),
    async ({ trx, user, audit }, round) => {
      if (round.status !== 'offentliggjort')
        throw badRequest('Kun en offentliggjort statusrunde kan rettes; et udkast kan redigeres direkte.');
      const copy = await plans.insertRound(trx, String(round.plan_id), {
        title: `${round.title} (rettet)`,
        asOf: round.as_of,
        correctsRoundId: roundId,
      });
      for (const e of await plans.entriesOf(trx, roundId)) {
        await plans.insertEntry(trx, String(copy.id), String(e.indicator_id), user.id, {
          text: e.text,
          value: e.value,
          valuePeriod: e.value_period,
          valueSource: e.value_source,
          done: e.done,
          assessmentOverride: e.assessment_override,
          overrideReason: e.override_reason,
        });
      }
      await audit('ret offentliggjort', 'statusrunde', String(copy.id), round, copy);
      return presentRound(copy);
    },
  );
}
