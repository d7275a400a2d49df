// `npm run bench -- outage`: the database-outage trial (bench/outage-trial.ts) repeated 10 times against
// one server process on a scratch PostgreSQL database; prints "N/10 recovered".
import { createServer } from 'node:net';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { outageTrial, startTrialServer, type TrialResult } from './outage-trial.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function benchOutage(
  pgUrl: string,
  trials = 10,
): Promise<{ lines: string[]; results: TrialResult[] }> {
  const name = `maaltavle_outage_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const migrated = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await migrated.close();
  const server = await startTrialServer(url.toString(), await freePort());
  const results: TrialResult[] = [];
  try {
    for (let i = 0; i < trials; i++) {
      const r = await outageTrial(server, pgUrl, name);
      results.push(r);
      if (!r.alive) break;
    }
  } finally {
    await server.stop();
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
  const ok = results.filter((r) => r.recovered && r.failures === 0 && r.healthSaidDown).length;
  const lines = [
    'Database outage under load (20 concurrent reads; the database refuses connections and its backends are terminated)',
    '',
    '| trial | requests | 503 + Retry-After | other ≥500 / no answer | /healthz down | recovered after s |',
    '| ---: | ---: | ---: | ---: | --- | ---: |',
    ...results.map(
      (r, i) =>
        `| ${i + 1} | ${r.requests} | ${r.unavailable} | ${r.failures} | ${r.healthSaidDown ? 'ja' : 'nej'} | ${r.recovered ? r.secondsToRecover.toFixed(2) : 'aldrig'} |`,
    ),
    '',
    `${ok}/${trials} recovered`,
    '',
  ];
  return { lines, results };
}
