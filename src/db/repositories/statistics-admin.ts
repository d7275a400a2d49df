// SQL for the administrator's statistics page: secrets, import history with its revisions, current values
// for a preview, and the measure catalogue (periods, last import, indicators that use a measure).
import { sql } from 'kysely';
import type { Executor } from './statistics.ts';

export interface StoredSecret {
  ciphertext: string;
  iv: string;
  tag: string;
  updatedAt: Date;
  updatedBy: string;
}

export async function readSecret(db: Executor, name: string): Promise<StoredSecret | undefined> {
  const r = await db.selectFrom('secrets').selectAll().where('name', '=', name).executeTakeFirst();
  return r
    ? { ciphertext: r.ciphertext, iv: r.iv, tag: r.tag, updatedAt: r.updated_at, updatedBy: r.updated_by }
    : undefined;
}

export async function writeSecret(
  db: Executor,
  name: string,
  s: { ciphertext: string; iv: string; tag: string; updatedBy: string },
) {
  await db
    .insertInto('secrets')
    .values({ name, ciphertext: s.ciphertext, iv: s.iv, tag: s.tag, updated_by: s.updatedBy })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        ciphertext: s.ciphertext,
        iv: s.iv,
        tag: s.tag,
        updated_by: s.updatedBy,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function deleteSecret(db: Executor, name: string) {
  await db.deleteFrom('secrets').where('name', '=', name).execute();
}

/** Imports, newest first, optionally of one source. */
export async function importHistory(db: Executor, q: { source?: string; limit: number }) {
  let query = db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.source) query = query.where('source', '=', q.source);
  return query.execute();
}

/** The newest finished import of each source. */
export async function lastImportPerSource(db: Executor) {
  const r = await sql<{
    id: string;
    source: string;
    status: string;
    created_by: string;
    started_at: Date;
    finished_at: Date | null;
    rows_new: number;
    rows_revised: number;
    rows_unchanged: number;
    error: string | null;
  }>`SELECT DISTINCT ON (source) id::text, source, status, created_by, started_at, finished_at,
      rows_new, rows_revised, rows_unchanged, error
    FROM imports ORDER BY source, id DESC`.execute(db);
  return r.rows;
}

/** The values an import revised: the new version and the one before it. */
export async function revisionsOf(db: Executor, importId: string, limit = 200) {
  return db
    .selectFrom('observations as o')
    .innerJoin('observations as p', (j) =>
      j
        .onRef('p.measure_id', '=', 'o.measure_id')
        .onRef('p.area_id', '=', 'o.area_id')
        .onRef('p.period', '=', 'o.period')
        .on('p.version', '=', sql<number>`o.version - 1`),
    )
    .select([
      'o.measure_id',
      'o.area_id',
      'o.period',
      'o.value',
      'o.missing',
      'o.version',
      'p.value as old_value',
      'p.missing as old_missing',
    ])
    .where('o.import_id', '=', importId)
    .where('o.version', '>', 1)
    .orderBy('o.measure_id')
    .orderBy('o.area_id')
    .orderBy('o.period_ord')
    .limit(limit)
    .execute();
}

export async function countRevisionsOf(db: Executor, importId: string): Promise<number> {
  const r = await db
    .selectFrom('observations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', importId)
    .where('version', '>', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Current values at the given keys (for a preview of what an upload would revise). */
export async function currentValuesAt(
  db: Executor,
  keys: readonly { measureId: string; areaId: string; period: string }[],
) {
  if (keys.length === 0) return [];
  const r = await sql<{
    measure_id: string;
    area_id: string;
    period: string;
    value: number | null;
    missing: string | null;
  }>`
    SELECT o.measure_id, o.area_id, o.period, o.value, o.missing
    FROM observations o
    JOIN unnest(${keys.map((k) => k.measureId)}::text[], ${keys.map((k) => k.areaId)}::text[],
                ${keys.map((k) => k.period)}::text[]) AS k(measure_id, area_id, period)
      ON o.measure_id = k.measure_id AND o.area_id = k.area_id AND o.period = k.period
    WHERE o.is_current`.execute(db);
  return r.rows;
}

/** Per measure: number of current periods, first and last period, and the newest import that supplied a value. */
export async function measureCoverage(db: Executor) {
  const r = await sql<{
    measure_id: string;
    periods: number;
    first_period: string | null;
    last_period: string | null;
    last_import_id: string | null;
    last_import_at: Date | null;
    last_import_source: string | null;
  }>`WITH p AS (
      SELECT measure_id, count(DISTINCT period)::int AS periods, min(period_ord) AS first_ord,
             max(period_ord) AS last_ord, max(import_id) AS last_import
      FROM observations WHERE is_current GROUP BY measure_id)
    SELECT p.measure_id, p.periods,
      (SELECT period FROM observations f WHERE f.measure_id = p.measure_id AND f.is_current AND f.period_ord = p.first_ord LIMIT 1) AS first_period,
      (SELECT period FROM observations l WHERE l.measure_id = p.measure_id AND l.is_current AND l.period_ord = p.last_ord LIMIT 1) AS last_period,
      i.id::text AS last_import_id, i.started_at AS last_import_at, i.source AS last_import_source
    FROM p LEFT JOIN imports i ON i.id = p.last_import`.execute(db);
  return r.rows;
}

/** Indicators whose settings name a measure (measure or numerator, and denominator), with their plan. */
export async function indicatorsUsingMeasures(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('goals as g', 'g.id', 'i.goal_id')
    .innerJoin('plans as p', 'p.id', 'g.plan_id')
    .select([
      'i.id',
      'i.title',
      'p.id as plan_id',
      'p.title as plan_title',
      'p.municipality',
      'p.status as plan_status',
      sql<string | null>`coalesce(i.config->>'measure', i.config->>'numerator')`.as('measure'),
      sql<string | null>`i.config->>'denominator'`.as('denominator'),
    ])
    .where(sql<boolean>`(i.config ? 'measure' OR i.config ? 'numerator' OR i.config ? 'denominator')`)
    .execute();
}
