// The bulk write of one import: rows are streamed with COPY into an unindexed temporary staging table
// (COPY FROM STDIN on PostgreSQL, COPY FROM '/dev/blob' inside the PGlite worker), then one set-based merge
// classifies every staged row as new, revised or unchanged. All of it runs in one transaction on one held
// connection, so a failure anywhere leaves the database as it was.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type BulkAccess, bulkAccess } from '../connection.ts';
import type { DB } from '../schema.ts';
import type { ImportCounts, ImportMeta, StagedObservation } from './statistics.ts';

/** The channel on which a committed import is announced to every app server (LISTEN/NOTIFY). */
export const STATISTICS_CHANNEL = 'maaltavle_statistics';

const STAGE_COLUMNS = 'measure_id, area_id, period, period_ord, value, missing, line';

/** A staged row names an area or a measure the database does not have (checked before the merge). */
export class UnknownReferenceError extends Error {
  constructor(
    readonly line: number,
    readonly kind: 'area' | 'measure',
    readonly id: string,
  ) {
    super(`unknown ${kind} ${id} at line ${line}`);
  }
}

/** A row's key twice in one import: reported with both lines. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly line: number,
    readonly firstLine: number,
  ) {
    super(`duplicate key at lines ${firstLine} and ${line}`);
  }
}

export interface BulkWriteOptions {
  /** Called after each staged batch with the number of rows staged so far. */
  onStaged?: (rows: number) => void;
  /** Runs inside the transaction once every row is staged, before the merge (e.g. create measures). */
  beforeMerge?: (trx: Transaction<DB>) => Promise<void>;
  /** Runs inside the transaction after the merge; throwing rolls everything back (dry run). */
  afterMerge?: (trx: Transaction<DB>, counts: ImportCounts) => Promise<void>;
}

/** Escapes a text value for COPY's text format. */
function copyText(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

/** One batch as COPY text lines: measure, area, period, ordinal, value, missing, line. */
export function encodeCopyRows(rows: readonly StagedObservation[], firstIndex: number): string {
  // A batch repeats few measures, areas, periods and markers: escape each text once. Appending to one
  // string is cheaper here than building an array of lines and joining it.
  const escaped = new Map<string, string>();
  const esc = (s: string) => {
    let e = escaped.get(s);
    if (e === undefined) {
      e = copyText(s);
      escaped.set(s, e);
    }
    return e;
  };
  let out = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out +=
      esc(r.measureId) +
      '\t' +
      esc(r.areaId) +
      '\t' +
      esc(r.period) +
      '\t' +
      r.periodOrd +
      '\t' +
      (r.value === null ? '\\N' : r.value) +
      '\t' +
      (r.missing === null ? '\\N' : esc(r.missing)) +
      '\t' +
      (r.line ?? firstIndex + i + 1) +
      '\n';
  }
  return out;
}

/** A Kysely instance on one checked-out client, so COPY and the transaction share the connection. */
function kyselyOn(client: pg.PoolClient): Kysely<DB> {
  const held = { query: client.query.bind(client), release: () => {} };
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: { connect: async () => held, end: async () => {} } as never,
    }),
  });
}

type Stager = (text: string) => Promise<void>;

function stagerFor(access: BulkAccess | undefined, client: pg.PoolClient, trx: Transaction<DB>): Stager {
  const copySql = `COPY stage (${STAGE_COLUMNS}) FROM STDIN`;
  if (access?.copyBlob) {
    const blobSql = `COPY stage (${STAGE_COLUMNS}) FROM '/dev/blob'`;
    return (text) => access.copyBlob!(blobSql, new TextEncoder().encode(text));
  }
  if (access?.engine === 'postgres')
    return async (text) => {
      await pipeline(Readable.from([text]), client.query(copyFrom(copySql)));
    };
  // Not opened by openDatabase (no pool to hold): plain inserts of the parsed text.
  return async (text) => {
    const rows = text
      .slice(0, -1)
      .split('\n')
      .map((l) => l.split('\t'));
    const col = (i: number) => rows.map((r) => (r[i] === '\\N' ? null : r[i]!));
    await sql`INSERT INTO stage (measure_id, area_id, period, period_ord, value, missing, line)
      SELECT * FROM unnest(${col(0)}::text[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::integer[],
        ${col(4)}::double precision[], ${col(5)}::text[], ${col(6)}::integer[])`.execute(trx);
  };
}

/**
 * Writes one import from batches of rows. Returns the counts; the caller's hooks run inside the
 * transaction. Only one batch is in COPY while the next one is being parsed, so memory stays bounded.
 */
