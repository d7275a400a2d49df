// The plan at a glance: every indicator evaluated at the latest round's date (or today when the plan has no
// round), with the newest status entry the actor may see.
import type { Dashboard } from '../../contract/plans.ts';
import * as plans from '../../db/repositories/plans.ts';
import { evaluationDate } from '../../domain/evaluation/as-of.ts';
import type { Actor } from '../access.ts';
import { evaluateIndicators } from '../evaluation.ts';
import { publishedDashboard } from '../visibility.ts';
import { readPlan } from './plans.ts';
import { presentDashboard } from './present.ts';
import type { Db } from './write.ts';

/** The dashboard's rows (the API answers with `dashboardView`). */
export async function dashboard(db: Db, actor: Actor, planId: string) {
  const full = await readPlan(db, actor, planId);
  if (!full.member) return publishedDashboard(db, full);
  const latestRound = full.rounds.at(-1);
  const asOf = evaluationDate(full.plan, latestRound?.as_of);
  const visible = new Set(full.rounds.map((r) => String(r.id)));
  const entries = (await plans.entriesOfPlan(db, planId)).filter((e) => visible.has(String(e.round_id)));
  const latestEntry = new Map<string, (typeof entries)[number]>();
  for (const e of entries) latestEntry.set(String(e.indicator_id), e);
  const evaluations = await evaluateIndicators(db, full.plan, full.indicators, latestEntry, asOf);
  const items = full.indicators.map((ind) => ({
    indicator: ind,
    entry: latestEntry.get(ind.id) ?? null,
    evaluation: evaluations.get(ind.id)!,
  }));
  return { ...full, asOf, items };
}

/** The dashboard as the API shows it. */
export async function dashboardView(db: Db, actor: Actor, planId: string): Promise<Dashboard> {
  return presentDashboard(await dashboard(db, actor, planId));
}
