// Issue 9 item 1: the server survives losing its PostgreSQL database under load, answers a Danish 503
// with Retry-After meanwhile, says so on /healthz, and serves again without a restart.
// (PGlite runs inside the process: it cannot be lost this way, so this trial is PostgreSQL only.)
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outageTrial, startTrialServer, type TrialServer } from '../../bench/outage-trial.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { freePort } from '../helpers/ports.ts';

const base = process.env.MAALTAVLE_TEST_DATABASE_URL;

describe.skipIf(!base)('losing the PostgreSQL database under load', () => {
  let t: TestDb;
  let server: TrialServer;
  let name: string;

  beforeAll(async () => {
    t = await createTestDb('postgres');
    await t.database.close(); // only the server under test connects to its database
    const url = new URL(t.location.url!);
    name = url.pathname.slice(1);
    server = await startTrialServer(url.toString(), await freePort());
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('answers 503 with Retry-After during the outage, /healthz says down, and recovers', async () => {
    const r = await outageTrial(server, base!, name);
    console.log(`outage trial: ${JSON.stringify(r)}`);
    expect(r.alive, server.output()).toBe(true);
    expect(r.failures).toBe(0);
    expect(r.unavailable).toBeGreaterThan(0);
    expect(r.healthSaidDown).toBe(true);
    expect(r.recovered).toBe(true);
  }, 60_000);
});