export async function bulkWriteImport(
  db: Kysely<DB>,
  meta: ImportMeta,
  batches: AsyncIterable<StagedObservation[]> | Iterable<StagedObservation[]>,
  opts: BulkWriteOptions = {},
): Promise<ImportCounts> {
  const access = bulkAccess(db);
  const client = access ? await access.pool.connect() : undefined;
  // The staging table lives in the session's temporary buffers: give them room (allowed only before the
  // session first touches a temporary table, so a reused connection may keep its old setting).
  // Not on PGlite: its WebAssembly memory never shrinks, so the import keeps the small default there.
  if (client && access?.engine === 'postgres')
    await client.query(`SET temp_buffers = '64MB'`).catch(() => undefined);
  const k = client ? kyselyOn(client) : db;
  try {
    return await k.transaction().execute(async (trx) => {
      const importId = await insertImportRow(trx, meta);
      await createStage(trx);
      const stage = stagerFor(access, client!, trx);
      let total = 0;
      const t0 = performance.now();
      let inflight: Promise<void> | undefined;
      let tEncode = 0;
      let tWait = 0;
      try {
        for await (const batch of batches) {
          const te = performance.now();
          const text = encodeCopyRows(batch, total);
          total += batch.length;
          const tw = performance.now();
          tEncode += tw - te;
          await inflight;
          tWait += performance.now() - tw;
          inflight = stage(text);
          opts.onStaged?.(total);
        }
        await inflight;
      } catch (err) {
        await inflight?.catch(() => undefined);
        throw err;
      }
      // A streamed file's parameters (encoding, separator) are known once it is read.
      await trx
        .updateTable('imports')
        .set({ parameters: JSON.stringify(meta.parameters) })
        .where('id', '=', importId)
        .execute();
      const tStaged = performance.now();
      await opts.beforeMerge?.(trx);
      const counts = await mergeStage(trx, importId, total, access?.engine);
      await notifyStatisticsChanged(trx, access?.instance);
      if (process.env.MAALTAVLE_DEBUG_IMPORT)
        console.error(
          `staged in ${((tStaged - t0) / 1000).toFixed(2)} s (encode ${(tEncode / 1000).toFixed(2)} s, waiting for COPY ${(tWait / 1000).toFixed(2)} s), merged in ${((performance.now() - tStaged) / 1000).toFixed(2)} s`,
        );
      await opts.afterMerge?.(trx, counts);
      return counts;
    });
  } finally {
    client?.release();
  }
}

/** The unindexed staging table of one import, gone at the end of the transaction. */
export async function createStage(trx: Transaction<DB>) {
  await sql`CREATE TEMP TABLE stage (
    measure_id text NOT NULL, area_id text NOT NULL, period text NOT NULL, period_ord integer NOT NULL,
    value double precision, missing text, line integer NOT NULL) ON COMMIT DROP`.execute(trx);
}

