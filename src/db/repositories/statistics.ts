// Statistics store: areas, measures, imports and versioned observations. The only SQL for statistics.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export type { MeasureRecord, StagedObservation } from '../../domain/statistics.ts';

import type { MeasureRecord } from '../../domain/statistics.ts';

export interface ImportMeta {
  source: string;
  parameters: Record<string, unknown>;
  createdBy: string;
  startedAt: Date;
  sourceUpdatedAt: Date | null;
}

export interface ImportCounts {
  importId: string;
  total: number;
  new: number;
  revised: number;
  unchanged: number;
}

export async function upsertAreas(
  db: Executor,
  areas: readonly { id: string; kind: string; name: string; region?: string }[],
) {
  if (areas.length === 0) return;
  await db
    .insertInto('areas')
    .values(
      areas.map((a) => ({ id: a.id, kind: a.kind as 'kommune', name: a.name, region: a.region ?? null })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        region: eb.ref('excluded.region'),
      })),
    )
    .execute();
}

const measureRow = (m: MeasureRecord) => ({
  id: m.id,
  name: m.name,
  unit: m.unit,
  source: m.source,
  source_table: m.sourceTable,
  dimensions: JSON.stringify(m.dimensions),
  frequency: m.frequency,
  attribution: m.attribution,
  description: m.description,
  better: m.better,
  better_inferred: m.betterInferred ?? false,
});

type MeasureDbRow = {
  id: string;
  name: string;
  unit: string;
  source: string;
  source_table: string | null;
  dimensions: unknown;
  frequency: MeasureRecord['frequency'];
  attribution: string;
  description: string | null;
  better: 'lower' | 'higher';
  better_inferred: boolean;
};

const measureRecord = (r: MeasureDbRow): MeasureRecord => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  source: r.source,
  sourceTable: r.source_table,
  dimensions: (typeof r.dimensions === 'string' ? JSON.parse(r.dimensions) : r.dimensions) as Record<
    string,
    string
  >,
  frequency: r.frequency,
  attribution: r.attribution,
  description: r.description,
  better: r.better,
  betterInferred: r.better_inferred,
});

export async function upsertMeasures(db: Executor, measures: readonly MeasureRecord[]) {
  if (measures.length === 0) return;
  await db
    .insertInto('measures')
    .values(measures.map(measureRow))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        unit: eb.ref('excluded.unit'),
        source: eb.ref('excluded.source'),
        source_table: eb.ref('excluded.source_table'),
        dimensions: eb.ref('excluded.dimensions'),
        frequency: eb.ref('excluded.frequency'),
        attribution: eb.ref('excluded.attribution'),
        description: eb.ref('excluded.description'),
        better: eb.ref('excluded.better'),
        better_inferred: eb.ref('excluded.better_inferred'),
      })),
    )
    .execute();
}

/** Creates measures that do not exist yet (for `--create-measures`), leaving existing ones untouched. */
export async function insertMissingMeasures(db: Executor, measures: readonly MeasureRecord[]) {
  if (measures.length === 0) return;
  await db
    .insertInto('measures')
    .values(measures.map(measureRow))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function listMeasures(db: Executor): Promise<MeasureRecord[]> {
  const rows = await db.selectFrom('measures').selectAll().orderBy('id').execute();
  return rows.map(measureRecord);
}

export async function findMeasure(db: Executor, id: string): Promise<MeasureRecord | undefined> {
  const r = await db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? measureRecord(r) : undefined;
}

/** Current values of one measure in one period: area and value only (for ranking). */
export async function valuesInPeriod(db: Executor, measure: string, period: string) {
  return db
    .selectFrom('observations')
    .select(['area_id', 'value'])
    .where('measure_id', '=', measure)
    .where('period', '=', period)
    .where('is_current', '=', true)
    .execute();
}

export async function measureIds(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('measures').select('id').execute();
  return new Set(rows.map((r) => r.id));
}

/** Records a failed import (outside the rolled-back transaction) so the refresh log shows it. */
export async function recordFailedImport(db: Executor, meta: ImportMeta, error: string) {
  await db
    .insertInto('imports')
    .values({
      source: meta.source,
      parameters: JSON.stringify(meta.parameters),
      created_by: meta.createdBy,
      started_at: meta.startedAt,
      finished_at: new Date(),
      status: 'failed',
      error,
    })
    .execute();
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  missing: string | null;
  version: number;
  importId: string;
  importedAt: Date;
  source: string;
}

/** The current series of one measure and area, optionally limited by period ordinals, oldest first. */
export async function series(
  db: Executor,
  q: { measure: string; area: string; fromOrd?: number; toOrd?: number; asOfImport?: string },
): Promise<SeriesPoint[]> {
  let query = db
    .selectFrom('observations as o')
    .innerJoin('imports as i', 'i.id', 'o.import_id')
    .select([
      'o.period',
      'o.value',
      'o.missing',
      'o.version',
      'o.import_id',
      'i.started_at',
      'i.source',
      'o.period_ord',
    ])
    .where('o.measure_id', '=', q.measure)
    .where('o.area_id', '=', q.area);
  if (q.asOfImport) {
    // The version each period had right after the given import: the newest version from imports up to it.
    query = query
      .where('o.import_id', '<=', q.asOfImport)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('observations as n')
              .select('n.id')
              .whereRef('n.measure_id', '=', 'o.measure_id')
              .whereRef('n.area_id', '=', 'o.area_id')
              .whereRef('n.period', '=', 'o.period')
              .whereRef('n.version', '>', 'o.version')
              .where('n.import_id', '<=', q.asOfImport!),
          ),
        ),
      );
  } else {
    query = query.where('o.is_current', '=', true);
  }
  if (q.fromOrd !== undefined) query = query.where('o.period_ord', '>=', q.fromOrd);
  if (q.toOrd !== undefined) query = query.where('o.period_ord', '<=', q.toOrd);
  const rows = await query.orderBy('o.period_ord').orderBy('o.period').execute();
  return rows.map((r) => ({
    period: r.period,
    value: r.value,
    missing: r.missing,
    version: r.version,
    importId: String(r.import_id),
    importedAt: r.started_at,
    source: r.source,
  }));
}

