// What a published round holds: everything its page and its report show, frozen when it is published, so
// later edits, deletions and imports never change it (issue 10 item 2).
import type { Kysely, Transaction } from 'kysely';
import * as planRepo from '../db/repositories/plans.ts';
import * as roundRepo from '../db/repositories/rounds.ts';
import { latestImportOf } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import type { ComparisonHistory } from '../domain/evaluation/history.ts';
import { type IndicatorRow, planHistories } from './evaluation.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The live view of a round as `readRound` returns it (kept structural to avoid an import cycle). */
export interface RoundViewLike {
  round: { id: string | number; plan_id: string | number; as_of: string };
  plan: { id: string | number; year_to: number };
  goals: unknown[];
  items: { indicator: { id: string; kind: string; config: Record<string, unknown> } }[];
  summary: Record<string, number>;
}

type Series = ComparisonHistory;
type HistoryRow = Awaited<ReturnType<typeof planRepo.entriesOfPlan>>[number];
type ImportRow = NonNullable<Awaited<ReturnType<typeof latestImportOf>>>;

/** The report's other sources at publishing: earlier texts, chart series and the statistics' fetches. */
export interface ReportSources {
  history: HistoryRow[];
  series: Record<string, Series>;
  imports: ImportRow[];
}

export interface RoundSnapshot<V = RoundViewLike> {
  version: 1;
  view: V;
  sources: ReportSources;
}

/** Whether the report draws a chart of the indicator's statistic (niveau and benchmark with a measure). */
function chartable(ind: { kind: string; config: Record<string, unknown> }) {
  const c = ind.config as { measure?: string; area?: string };
  return !!c.measure && !!c.area && (ind.kind === 'niveau' || ind.kind === 'benchmark');
}

/** Collects the snapshot inside the publishing transaction, from the round's live view. */
export async function buildSnapshot<V extends RoundViewLike>(trx: Db, view: V): Promise<RoundSnapshot<V>> {
  const planId = String(view.plan.id);
  const rounds = await planRepo.roundsOf(trx, planId);
  const visible = new Set(
    rounds
      .filter(
        (r) =>
          r.as_of <= view.round.as_of &&
          (r.status === 'offentliggjort' || String(r.id) === String(view.round.id)),
      )
      .map((r) => String(r.id)),
  );
  const history = (await planRepo.entriesOfPlan(trx, planId)).filter((e) => visible.has(String(e.round_id)));
  const series: Record<string, Series> = {};
  const histories = await planHistories(
    trx as Kysely<DB>,
    view.items.filter((i) => chartable(i.indicator)).map((i) => i.indicator as IndicatorRow),
  );
  for (const [id, h] of histories) series[id] = h;
  const imports: ImportRow[] = [];
  const measures = new Set(
    view.items
      .map((i) => (i.indicator.config as { measure?: string }).measure)
      .filter((m): m is string => !!m),
  );
  for (const m of measures) {
    const im = await latestImportOf(trx, m);
    if (im && !imports.some((x) => String(x.id) === String(im.id))) imports.push(im);
  }
  // Stored as JSON: dates become ISO strings here already, so the page reads the same before and after.
  return JSON.parse(JSON.stringify({ version: 1, view, sources: { history, series, imports } }));
}

export async function storeSnapshot(trx: Db, roundId: string, snapshot: RoundSnapshot<unknown>) {
  await roundRepo.setSnapshot(trx, roundId, snapshot);
}

/** The published round's snapshot, or null for a draft (or a round published before snapshots existed). */
export async function readSnapshot<V = RoundViewLike>(
  db: Db,
  roundId: string,
): Promise<RoundSnapshot<V> | null> {
  const s = (await roundRepo.snapshotOf(db, roundId)) as RoundSnapshot<V> | null;
  return s && s.version === 1 ? s : null;
}

/** The report's sources of a published round: what the report builder uses instead of live data. */
export async function publishedReportSources(db: Db, roundId: string): Promise<ReportSources | null> {
  return (await readSnapshot(db, roundId))?.sources ?? null;
}
