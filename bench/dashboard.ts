// Benchmark: GET /api/v1/plans/:id/dashboard for a generated plan of 40 indicators (bench/plan.ts) at 50
// connections from a separate client process against 127.0.0.1, p50 and p95 latency, on each engine, logged in as an
// administrator. Measures whatever evaluation code is present.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { createServices } from '../src/services/index.ts';
import { loadTest, withScratchDb } from './common.ts';
import { BENCH_PASSWORD, benchPlan } from './plan.ts';

export interface DashboardResult {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

async function one(label: string, url: string | undefined, seconds: number, connections: number) {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const database = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'data') });
  try {
    const services = await createServices(database);
    await loadDemoStatistics(database.db);
    const { planId, email } = await benchPlan(database.db);
    const app = await buildApp({ services });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: BENCH_PASSWORD }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const path = `/api/v1/plans/${planId}/dashboard`;
      const check = await fetch(`${address}${path}`, { headers: { cookie } });
      if (!check.ok) throw new Error(`dashboard failed: ${check.status} ${await check.text()}`);
      // As a browser asks (Accept-Encoding: gzip, deflate, br), and without compression.
      const out: DashboardResult[] = [];
      for (const [how, headers] of [
        ['as a browser asks (gzip)', { cookie, 'accept-encoding': 'gzip, deflate, br' }],
        ['uncompressed', { cookie }],
      ] as const) {
        // One second of the same load first, not counted: the server's code is compiled hot, as in a server
        // that has been running (the first answer, built above, is not part of any of these figures either).
        await loadTest(`${address}${path}`, connections, 1, headers);
        const r = await loadTest(`${address}${path}`, connections, seconds, headers);
        if (r.errors > 0) throw new Error(`${r.errors} answers other than 200`);
        out.push({
          target: `${label}: GET /plans/:id/dashboard (40 indicators), ${connections} connections, ${how}`,
          requestsPerSecond: r.requestsPerSecond,
          p50Ms: r.p50Ms,
          p95Ms: r.p95Ms,
        });
      }
      return out;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDashboard(
  pgUrl: string | undefined,
  seconds = 10,
  connections = 50,
): Promise<DashboardResult[]> {
  const out: DashboardResult[] = await one('PGlite (embedded)', undefined, seconds, connections);
  if (pgUrl)
    out.push(
      ...(await withScratchDb(pgUrl, (url) => one('PostgreSQL server', url, seconds, connections), '_dash')),
    );
  return out;
}