/** Current values of one measure in one period for every area that has it. */
export async function crossSection(db: Executor, measure: string, period: string) {
  return db
    .selectFrom('observations as o')
    .innerJoin('imports as i', 'i.id', 'o.import_id')
    .select(['o.area_id', 'o.value', 'o.missing', 'o.version', 'o.import_id', 'i.started_at'])
    .where('o.measure_id', '=', measure)
    .where('o.period', '=', period)
    .where('o.is_current', '=', true)
    .execute();
}

/** Current values of several (measure, period) cross-sections in one query. */
export async function crossSectionsOf(db: Executor, pairs: readonly { measure: string; period: string }[]) {
  if (pairs.length === 0) return [];
  return db
    .selectFrom('observations as o')
    .innerJoin('imports as i', 'i.id', 'o.import_id')
    .select([
      'o.measure_id',
      'o.period',
      'o.area_id',
      'o.value',
      'o.missing',
      'o.version',
      'o.import_id',
      'i.started_at',
    ])
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('o.measure_id', 'o.period'),
        'in',
        pairs.map((p) => tuple(p.measure, p.period)),
      ),
    )
    .where('o.is_current', '=', true)
    .execute();
}

/** The newest import id: the generation of the statistics (changes whenever an import is recorded). */
export async function latestImportId(db: Executor): Promise<string> {
  const r = await db
    .selectFrom('imports')
    .select(({ fn }) => fn.max('id').as('id'))
    .executeTakeFirst();
  return String(r?.id ?? 0);
}

export async function listImports(db: Executor, limit = 50) {
  return db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function countObservations(db: Executor): Promise<{ current: number; all: number }> {
  const r = await sql<{ current: number; all: number }>`SELECT
    count(*) FILTER (WHERE is_current)::int AS current, count(*)::int AS all FROM observations`.execute(db);
  return r.rows[0]!;
}

/** Periods present for a measure, newest first. */
export async function periodsOf(db: Executor, measure: string): Promise<string[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['period', 'period_ord'])
    .distinct()
    .where('measure_id', '=', measure)
    .where('is_current', '=', true)
    .orderBy('period_ord', 'desc')
    .execute();
  return rows.map((r) => r.period);
}

/** The newest import that supplied a current value of the measure (for "hentet den …" lines). */
export async function latestImportOf(db: Executor, measure: string) {
  return db
    .selectFrom('observations as o')
    .innerJoin('imports as i', 'i.id', 'o.import_id')
    .select(['i.id', 'i.started_at', 'i.source'])
    .where('o.measure_id', '=', measure)
    .where('o.is_current', '=', true)
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Measures by id, in one query (for an evaluation's facts). */
export async function measuresByIds(db: Executor, ids: readonly string[]): Promise<MeasureRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('measures').selectAll().where('id', 'in', ids).execute();
  return rows.map(measureRecord);
}

/**
 * Current series of several (measure, area) pairs in one query: every current value of the measures in the
 * areas (a superset of the pairs when measures and areas cross), oldest first.
 */
export async function seriesOfPairs(
  db: Executor,
  pairs: readonly { measure: string; area: string }[],
): Promise<
  { measure_id: string; area_id: string; period: string; value: number | null; import_id: string }[]
> {
  if (pairs.length === 0) return [];
  const measures = [...new Set(pairs.map((p) => p.measure))];
  const areas = [...new Set(pairs.map((p) => p.area))];
  const rows = await db
    .selectFrom('observations')
    .select(['measure_id', 'area_id', 'period', 'value', 'import_id'])
    .where('measure_id', 'in', measures)
    .where('area_id', 'in', areas)
    .where('is_current', '=', true)
    .orderBy('period_ord')
    .orderBy('period')
    .execute();
  return rows.map((r) => ({ ...r, import_id: String(r.import_id) }));
}

/** Every current value of several measures (all areas, all periods) in one query. */
export async function crossSectionsOfMeasures(
  db: Executor,
  measures: readonly string[],
  periods?: readonly string[],
): Promise<{ measure_id: string; area_id: string; period: string; value: number | null }[]> {
  if (measures.length === 0 || periods?.length === 0) return [];
  let q = db
    .selectFrom('observations')
    .select(['measure_id', 'area_id', 'period', 'value'])
    .where('measure_id', 'in', measures)
    .where('is_current', '=', true);
  if (periods) q = q.where('period', 'in', periods);
  return q.execute();
}

/** The newest import that supplied a current value of each measure, in one query. */
export async function latestImportsOf(db: Executor, measures: readonly string[]) {
  if (measures.length === 0) return [];
  const r = await sql<{ measure_id: string; id: string; started_at: Date; source: string }>`
    SELECT DISTINCT ON (o.measure_id) o.measure_id, i.id::text AS id, i.started_at, i.source
    FROM observations o JOIN imports i ON i.id = o.import_id
    WHERE o.measure_id = ANY(${[...measures]}::text[]) AND o.is_current
    ORDER BY o.measure_id, i.id DESC`.execute(db);
  return r.rows;
}
