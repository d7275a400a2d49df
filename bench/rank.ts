// Benchmark: GET /api/v1/rank for one measure and period over the 98 municipalities under concurrent load
// (autocannon against 127.0.0.1), as requests per second and median latency, next to the floor: the same
// one SQL query reading both cross-sections, run bare through the driver with the same concurrency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { createServices } from '../src/services/index.ts';
import { median } from './common.ts';

export interface RankResult {
  target: string;
  requestsPerSecond: number;
  medianMs: number;
  connections: number;
  floor: boolean;
}

export const RANK_PATH =
  '/api/v1/rank?measure=y60a02.fuldtidspersoner&denominator=folk1am.befolkning&period=2026M02&area=607&targetRank=50';

/** The floor: the one SQL query that reads both cross-sections (numerator and denominator), bare. */
async function bareQueryLoad(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  seconds: number,
  connections: number,
) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await sql`SELECT measure_id, area_id, value FROM observations
        WHERE (measure_id, period) IN ((${'y60a02.fuldtidspersoner'}, ${'2026M02'}), (${'folk1am.befolkning'}, ${'2026M02'}))
          AND is_current`.execute(db);
      latencies.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return {
    requestsPerSecond: latencies.length / ((performance.now() - start) / 1000),
    medianMs: median(latencies),
  };
}

export async function benchRank(
  pgUrl: string | undefined,
  seconds = 10,
  connectionCounts: number[] = [10, 50],
): Promise<RankResult[]> {
  const results: RankResult[] = [];
  const targets: [string, string | undefined][] = [['PGlite (embedded)', undefined]];
  if (pgUrl) targets.push(['PostgreSQL server', pgUrl]);
  for (const [label, url] of targets) {
    const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
    const database = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'data') });
    try {
      const services = await createServices(database);
      if (
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM observations`.execute(database.db)).rows[0]!
          .n === 0
      ) {
        await loadDemoStatistics(database.db);
      }
      const app = await buildApp({ services });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      for (const connections of connectionCounts) {
        const r = await autocannon({ url: `${address}${RANK_PATH}`, connections, duration: seconds });
        if (r.non2xx > 0) throw new Error(`${r.non2xx} non-2xx answers`);
        results.push({
          target: `${label}: GET /api/v1/rank, ${connections} connections`,
          requestsPerSecond: r.requests.average,
          medianMs: r.latency.p50,
          connections,
          floor: false,
        });
        const bare = await bareQueryLoad(database.db, seconds, connections);
        results.push({
          target: `${label}: the one cross-section query, bare (floor), ${connections} connections`,
          ...bare,
          connections,
          floor: true,
        });
      }
      await app.close();
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