export async function insertImportRow(trx: Transaction<DB>, meta: ImportMeta): Promise<string> {
  const imp = await trx
    .insertInto('imports')
    .values({
      source: meta.source,
      parameters: JSON.stringify(meta.parameters),
      created_by: meta.createdBy,
      started_at: meta.startedAt,
      status: 'done',
      source_updated_at: meta.sourceUpdatedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(imp.id);
}

/**
 * The set-based merge. (1) Retire the current version of every staged key whose value differs (revised);
 * (2) insert every staged key that has no current version any more (new and revised), version n+1.
 * Unchanged keys keep their current version. A key twice in the stage trips the unique index and is
 * reported with both lines.
 */
function debugTimer() {
  let t = performance.now();
  return (label: string) => {
    if (!process.env.MAALTAVLE_DEBUG_IMPORT) return;
    const now = performance.now();
    console.error(`  ${label}: ${((now - t) / 1000).toFixed(2)} s`);
    t = now;
  };
}

export async function mergeStage(
  trx: Transaction<DB>,
  importId: string,
  total: number,
  engine?: BulkAccess['engine'],
): Promise<ImportCounts> {
  const mark = debugTimer();
  // What the foreign keys checked row by row, once for the whole stage (migration 0008).
  const bad = await sql<{ line: number; area_id: string; measure_id: string; no_area: boolean }>`
    SELECT s.line, s.area_id, s.measure_id, a.id IS NULL AS no_area
    FROM stage s LEFT JOIN areas a ON a.id = s.area_id LEFT JOIN measures m ON m.id = s.measure_id
    WHERE a.id IS NULL OR m.id IS NULL ORDER BY s.line LIMIT 1`.execute(trx);
  const b = bad.rows[0];
  mark('references');
  if (b)
    throw new UnknownReferenceError(
      b.line,
      b.no_area ? 'area' : 'measure',
      b.no_area ? b.area_id : b.measure_id,
    );
  // A first load (no staged measure has a current value yet, e.g. a new source or new measures): every
  // staged row is new, version 1, so there is nothing to retire or compare and the rows go straight in.
  const fresh = await sql<{ taken: boolean }>`SELECT EXISTS (
      SELECT 1 FROM (SELECT DISTINCT measure_id FROM stage) m
      WHERE EXISTS (SELECT 1 FROM observations o WHERE o.measure_id = m.measure_id AND o.is_current)) AS taken`.execute(
    trx,
  );
  mark('fresh?');
  const firstLoad = !fresh.rows[0]!.taken;
  if (!firstLoad) {
    await sql`ANALYZE stage`.execute(trx);
    // The key-ordered insert sorts the whole stage: in memory, not in temporary files (not on PGlite,
    // whose WebAssembly memory never shrinks).
    if (engine === 'postgres') await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    mark('analyze');
  }
  if (firstLoad)
    await sql`CREATE TEMP TABLE retired (measure_id text, area_id text, period text, version integer)
      ON COMMIT DROP`.execute(trx);
  else
    await sql`CREATE TEMP TABLE retired ON COMMIT DROP AS
    WITH u AS (
      UPDATE observations o SET is_current = false
      FROM stage s
      WHERE o.measure_id = s.measure_id AND o.area_id = s.area_id AND o.period = s.period AND o.is_current
        AND (o.value IS DISTINCT FROM s.value OR o.missing IS DISTINCT FROM s.missing)
      RETURNING o.measure_id, o.area_id, o.period, o.version)
    SELECT * FROM u`.execute(trx);
  mark('retire');
  await sql`SAVEPOINT merge_insert`.execute(trx);
  let inserted: number;
  try {
    const r = firstLoad
      ? await sql`INSERT INTO observations
          (measure_id, area_id, period, period_ord, value, missing, version, import_id, is_current)
        SELECT measure_id, area_id, period, period_ord, value, missing, 1, ${importId}, true FROM stage`.execute(
          trx,
        )
      : await sql`INSERT INTO observations
        (measure_id, area_id, period, period_ord, value, missing, version, import_id, is_current)
      SELECT s.measure_id, s.area_id, s.period, s.period_ord, s.value, s.missing,
        COALESCE(r.version, 0) + 1, ${importId}, true
      FROM stage s
      LEFT JOIN retired r ON r.measure_id = s.measure_id AND r.area_id = s.area_id AND r.period = s.period
      WHERE NOT EXISTS (
        SELECT 1 FROM observations c
        WHERE c.measure_id = s.measure_id AND c.area_id = s.area_id AND c.period = s.period AND c.is_current)
      -- In key order the unique index grows at its right edge instead of at random pages.
      ORDER BY s.measure_id, s.area_id, s.period`.execute(trx);
    inserted = Number(r.numAffectedRows ?? 0);
    mark('insert');
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await sql`ROLLBACK TO SAVEPOINT merge_insert`.execute(trx);
    const dup = await sql<{ first: number; line: number }>`SELECT a.line AS first, b.line AS line
      FROM stage a JOIN stage b
        ON a.measure_id = b.measure_id AND a.area_id = b.area_id AND a.period = b.period AND a.line < b.line
      ORDER BY b.line, a.line LIMIT 1`.execute(trx);
    const d = dup.rows[0];
    if (!d) throw err;
    throw new DuplicateKeyError(d.line, d.first);
  }
  const revisedRow = await sql<{ n: number }>`SELECT count(*)::int AS n FROM retired`.execute(trx);
  const revised = revisedRow.rows[0]!.n;
  const counts: ImportCounts = {
    importId,
    total,
    new: inserted - revised,
    revised,
    unchanged: total - inserted,
  };
  await trx
    .updateTable('imports')
    .set({
      finished_at: new Date(),
      rows_total: counts.total,
      rows_new: counts.new,
      rows_revised: counts.revised,
      rows_unchanged: counts.unchanged,
    })
    .where('id', '=', importId)
    .execute();
  await sql`DROP TABLE stage; DROP TABLE retired`.execute(trx);
  return counts;
}

/**
 * Announces the import to every app server listening (their cross-section caches). Delivered at commit,
 * dropped on rollback. The payload names the sender, which has already dropped its own cache.
 */
export async function notifyStatisticsChanged(trx: Transaction<DB>, sender = '') {
  await sql`SELECT pg_notify(${STATISTICS_CHANNEL}, ${sender})`.execute(trx);
}
