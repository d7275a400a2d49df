// The dashboard answer is kept while nothing it is built from changes: every change to the plan (through the
// services or straight in the database, as another app server or the CLI would), an import, a reader of
// another role and a new day each give a fresh answer, equal to evaluating the plan from scratch. Access is
// checked before the cache on every request.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '../../src/contract/plans.ts';
import { measureIds } from '../../src/db/repositories/statistics.ts';
import { parseLongCsv } from '../../src/importers/long-csv.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Actor } from '../../src/services/access.ts';
import { dashboardAnswer, dashboardCacheStats } from '../../src/services/dashboard-cache.ts';
import { runImport } from '../../src/services/imports.ts';
import * as plans from '../../src/services/plans.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';
import {
  createMunicipality,
  createPlan,
  createRound,
  createUser,
  loadDataset,
  type TestMunicipality,
  type TestPlan,
} from '../helpers/factories.ts';

type Dash = {
  asOf: string;
  canEdit: boolean;
  member: boolean;
  items: { indicator: { id: string; title: string }; entry: { text: string } | null; evaluation: unknown }[];
};

describe.each(ENGINES)('dashboard cache on %s', (engine) => {
  let t: TestDb;
  let m: TestMunicipality;
  let plan: TestPlan;
  const db = () => t.database.db;
  const answer = async (actor: Actor, id = plan.id) =>
    JSON.parse((await dashboardAnswer(db(), actor, id)).body.toString('utf8')) as Dash;
  // The same plan evaluated from scratch, without the cache.
  const fresh = async (actor: Actor, id = plan.id) =>
    JSON.parse(JSON.stringify(Dashboard.parse(await plans.dashboardView(db(), actor, id)))) as Dash;
  const levelId = () => plan.indicators.find((i) => i.kind === 'niveau')!.id;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await loadDataset(t.services, 'Jobindsats Y25I01');
    await loadDataset(t.services, 'Jobindsats Y30R21');
    m = await createMunicipality(t.services, '320');
    plan = await createPlan(t.services, m);
  });
  afterAll(async () => t?.cleanup());

  it('answers from memory what a fresh evaluation answers', async () => {
    const first = await dashboardAnswer(db(), m.editor.actor, plan.id);
    const again = await dashboardAnswer(db(), m.editor.actor, plan.id);
    expect(again).toBe(first); // the very same answer object: not evaluated again
    expect(dashboardCacheStats(db()).answers).toBeGreaterThan(0);
    const body = JSON.parse(first.body.toString('utf8')) as Dash;
    expect(body.items).toHaveLength(6);
    expect(body).toEqual(await fresh(m.editor.actor));
  });

  it('shows a saved status text at once, and its next edit too', async () => {
    const round = await createRound(t.services, m, plan, { asOf: '2021-04-30' });
    const before = await answer(m.editor.actor);
    expect(before.items.find((i) => i.indicator.id === levelId())!.entry).toBeNull();
    const save = (text: string, revision: number | null) =>
      plans.saveEntry(db(), m.editor.actor, round.id, levelId(), plans.EntryInput.parse({ text, revision }));
    const saved = await save('Ledigheden falder som ventet.', null);
    const after = await answer(m.editor.actor);
    expect(after.items.find((i) => i.indicator.id === levelId())!.entry!.text).toBe(
      'Ledigheden falder som ventet.',
    );
    expect(after.asOf).toBe('2021-04-30');
    expect(after).toEqual(await fresh(m.editor.actor));
    await save('Ledigheden falder mere end ventet.', Number((saved as { revision: number }).revision));
    expect((await answer(m.editor.actor)).items.find((i) => i.indicator.id === levelId())!.entry!.text).toBe(
      'Ledigheden falder mere end ventet.',
    );
  });

  it('sees a change written straight to the database (another app server, the CLI)', async () => {
    await answer(m.editor.actor);
    await db()
      .updateTable('indicators')
      .set({ title: 'Ledighed, rettet direkte' })
      .where('id', '=', levelId())
      .execute();
    const after = await answer(m.editor.actor);
    expect(after.items.find((i) => i.indicator.id === levelId())!.indicator.title).toBe(
      'Ledighed, rettet direkte',
    );
    await db()
      .updateTable('goals')
      .set({ title: 'Mål, rettet direkte' })
      .where('id', '=', plan.goalId)
      .execute();
    expect(JSON.stringify(await answer(m.editor.actor))).toContain('Mål, rettet direkte');
  });

  it('evaluates again when an import lands', async () => {
    // A test plan of its own judged on a generated value, so the import below moves its latest figure.
    const own = await createPlan(t.services, m, { kinds: ['niveau'] });
    const id = own.indicators[0]!.id;
    const latest = async () =>
      (
        (await answer(m.editor.actor, own.id)).items[0]!.evaluation as {
          latest: { value: number; period: string } | null;
        }
      ).latest;
    const before = await latest();
    expect(before).not.toBeNull();
    const known = await measureIds(db());
    const csv = `area;measure;period;value\n320;y25i01.ledige_pct_dagpenge;${before!.period};9,9\n`;
    const s = await runImport(db(), parseLongCsv(Buffer.from(csv), { file: 'x.csv', knownMeasures: known }), {
      createdBy: 'test',
    });
    expect(s.revised).toBe(1);
    expect(await latest()).toMatchObject({ value: 9.9, period: before!.period });
    expect(await answer(m.editor.actor, own.id)).toEqual(await fresh(m.editor.actor, own.id));
    expect(id).toBeTruthy();
  });

  it('gives each role its own view and checks access before the cache', async () => {
    const editor = await answer(m.editor.actor);
    const reader = await answer(m.reader.actor);
    expect(editor.canEdit).toBe(true);
    expect(reader.canEdit).toBe(false);
    expect(reader.member).toBe(true);
    // A draft plan: cached for the editor, still refused to outsiders.
    const outsider = await createUser(t.services, { roles: { '101': 'administrator' } });
    await expect(dashboardAnswer(db(), outsider.actor, plan.id)).rejects.toMatchObject({ statusCode: 403 });
    await expect(dashboardAnswer(db(), { user: null }, plan.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(dashboardAnswer(db(), m.editor.actor, '987654')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves the as-of date of a plan without rounds when the day changes in Copenhagen', async () => {
    const own = await createPlan(t.services, m, { kinds: ['milepæl'] });
    await db().updateTable('plans').set({ year_to: 2099 }).where('id', '=', own.id).execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-23T22:59:00Z')); // 23:59 in Copenhagen
      expect((await answer(m.editor.actor, own.id)).asOf).toBe('2026-11-23');
      vi.setSystemTime(new Date('2026-11-23T23:01:00Z')); // 00:01 the next day
      expect((await answer(m.editor.actor, own.id)).asOf).toBe('2026-11-24');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends an ETag over HTTP and answers 304 while the answer holds', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: m.editor.email, password: 'fabrik-hemmelig-kode-1' },
      });
      expect(login.statusCode).toBe(200);
      const cookies = { maaltavle_session: login.cookies.find((c) => c.name === 'maaltavle_session')!.value };
      const url = `/api/v1/plans/${plan.id}/dashboard`;
      const first = await app.inject({ method: 'GET', url, cookies });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      // Logged-in answers are never stored (src/server/headers.ts); the ETag still spares a client the body.
      expect(first.headers['cache-control']).toBe('no-store');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"d/);
      expect(first.json()).toEqual(await fresh(m.editor.actor));
      // A browser asks for gzip: the same JSON, compressed once per answer.
      const gz = await app.inject({
        method: 'GET',
        url,
        cookies,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(String(gz.headers.vary)).toMatch(/Accept-Encoding/);
      expect(String(gz.headers.vary)).toMatch(/Cookie/);
      expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(first.body);
      expect(gz.rawPayload.length).toBeLessThan(first.rawPayload.length / 4);
      const refused = await app.inject({
        method: 'GET',
        url,
        cookies,
        headers: { 'accept-encoding': 'gzip;q=0' },
      });
      expect(refused.headers['content-encoding']).toBeUndefined();
      const again = await app.inject({ method: 'GET', url, cookies, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      await db().updateTable('plans').set({ intro: 'Ny indledning' }).where('id', '=', plan.id).execute();
      const changed = await app.inject({ method: 'GET', url, cookies, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      // Anonymous on a draft: refused before any cached answer is consulted.
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
