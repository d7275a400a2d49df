// Status entries: one indicator's text and figures in a draft round, saved with its revision (a stale one is
// refused with 409 and both versions), serialised with a publish of the same round by the round's row lock.
import type { Entry, EntryInput } from '../../contract/plans.ts';
import * as plans from '../../db/repositories/plans.ts';
import * as roundRepo from '../../db/repositories/rounds.ts';
import type { Actor } from '../access.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { presentEntry } from './present.ts';
import { type Db, editorWrite, loadRound } from './write.ts';

export async function saveEntry(
  db: Db,
  actor: Actor,
  roundId: string,
  indicatorId: string,
  input: EntryInput,
): Promise<Entry> {
  if (input.assessmentOverride && !input.overrideReason?.trim())
    throw badRequest('Angiv en begrundelse, når vurderingen tilsidesættes.');
  return editorWrite(
    db,
    actor,
    (trx) => loadRound(trx, roundId),
    async ({ trx, user, audit }, round) => {
      // The round's row lock serialises this save with a publish of the same round (issue 9 item 2).
      if ((await roundRepo.lockRound(trx, roundId)) !== 'udkast')
        throw conflict('Statusrunden er offentliggjort og kan ikke ændres. Opret en rettelse i stedet.', {
          round,
        });
      const ind = await plans.findIndicator(trx, indicatorId);
      if (!ind || String(ind.plan_id) !== String(round.plan_id) || ind.archived_at)
        throw notFound('Indikatoren');
      const existing = await plans.findEntry(trx, roundId, indicatorId);
      const fields = {
        text: input.text,
        value: input.value,
        valuePeriod: input.valuePeriod,
        valueSource: input.valueSource,
        done: input.done,
        assessmentOverride: input.assessmentOverride,
        overrideReason: input.overrideReason,
      };
      let saved: Awaited<ReturnType<typeof plans.updateEntry>>;
      if (!existing) {
        if (input.revision !== null)
          throw conflict('Statusteksten findes ikke længere.', { yours: input, theirs: null });
        saved = await plans.insertEntry(trx, roundId, indicatorId, user.id, fields);
        if (!saved) {
          const theirs = await plans.findEntry(trx, roundId, indicatorId);
          throw conflict('En anden har gemt en status for denne indikator, mens du skrev.', {
            yours: input,
            theirs: theirs ? presentEntry(theirs) : null,
          });
        }
      } else {
        if (input.revision !== existing.revision) {
          throw conflict(
            'En anden har gemt en nyere version af denne status, mens du skrev. Din tekst er ikke gemt.',
            { yours: input, theirs: presentEntry(existing) },
          );
        }
        saved = await plans.updateEntry(trx, String(existing.id), existing.revision, user.id, fields);
        if (!saved)
          throw conflict('En anden har gemt en nyere version af denne status, mens du skrev.', {
            yours: input,
            theirs: await plans
              .findEntry(trx, roundId, indicatorId)
              .then((e) => (e ? presentEntry(e) : null)),
          });
      }
      await audit(existing ? 'ret' : 'opret', 'status', String(saved.id), existing ?? null, saved);
      return presentEntry(saved);
    },
  );
}
