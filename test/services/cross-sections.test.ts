// Cross-sections are read once per import generation and dropped when an import commits: locally, and on
// another app server through PostgreSQL LISTEN/NOTIFY. Statistics answers carry ETags; a matching
// If-None-Match gets 304 until an import lands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { measureIds } from '../../src/db/repositories/statistics.ts';
import { parseLongCsv } from '../../src/importers/long-csv.ts';
import { buildApp } from '../../src/server/app.ts';
import { cachedAnswer, cacheStats, crossSection } from '../../src/services/cross-sections.ts';
import { loadCrossSections } from '../../src/services/evaluation-facts.ts';
import { runImport } from '../../src/services/imports.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const M = 'y60a02.fuldtidspersoner';
const file = (faxe: number, fredericia: number) =>
  Buffer.from(`area;measure;period;value\n320;${M};2026M07;${faxe}\n607;${M};2026M07;${fredericia}\n`);

async function load(services: Services, faxe: number, fredericia: number) {
  const known = await measureIds(services.database.db);
  return runImport(
    services.database.db,
    parseLongCsv(file(faxe, fredericia), { file: 'x.csv', knownMeasures: known }),
    {
      createdBy: 'test',
    },
  );
}

const cachedValue = async (services: Services, area: string) =>
  (await crossSection(services.database.db, M, '2026M07')).find((r) => r.area === area)?.value;

describe.each(ENGINES)('cross-section cache and ETags on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await load(t.services, 542, 1171);
  });
  afterAll(async () => t?.cleanup());

  it('reads a cross-section once and drops it when an import commits', async () => {
    // Its own starting values, whatever the other tests (in random order) imported before.
    await load(t.services, 542, 1171);
    expect(await cachedValue(t.services, '320')).toBe(542);
    const before = cacheStats(t.database.db);
    expect(before.sections).toBeGreaterThan(0);
    expect(await cachedValue(t.services, '320')).toBe(542);
    expect(cacheStats(t.database.db).generation).toBe(before.generation); // served from memory
    const s = await load(t.services, 600, 1171);
    expect(s.revised).toBe(1);
    expect(cacheStats(t.database.db).generation).toBeGreaterThan(before.generation);
    expect(await cachedValue(t.services, '320')).toBe(600);
  });

  it('hands an evaluation the same whole-measure maps until an import lands', async () => {
    await load(t.services, 542, 1171);
    const a = (await loadCrossSections(t.database.db, [M])).get(M)!;
    const b = (await loadCrossSections(t.database.db, [M])).get(M)!;
    expect(b).toBe(a); // the same object: rankings derived from it are kept beside it
    expect(a.get('2026M07')!.get('320')).toBe(542);
    expect(cacheStats(t.database.db).measureValues).toBeGreaterThanOrEqual(2);
    await load(t.services, 543, 1171);
    const c = (await loadCrossSections(t.database.db, [M])).get(M)!;
    expect(c).not.toBe(a);
    expect(c.get('2026M07')!.get('320')).toBe(543);
  });

  it('a dry run keeps the cached cross-section (nothing changed)', async () => {
    // Its own starting values (not the previous test's import), read into the cache.
    await load(t.services, 600, 1171);
    expect(await cachedValue(t.services, '320')).toBe(600);
    const g = cacheStats(t.database.db).generation;
    const known = await measureIds(t.database.db);
    await runImport(t.database.db, parseLongCsv(file(1, 2), { file: 'x.csv', knownMeasures: known }), {
      createdBy: 'test',
      dryRun: true,
    });
    expect(cacheStats(t.database.db).generation).toBe(g);
    expect(await cachedValue(t.services, '320')).toBe(600);
  });

  it('answers rank with an ETag, 304 on If-None-Match, and a new tag after an import', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const url = `/api/v1/rank?measure=${M}&period=2026M07&area=607`;
      const first = await app.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"s\d+-[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const other = await app.inject({
        method: 'GET',
        url: url.replace('area=607', 'area=320'),
        headers: { 'if-none-match': etag },
      });
      expect(other.statusCode).toBe(200); // another URL, another tag
      await load(t.services, 600, 1200);
      const after = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.json().value).toBe(1200);
    } finally {
      await app.close();
    }
  });

  it('serves a repeated rank GET from the kept bytes, with the same headers, until an import', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const url = `/api/v1/rank?measure=${M}&period=2026M07&area=320`;
      const first = await app.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      const kept = cachedAnswer(t.services.database.db, url);
      expect(kept?.body).toBe(first.body);
      expect(kept?.etag).toBe(first.headers.etag);
      const again = await app.inject({ method: 'GET', url });
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      for (const h of ['etag', 'cache-control', 'content-type', 'content-security-policy', 'x-frame-options'])
        expect([h, again.headers[h]]).toEqual([h, first.headers[h]]);
      // A failed question is never kept.
      const bad = `/api/v1/rank?measure=${M}&period=nej&area=320`;
      expect((await app.inject({ method: 'GET', url: bad })).statusCode).toBe(400);
      expect(cachedAnswer(t.services.database.db, bad)).toBeUndefined();
      await load(t.services, 700, 1300);
      expect(cachedAnswer(t.services.database.db, url)).toBeUndefined();
      const after = await app.inject({ method: 'GET', url });
      expect(after.json().value).toBe(700);
      expect(after.headers.etag).not.toBe(first.headers.etag);
    } finally {
      await app.close();
    }
  });
});

describe.runIf(ENGINES.includes('postgres'))('two app servers on one PostgreSQL', () => {
  let t: TestDb;
  let other: Services;
  beforeAll(async () => {
    t = await createTestDb('postgres');
    other = await createServices(await openDatabase({ databaseUrl: t.location.url!, dataDir: '' }));
    await load(t.services, 542, 1171);
  });
  afterAll(async () => {
    await other?.close();
    await t?.cleanup();
  });

  it("an import on one server drops the other server's cached cross-section through NOTIFY", async () => {
    expect(await cachedValue(other, '320')).toBe(542);
    const g = cacheStats(other.database.db).generation;
    await load(t.services, 777, 1171);
    // The notice arrives asynchronously after the commit.
    const deadline = Date.now() + 10_000;
    while (cacheStats(other.database.db).generation === g && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(cacheStats(other.database.db).generation).toBeGreaterThan(g);
    expect(await cachedValue(other, '320')).toBe(777);
  });
});
