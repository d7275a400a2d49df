// Benchmark: 1,000,000 observations through the long-CSV importer into the embedded database and into the
// PostgreSQL server, as rows per second, next to the floor: PostgreSQL's own COPY of the same rows.
// The rows are a synthetic benchmark measure ("bench.rows"), never shown as statistics.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MUNICIPALITIES } from '../src/data/areas.ts';
import { openDatabase } from '../src/db/connection.ts';
import { parseLongCsv } from '../src/importers/long-csv.ts';
import { runImport } from '../src/services/imports.ts';
import { createServices } from '../src/services/index.ts';
import { fmt } from './common.ts';

export interface ImportResult {
  target: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

function makeCsv(rows: number): { csv: string; copy: string } {
  const out = ['area;measure;period;value;unit'];
  const copy: string[] = [];
  let n = 0;
  // 98 municipalities × 102 measures × 100 months ≈ 1,000,000
  outer: for (let k = 0; ; k++) {
    for (let mo = 0; mo < 100; mo++) {
      for (const m of MUNICIPALITIES) {
        if (n >= rows) break outer;
        const period = `${2000 + Math.floor(mo / 12)}M${String((mo % 12) + 1).padStart(2, '0')}`;
        const v = (n * 7919) % 10007;
        out.push(`${m.id};bench.rows.${k};${period};${v};antal`);
        copy.push(`bench.rows.${k}\t${m.id}\t${period}\t${24000 + mo}\t${v}`);
        n++;
      }
    }
  }
  return { csv: `${out.join('\n')}\n`, copy: `${copy.join('\n')}\n` };
}

async function importInto(label: string, url: string | undefined, csv: Buffer): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const database = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'data') });
  try {
    await createServices(database);
    const start = performance.now();
    const parsed = parseLongCsv(csv, { file: 'bench.csv', knownMeasures: new Set(), createMeasures: true });
    const s = await runImport(database.db, parsed, {
      createdBy: 'bench',
      onProgress: (d, t) => process.stderr.write(`\r  ${label}: ${fmt((d / t) * 100)} %   `),
    });
    const seconds = (performance.now() - start) / 1000;
    process.stderr.write('\n');
    return { target: label, rows: s.total, seconds, rowsPerSecond: s.total / seconds };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function copyFloor(url: string, copyText: string, rows: number): Promise<ImportResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bench_copy');
  await client.query(
    'CREATE TABLE bench_copy (measure_id text, area_id text, period text, period_ord int, value double precision)',
  );
  await client.end();
  const file = join(mkdtempSync(join(tmpdir(), 'maaltavle-copy-')), 'rows.tsv');
  writeFileSync(file, copyText);
  const start = performance.now();
  const r = spawnSync('psql', [url, '-qc', `\\copy bench_copy FROM '${file}'`], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  const c2 = new pg.Client({ connectionString: url });
  await c2.connect();
  await c2.query('DROP TABLE bench_copy');
  await c2.end();
  return { target: 'PostgreSQL COPY (floor)', rows, seconds, rowsPerSecond: rows / seconds };
}

/** Creates a scratch database on the server for the benchmark and drops it afterwards. */
async function withScratchDb<T>(base: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `maaltavle_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

export async function benchImport(rows: number, pgUrl: string | undefined): Promise<ImportResult[]> {
  const { csv, copy } = makeCsv(rows);
  const bytes = Buffer.from(csv);
  const results: ImportResult[] = [];
  results.push(await importInto('PGlite (embedded)', undefined, bytes));
  if (pgUrl) {
    results.push(await withScratchDb(pgUrl, (url) => importInto('PostgreSQL server', url, bytes)));
    results.push(await withScratchDb(pgUrl, (url) => copyFloor(url, copy, rows)));
  }
  return results;
}
