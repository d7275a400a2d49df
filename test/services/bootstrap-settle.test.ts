// First start of the embedded database: the demo is loaded, then the database is closed and opened again so
// the PGlite worker starts from a restart's memory (issue 13 item 5); the data must be there after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { hasAnyPlan } from '../../src/db/repositories/plans.ts';
import { countObservations } from '../../src/db/repositories/statistics.ts';
import { loadDemoAndSettle, openServices } from '../../src/services/bootstrap.ts';
import type { Services } from '../../src/services/index.ts';

describe('loadDemoAndSettle on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-settle-'));
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: '' }), dataDir: join(dir, 'data') };
  const open: Services[] = [];
  afterAll(async () => {
    for (const s of open) await s.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo into an empty database, reopens it, and finds the data after', async () => {
    const first = await openServices(config);
    open.push(first);
    const logged: string[] = [];
    const r = await loadDemoAndSettle(first, config, (m) => logged.push(m));
    open.push(r.services);
    expect(r.loaded).toBe(true);
    expect(r.reopened).toBe(true);
    expect(r.services).not.toBe(first);
    expect(logged.length).toBeGreaterThan(0);
    const { all } = await countObservations(r.services.database.db);
    expect(all).toBeGreaterThan(100_000);
    expect(await hasAnyPlan(r.services.database.db)).toBe(true);

    // A restart on the same directory: nothing loaded, nothing reopened, the same data.
    await r.services.close();
    const again = await openServices(config);
    open.push(again);
    const r2 = await loadDemoAndSettle(again, config, () => {});
    expect(r2).toEqual({ services: again, loaded: false, reopened: false });
    expect((await countObservations(again.database.db)).all).toBe(all);
  }, 600_000);
});
