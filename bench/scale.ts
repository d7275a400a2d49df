// Scale evidence on PostgreSQL: rank and dashboard latency with ~100,000 observations and again with
// 5,000,000 (98 municipalities × 200 measures × 250 months), plus EXPLAIN of the main reads. The extra rows
// are GENERATED ("bench.scale.*", measures named "Genereret … (kun til måling)") in a scratch database;
// the demo statistics and a generated 40-indicator plan sit beside them.
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import { statisticsChanged } from '../src/services/cross-sections.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { createServices } from '../src/services/index.ts';
import { loadTest, median, withScratchDb } from './common.ts';
import { BENCH_PASSWORD, benchPlan } from './plan.ts';

export interface ScaleResult {
  observations: number;
  rankCachedP50Ms: number;
  rankUncachedMedianMs: number;
  dashboardMedianMs: number;
  crossSectionExecMs: number;
  seriesExecMs: number;
}

export interface ScaleReport {
  results: ScaleResult[];
  explain: { name: string; plan: string }[];
  /** Every query on observations that one uncached rank and one dashboard request ran, EXPLAINed. */
  captured: { observations: number; request: string; sql: string; plan: string; seqScan: boolean }[];
}

/** Records the SQL the product sends through `pg` while `capturing.on` (the bench's own queries are not). */
const capturing: { on: string | null; seen: { request: string; text: string; values: unknown[] }[] } = {
  on: null,
  seen: [],
};
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values] = args;
  if (capturing.on && typeof text === 'string' && /\bobservations\b/.test(text) && /^\s*select/i.test(text)) {
    if (!capturing.seen.some((q) => q.text === text))
      capturing.seen.push({ request: capturing.on, text, values: (values as unknown[]) ?? [] });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const MEASURES = 200;
const MONTHS = 250;

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** Generated rows for months [from, to) of every generated measure and municipality, set-based. */
async function generate(db: Db, importId: string, from: number, to: number) {
  await sql`INSERT INTO observations (measure_id, area_id, period, period_ord, value, missing, version, import_id, is_current)
    SELECT 'bench.scale.' || m, a.id, (2000 + mo / 12)::text || 'M' || lpad((mo % 12 + 1)::text, 2, '0'),
      24000 + mo, ((m * 7919 + mo * 104729 + a.id::int) % 10007)::double precision, NULL, 1, ${importId}, true
    FROM generate_series(0, ${MEASURES - 1}) m, generate_series(${from}::int, ${to - 1}::int) mo,
      (SELECT id FROM areas WHERE kind = 'kommune') a`.execute(db);
  await sql`ANALYZE observations`.execute(db);
}

async function explain(db: Db, query: ReturnType<typeof sql>): Promise<{ plan: string; ms: number }> {
  const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF) ${query}`.execute(
    db,
  );
  const plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  return { plan, ms };
}

const CROSS_SECTION = sql`SELECT o.area_id, o.value, o.missing, o.version, o.import_id, i.started_at
  FROM observations o JOIN imports i ON i.id = o.import_id
  WHERE (o.measure_id, o.period) IN (('bench.scale.7', '2000M03'), ('y60a02.fuldtidspersoner', '2026M02'))
    AND o.is_current`;
const SERIES = sql`SELECT o.period, o.value, o.missing, o.version, o.import_id, i.started_at
  FROM observations o JOIN imports i ON i.id = o.import_id
  WHERE o.measure_id = 'bench.scale.7' AND o.area_id = '607' AND o.is_current ORDER BY o.period_ord`;

export async function benchScale(pgUrl: string, full = true): Promise<ScaleReport> {
  return withScratchDb(
    pgUrl,
    async (url) => {
      const database = await openDatabase({ databaseUrl: url, dataDir: '' });
      const services = await createServices(database);
      const db = database.db;
      try {
        await loadDemoStatistics(db);
        const { planId, email } = await benchPlan(db);
        await sql`INSERT INTO measures (id, name, unit, source, frequency, attribution, description)
          SELECT 'bench.scale.' || m, 'Genereret målestok ' || m || ' (kun til måling)', 'antal', 'bench',
            'month', 'Genereret til måling, ikke statistik', 'Genereret af bench/scale.ts'
          FROM generate_series(0, ${MEASURES - 1}) m`.execute(db);
        const imp = await sql<{ id: string }>`INSERT INTO imports (source, created_by, status)
          VALUES ('bench:generated', 'bench', 'done') RETURNING id`.execute(db);
        const importId = String(imp.rows[0]!.id);
        const app = await buildApp({ services });
        const address = await app.listen({ port: 0, host: '127.0.0.1' });
        const login = await fetch(`${address}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: BENCH_PASSWORD }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
        const results: ScaleResult[] = [];
        const explains: { name: string; plan: string }[] = [];
        const captured: ScaleReport['captured'] = [];
        // ~100,000 generated rows first (5 months), then the rest of the 250 months.
        const steps: [number, number][] = full
          ? [
              [0, 5],
              [5, MONTHS],
            ]
          : [
              [0, 5],
              [5, 50],
            ];
        for (const [from, to] of steps) {
          await generate(db, importId, from, to);
          statisticsChanged(db);
          const count = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM observations`.execute(db))
            .rows[0]!.n;
          const rankUrl = `${address}/api/v1/rank?measure=bench.scale.7&period=2000M03&area=607`;
          const cached = await loadTest(rankUrl, 10, 3);
          const uncached: number[] = [];
          for (let i = 0; i < 9; i++) {
            statisticsChanged(db);
            const t = performance.now();
            const r = await fetch(rankUrl);
            await r.arrayBuffer();
            uncached.push(performance.now() - t);
          }
          const dash: number[] = [];
          for (let i = 0; i < 3; i++) {
            statisticsChanged(db);
            const t = performance.now();
            const r = await fetch(`${address}/api/v1/plans/${planId}/dashboard`, { headers: { cookie } });
            if (!r.ok) throw new Error(`dashboard ${r.status}`);
            await r.arrayBuffer();
            dash.push(performance.now() - t);
          }
          // The product's own reads: every query on observations of one uncached rank and one dashboard.
          capturing.seen = [];
          statisticsChanged(db);
          capturing.on = 'rank';
          await (await fetch(rankUrl)).arrayBuffer();
          capturing.on = 'dashboard';
          await (
            await fetch(`${address}/api/v1/plans/${planId}/dashboard`, { headers: { cookie } })
          ).arrayBuffer();
          capturing.on = null;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          try {
            for (const q of capturing.seen) {
              const r = await admin.query(`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF) ${q.text}`, q.values);
              const plan = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
              captured.push({
                observations: count,
                request: q.request,
                sql: q.text,
                plan,
                seqScan: /Seq Scan on observations/.test(plan),
              });
            }
          } finally {
            await admin.end();
          }
          const cs = await explain(db, CROSS_SECTION);
          const se = await explain(db, SERIES);
          results.push({
            observations: count,
            rankCachedP50Ms: cached.p50Ms,
            rankUncachedMedianMs: median(uncached),
            dashboardMedianMs: median(dash),
            crossSectionExecMs: cs.ms,
            seriesExecMs: se.ms,
          });
          explains.push(
            { name: `cross-section (rank, benchmark), ${count.toLocaleString('en-US')} rows`, plan: cs.plan },
            {
              name: `series of one area (dashboard, charts), ${count.toLocaleString('en-US')} rows`,
              plan: se.plan,
            },
          );
        }
        await app.close();
        return { results, explain: explains, captured };
      } finally {
        await services.close();
      }
    },
    '_scale',
  );
}
