// The public page's data: an adopted plan and its latest published round as published, without login.
import type { PublicPlan } from '../../contract/plans.ts';
import * as plans from '../../db/repositories/plans.ts';
import { planIsPublic, roundIsPublished } from '../../domain/visibility.ts';
import { notFound } from '../errors.ts';
import { publishedRoundView } from '../visibility.ts';
import { readPlan } from './plans.ts';
import {
  type GoalRow,
  type ItemRow,
  presentFocusArea,
  presentGoal,
  presentItem,
  presentPlan,
  presentRound,
  type RoundRow,
} from './present.ts';
import type { Db } from './write.ts';

export async function publicPlan(db: Db, municipality: string, slug: string): Promise<PublicPlan> {
  const plan = await plans.findPlanBySlug(db, municipality, slug);
  if (!plan || !planIsPublic(plan)) throw notFound('Planen');
  const full = await readPlan(db, { user: null }, String(plan.id));
  const published = full.rounds.filter(roundIsPublished);
  const latest = published.at(-1);
  // The latest round as it was published: its goals and texts, whatever was edited or deleted since.
  const view = latest ? await publishedRoundView(db, String(latest.id)) : null;
  const goals = ((view?.goals as GoalRow[] | undefined) ?? full.goals).map(presentGoal);
  return {
    plan: presentPlan(full.plan),
    focus: full.focus.map(presentFocusArea),
    goals,
    rounds: published.map(presentRound),
    member: false,
    canEdit: false,
    latestRound: view
      ? {
          round: presentRound(view.round as unknown as RoundRow),
          goals,
          items: (view.items as unknown as ItemRow[]).map(presentItem),
          summary: view.summary,
        }
      : null,
  };
}
