// Where a PostgreSQL import's time goes: parse alone, then the import with MAALTAVLE_DEBUG_IMPORT timings
// (staged / analyze / references / retire / insert), on the benchmark's generated CSV.
//   MAALTAVLE_BENCH_DATABASE_URL=postgres://… node --import tsx bench/import-profile.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { streamLongCsv } from '../src/importers/long-csv.ts';
import { runImport } from '../src/services/imports.ts';
import { createServices } from '../src/services/index.ts';
import { withScratchDb } from './common.ts';
import { writeFiles } from './import.ts';

const rows = Number(process.argv[2] ?? 200_000);
const pgUrl = process.env.MAALTAVLE_BENCH_DATABASE_URL ?? process.env.MAALTAVLE_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-files-'));
process.env.MAALTAVLE_DEBUG_IMPORT = '1';
try {
  const { csv } = await writeFiles(rows, dir);
  let t = performance.now();
  let n = 0;
  const parsed = streamLongCsv(csv, { file: 'bench.csv', knownMeasures: new Set(), createMeasures: true });
  for await (const b of parsed.batches) n += b.length;
  console.error(`parse alone: ${((performance.now() - t) / 1000).toFixed(2)} s (${n} rows)`);
  await withScratchDb(pgUrl!, async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    try {
      await createServices(database);
      t = performance.now();
      const p = streamLongCsv(csv, { file: 'bench.csv', knownMeasures: new Set(), createMeasures: true });
      await runImport(database.db, p, { createdBy: 'bench' });
      console.error(`import: ${((performance.now() - t) / 1000).toFixed(2)} s`);
    } finally {
      await database.close();
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
