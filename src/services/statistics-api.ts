// The public statistics API's answers, presented for the HTTP contract (src/contract/statistics.ts):
// camelCase, ids as strings, dates as ISO timestamps, measures by id. The computations are in statistics.ts.
import type { Kysely } from 'kysely';
import type { Development, ImportList, MeasureList, Rank, Series } from '../contract/statistics.ts';
import type { DB } from '../db/schema.ts';
import type { Period } from '../domain/periods.ts';
import { listImports, listMeasures } from './lookups.ts';
import { developmentRow, observations, type RankQuery, rank } from './statistics.ts';

export async function measureList(db: Kysely<DB>): Promise<MeasureList> {
  return { measures: await listMeasures(db) };
}

export async function recentImports(db: Kysely<DB>): Promise<ImportList> {
  return {
    imports: (await listImports(db)).map((i) => ({
      id: String(i.id),
      source: i.source,
      status: i.status,
      startedAt: new Date(i.started_at).toISOString(),
      rowsTotal: i.rows_total,
      rowsNew: i.rows_new,
      rowsRevised: i.rows_revised,
      rowsUnchanged: i.rows_unchanged,
      error: i.error,
    })),
  };
}

export async function series(
  db: Kysely<DB>,
  q: { measure: string; area: string; from?: Period; to?: Period },
): Promise<Series> {
  const r = await observations(db, q);
  return {
    measure: r.measure.id,
    area: r.area.id,
    unit: r.measure.unit,
    attribution: r.measure.attribution,
    observations: r.points.map((p) => ({ ...p, importedAt: new Date(p.importedAt).toISOString() })),
  };
}

export async function developmentAnswer(
  db: Kysely<DB>,
  q: { measure: string; area: string; from: Period; to: Period },
): Promise<Development> {
  const r = await developmentRow(db, q);
  return { ...r, measure: r.measure.id, attribution: r.measure.attribution };
}

export async function rankAnswer(db: Kysely<DB>, q: RankQuery): Promise<Rank> {
  const r = await rank(db, q);
  return { ...r, measure: r.measure.id, denominator: r.denominator?.id ?? null };
}
