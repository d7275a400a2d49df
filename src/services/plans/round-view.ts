// A status round as the API shows it (src/services/rounds.ts builds the view: snapshot or live).
import type { RoundView } from '../../contract/plans.ts';
import type { Actor } from '../access.ts';
import { readRoundView } from '../rounds.ts';
import { presentRoundView, type RoundViewRow } from './present.ts';
import type { Db } from './write.ts';

export async function roundView(db: Db, actor: Actor, id: string): Promise<RoundView> {
  return presentRoundView((await readRoundView(db, actor, id)) as RoundViewRow);
}
