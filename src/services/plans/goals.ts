// Goals of a plan: add, edit, delete (archived instead when published rounds refer to them).
import type { Goal, GoalInput } from '../../contract/plans.ts';
import * as plans from '../../db/repositories/plans.ts';
import * as roundRepo from '../../db/repositories/rounds.ts';
import type { Actor } from '../access.ts';
import { conflict } from '../errors.ts';
import { createOnce } from '../idempotent.ts';
import { presentGoal } from './present.ts';
import { type Db, editorWrite, loadGoal, loadPlan } from './write.ts';

export async function addGoal(
  db: Db,
  actor: Actor,
  planId: string,
  input: GoalInput,
  key?: string,
): Promise<Goal> {
  return editorWrite(
    db,
    actor,
    (trx) => loadPlan(trx, planId),
    async ({ trx, user, audit }) => {
      const goal = await createOnce(
        trx,
        key,
        user.id,
        'mål',
        (id) => plans.findGoal(trx, id),
        async () => {
          const goal = await plans.insertGoal(trx, planId, input);
          await audit('opret', 'mål', String(goal.id), null, input);
          return goal;
        },
      );
      return presentGoal(goal);
    },
  );
}

export async function updateGoal(
  db: Db,
  actor: Actor,
  goalId: string,
  revision: number,
  input: GoalInput,
): Promise<Goal> {
  return editorWrite(
    db,
    actor,
    (trx) => loadGoal(trx, goalId),
    async ({ trx, audit }, { goal: before }) => {
      const after = await plans.updateGoal(trx, goalId, revision, input);
      if (!after)
        throw conflict('Målet er ændret af en anden, siden du åbnede det.', { yours: input, theirs: before });
      await audit('ret', 'mål', goalId, before, after);
      return presentGoal(after);
    },
  );
}

export async function deleteGoal(db: Db, actor: Actor, goalId: string): Promise<void> {
  await editorWrite(
    db,
    actor,
    (trx) => loadGoal(trx, goalId),
    async ({ trx, audit }, { goal: before }) => {
      // Published history holds: a goal with published status is archived, not deleted.
      if (await roundRepo.hasPublishedEntries(trx, { goalId })) {
        await roundRepo.archiveGoal(trx, goalId);
        await audit('arkivér', 'mål', goalId, before, null);
        return;
      }
      await plans.deleteGoal(trx, goalId);
      await audit('slet', 'mål', goalId, before, null);
    },
  );
}
