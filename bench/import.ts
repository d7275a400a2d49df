// Benchmark: N observations (default 1,000,000) of a generated benchmark measure through the product's
// import path (streamed long-CSV parse, validate, COPY into staging, set-based merge, one transaction) into
// PGlite and into PostgreSQL, next to the floor: psql's `\copy` of the same rows into a table with the same
// columns and the same indexes as `observations`. Peak RSS of the process is sampled during each import.
// The rows are a generated measure ("bench.rows.*"), never shown as statistics.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MUNICIPALITIES } from '../src/data/areas.ts';
import { openDatabase } from '../src/db/connection.ts';
import { streamLongCsv } from '../src/importers/long-csv.ts';
import { runImport } from '../src/services/imports.ts';
import { createServices } from '../src/services/index.ts';
import { fmt, rssSampler, withScratchDb } from './common.ts';

export interface ImportResult {
  target: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb?: number;
}

/** Writes the benchmark CSV and the floor's TSV to files, line by line (never one big string). */
export async function writeFiles(rows: number, dir: string): Promise<{ csv: string; tsv: string }> {
  const csv = join(dir, 'bench.csv');
  const tsv = join(dir, 'bench.tsv');
  const c = createWriteStream(csv);
  const t = createWriteStream(tsv);
  c.write('area;measure;period;value;unit\n');
  let n = 0;
  let cb = '';
  let tb = '';
  const flush = async () => {
    c.write(cb);
    t.write(tb);
    cb = '';
    tb = '';
    // Asked again after each wait: one stream may drain while the other is awaited (then no event comes).
    if (c.writableNeedDrain) await new Promise<void>((r) => c.once('drain', () => r()));
    if (t.writableNeedDrain) await new Promise<void>((r) => t.once('drain', () => r()));
  };
  // 98 municipalities × 102 measures × 100 months ≈ 1,000,000
  outer: for (let k = 0; ; k++) {
    for (let mo = 0; mo < 100; mo++) {
      for (const m of MUNICIPALITIES) {
        if (n >= rows) break outer;
        const period = `${2000 + Math.floor(mo / 12)}M${String((mo % 12) + 1).padStart(2, '0')}`;
        const v = (n * 7919) % 10007;
        cb += `${m.id};bench.rows.${k};${period};${v};antal\n`;
        tb += `bench.rows.${k}\t${m.id}\t${period}\t${24000 + mo}\t${v}\t\\N\t1\t1\n`;
        n++;
        if (n % 10_000 === 0) await flush();
      }
    }
  }
  await flush();
  await Promise.all([new Promise<void>((r) => c.end(() => r())), new Promise<void>((r) => t.end(() => r()))]);
  return { csv, tsv };
}

async function importInto(label: string, url: string | undefined, file: string): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const database = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'data') });
  try {
    await createServices(database);
    const rss = rssSampler();
    const start = performance.now();
    const parsed = streamLongCsv(file, { file: 'bench.csv', knownMeasures: new Set(), createMeasures: true });
    const s = await runImport(database.db, parsed, {
      createdBy: 'bench',
      onProgress: (d, t) => process.stderr.write(`\r  ${label}: ${fmt((d / t) * 100)} %   `),
    });
    const seconds = (performance.now() - start) / 1000;
    const peak = rss.stop();
    process.stderr.write('\n');
    return { target: label, rows: s.total, seconds, rowsPerSecond: s.total / seconds, peakRssMb: peak };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** psql's \copy into a table shaped and indexed like `observations`. */
async function copyFloor(url: string, tsv: string, rows: number): Promise<ImportResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_copy;
    CREATE TABLE bench_copy (id bigserial PRIMARY KEY, measure_id text NOT NULL, area_id text NOT NULL,
      period text NOT NULL, period_ord integer NOT NULL, value double precision, missing text,
      version integer NOT NULL, import_id bigint NOT NULL, is_current boolean NOT NULL DEFAULT true);
    CREATE UNIQUE INDEX ON bench_copy (measure_id, area_id, period) WHERE is_current;
    CREATE INDEX ON bench_copy (measure_id, period, area_id) WHERE is_current;
    CREATE INDEX ON bench_copy (import_id);`);
  await client.end();
  const start = performance.now();
  const r = spawnSync(
    'psql',
    [
      url,
      '-qc',
      `\\copy bench_copy (measure_id, area_id, period, period_ord, value, missing, version, import_id) FROM '${tsv}'`,
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  return {
    target: 'PostgreSQL `\\copy`, same indexes (floor)',
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
  };
}

export async function benchImport(rows: number, pgUrl: string | undefined): Promise<ImportResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-files-'));
  try {
    const { csv, tsv } = await writeFiles(rows, dir);
    const results: ImportResult[] = [];
    results.push(await importInto('PGlite (embedded)', undefined, csv));
    if (pgUrl) {
      results.push(await withScratchDb(pgUrl, (url) => importInto('PostgreSQL server', url, csv)));
      results.push(await withScratchDb(pgUrl, (url) => copyFloor(url, tsv, rows)));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
