// What people outside a municipality see of its adopted plans: published rounds only, as published. Computed
// assessments of drafts are for the municipality's own users (issue 10 item 3).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { evaluationDate } from '../domain/evaluation/as-of.ts';
import { roundIsPublished } from '../domain/visibility.ts';
import { type Evaluation, evaluateIndicators, type IndicatorRow } from './evaluation.ts';
import { readSnapshot } from './publish.ts';

interface ViewItem {
  indicator: { id: string };
  entry: unknown;
  evaluation: Evaluation;
}
interface PublishedView {
  round: { id: string; as_of: string; title: string };
  goals: unknown[];
  items: ViewItem[];
  summary: Record<string, number>;
}

/** An evaluation with its assessment withheld: statistics are public, the judgement is not yet. */
function withheld(ev: Evaluation): Evaluation {
  return {
    ...ev,
    assessment: {
      status: 'kan ikke vurderes',
      expected: null,
      gap: null,
      attainment: null,
      reason: 'Vurderingen er ikke offentliggjort.',
    },
    status: 'kan ikke vurderes',
    override: null,
    progressText: null,
  };
}

/** A published round as it was published (its snapshot; rounds published before snapshots are read live). */
export async function publishedRoundView(db: Kysely<DB>, roundId: string): Promise<PublishedView> {
  const snap = await readSnapshot<PublishedView>(db, roundId);
  if (snap) return snap.view;
  const { readRound } = await import('./plans.ts');
  return (await readRound(db, { user: null }, roundId)) as unknown as PublishedView;
}

type Round = { id: string | number; status: string };

/** The dashboard of someone outside the municipality: the latest published round, or no assessments. */
export async function publishedDashboard<
  F extends {
    plan: { year_from: number; year_to: number };
    rounds: Round[];
    goals: unknown[];
    indicators: IndicatorRow[];
  },
>(db: Kysely<DB>, full: F) {
  const latest = full.rounds.filter(roundIsPublished).at(-1);
  if (latest) {
    const view = await publishedRoundView(db, String(latest.id));
    return { ...full, goals: view.goals, asOf: view.round.as_of, items: view.items };
  }
  const asOf = evaluationDate(full.plan);
  const evaluations = await evaluateIndicators(db, full.plan, full.indicators, new Map(), asOf);
  const items = full.indicators.map((ind) => ({
    indicator: ind,
    entry: null,
    evaluation: withheld(evaluations.get(ind.id)!),
  }));
  return { ...full, asOf, items };
}

/** The indicator's assessment in the latest published round that has it, else the live one withheld. */
export async function publishedEvaluation(
  db: Kysely<DB>,
  rounds: Round[],
  indicatorId: string,
  live: Evaluation,
): Promise<Evaluation> {
  for (const r of rounds.filter(roundIsPublished).reverse()) {
    const view = await publishedRoundView(db, String(r.id));
    const item = view.items.find((i) => String(i.indicator.id) === indicatorId);
    if (item) return item.evaluation;
  }
  return withheld(live);
}
