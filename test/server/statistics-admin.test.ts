// The administrator's Statistik routes: access, uploads with a dry-run preview that writes nothing until
// confirmed, revisions in the history, the Jobindsats key encrypted at rest, "Hent nu" of the AUK01
// preset against recorded-shape answers on 127.0.0.1, and the measure catalogue.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auk01MeasureId } from '../../src/data/auk01-benefit-types.ts';
import { findUserByEmail } from '../../src/db/repositories/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import {
  addGoal,
  addIndicator,
  createPlan,
  GoalInput,
  IndicatorInput,
  PlanInput,
} from '../../src/services/plans.ts';
import { decryptSecret } from '../../src/services/secrets.ts';
import type { SourceSettings } from '../../src/services/statistics-admin.ts';
import { anonymous, as, type Client, seedUsers } from '../helpers/app.ts';
import { auk01Handler, FIXTURE_AREAS } from '../helpers/auk01-fixture.ts';
import { datasetPath, readDerivedCsv } from '../helpers/datasets.ts';
import { createTestDb, ENGINES, snapshot, type TestDb } from '../helpers/db.ts';
import { fixtureServer } from '../helpers/http.ts';

const SECRET = 'test-hemmelighed-til-kryptering-32';
// Real revisions between two fetches of Jobindsats y25i01 (datasets/jobindsats/revisioner_…csv).
const rev = readDerivedCsv('jobindsats/revisioner_hentet_2026-08-18_vs_2026-08-22.csv').filter(
  (r) => r.tabel === 'y25i01' && r.maal === 'ledige_fuldtidspersoner_i_alt' && r.kommunekode === '000',
);
const [r1, r2] = [rev[0]!, rev[1]!];
const csv = (lines: string[]) =>
  Buffer.from(['area;measure;period;value', ...lines].join('\n'), 'utf8').toString('base64');
const FIRST = csv([
  `000;y25i01.ledige_fuldtidspersoner;${r1.periode};${r1['vaerdi_hentet_2026-08-18']}`,
  `000;y25i01.ledige_fuldtidspersoner;${r2.periode};${r2['vaerdi_hentet_2026-08-18']}`,
]);
const SECOND = csv([
  `000;y25i01.ledige_fuldtidspersoner;${r1.periode};${r1['vaerdi_hentet_2026-08-22']}`,
  `000;y25i01.ledige_fuldtidspersoner;${r2.periode};${r2['vaerdi_hentet_2026-08-22']}`,
  `Atlantis;y25i01.ledige_fuldtidspersoner;${r2.periode};17`,
  `607;ny.egen_taelling;2026M07;12`,
]);

async function waitFor(c: Client, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const r = await c.req('GET', `/api/v1/admin/statistics/jobs/${jobId}`);
    if (r.body.job.state !== 'kører') return r.body.job;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('job did not finish');
}

describe.each(ENGINES)('Statistik (administrator) on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let srv: Awaited<ReturnType<typeof fixtureServer>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
    srv = await fixtureServer(auk01Handler());
    const settings: SourceSettings = {
      statbankBaseUrl: srv.base,
      jobindsatsBaseUrl: 'http://127.0.0.1:9',
      jobindsatsApiKey: undefined,
      secretKey: SECRET,
      refreshIntervalHours: 0,
    };
    app = await buildApp({ services: t.services, loginLimit: 1000, sourceSettings: settings });
    admin = await as(app, 'faxeAdmin');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await srv?.close();
    await t?.cleanup();
  });

  it('is for administrators only', async () => {
    expect((await anonymous(app).req('GET', '/api/v1/admin/statistics/sources')).status).toBe(401);
    const editor = await as(app, 'faxeRedaktoer');
    const r = await editor.req('GET', '/api/v1/admin/statistics/sources');
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Du har ikke adgang til administration af statistik.');
    expect(
      (
        await editor.req('POST', '/api/v1/admin/statistics/upload', {
          fileName: 'a.csv',
          kind: 'long-csv',
          contentBase64: FIRST,
        })
      ).status,
    ).toBe(403);
    expect((await admin.req('GET', '/api/v1/admin/statistics/sources')).status).toBe(200);
  });

  it('previews an upload with one refused line and writes nothing until confirmed; the history shows the revisions', async () => {
    const first = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'foerste.csv',
      kind: 'long-csv',
      contentBase64: FIRST,
      confirm: true,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, new: 2, revised: 0, refusedCount: 0 });
    const before = await snapshot(t.database.db);
    const preview = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'anden.csv',
      kind: 'long-csv',
      contentBase64: SECOND,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      importId: null,
      total: 3,
      new: 1,
      revised: 2,
      unchanged: 0,
    });
    expect(preview.body.refused).toEqual([{ line: 4, reason: 'Ukendt område "Atlantis"' }]);
    expect(preview.body.revisedSample).toEqual([
      {
        measure: 'y25i01.ledige_fuldtidspersoner',
        area: '000',
        period: r1.periode,
        before: Number(r1['vaerdi_hentet_2026-08-18']),
        after: Number(r1['vaerdi_hentet_2026-08-22']),
      },
      {
        measure: 'y25i01.ledige_fuldtidspersoner',
        area: '000',
        period: r2.periode,
        before: Number(r2['vaerdi_hentet_2026-08-18']),
        after: Number(r2['vaerdi_hentet_2026-08-22']),
      },
    ]);
    // The new measure's unit and direction are asked for.
    expect(preview.body.newMeasures).toEqual([
      { id: 'ny.egen_taelling', suggestedUnit: 'antal', frequency: 'month', unit: null, better: null },
    ]);
    expect(await snapshot(t.database.db)).toEqual(before); // nothing written by the preview
    const missing = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'anden.csv',
      kind: 'long-csv',
      contentBase64: SECOND,
      confirm: true,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Angiv enhed og retning for de nye mål: ny.egen_taelling');
    expect(await snapshot(t.database.db)).toEqual(before);
    const done = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'anden.csv',
      kind: 'long-csv',
      contentBase64: SECOND,
      newMeasures: [{ id: 'ny.egen_taelling', name: 'Egen tælling', unit: 'personer', better: 'higher' }],
      confirm: true,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, new: 1, revised: 2, refusedCount: 1 });
    const hist = await admin.req('GET', '/api/v1/admin/statistics/imports');
    expect(hist.body.imports[0]).toMatchObject({
      id: done.body.importId,
      by: 'admin@faxe.test',
      new: 1,
      revised: 2,
    });
    const revs = await admin.req('GET', `/api/v1/admin/statistics/imports/${done.body.importId}/revisions`);
    expect(revs.body.count).toBe(2);
    expect(revs.body.revisions.map((r: { before: number; after: number }) => [r.before, r.after])).toEqual([
      [Number(r1['vaerdi_hentet_2026-08-18']), Number(r1['vaerdi_hentet_2026-08-22'])],
      [Number(r2['vaerdi_hentet_2026-08-18']), Number(r2['vaerdi_hentet_2026-08-22'])],
    ]);
    // The two confirmed uploads are audited (a fetch by another test, in any order, audits as 'hent').
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'statistik')
      .where('action', '=', 'upload')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => String(a.entity_id))).toEqual([
      String(first.body.importId),
      String(done.body.importId),
    ]);
  });

  it('stores the Jobindsats key encrypted and never sends it back', async () => {
    const key = 'jobindsats-hemmelig-nøgle-123';
    const r = await admin.req('PUT', '/api/v1/admin/statistics/jobindsats-key', { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ configured: true, origin: 'administrator', updatedBy: 'admin@faxe.test' });
    expect(JSON.stringify(r.body)).not.toContain(key);
    const row = await t.database.db.selectFrom('secrets').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(key);
    expect(decryptSecret(row, SECRET)).toBe(key);
    expect(() => decryptSecret(row, 'en-anden-hemmelighed-123')).toThrow();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'jobindsats-nøgle')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(key);
    const del = await admin.req('PUT', '/api/v1/admin/statistics/jobindsats-key', { key: null });
    expect(del.body).toMatchObject({ configured: false, origin: null });
  });

  it('"Hent nu" fetches AUK01 into the benefit groups, shows progress and the result, and updates the history', async () => {
    const start = await admin.req(
      'POST',
      `/api/v1/admin/statistics/sources/${encodeURIComponent('statbank:AUK01-ydelsesgrupper')}/fetch`,
    );
    expect(start.status).toBe(202);
    expect(start.body.job.state).toBe('kører');
    const job = await waitFor(admin, start.body.job.id);
    expect(job.error).toBeNull();
    expect(job.state).toBe('færdig');
    expect(job.result).toMatchObject({ new: 12 * FIXTURE_AREAS.length * 76, revised: 0 });
    expect(job.steps.map((s: { text: string }) => s.text)).toContain(
      'Henter tabeloplysninger (tableinfo) for AUK01',
    );
    expect(job.written).toBe(job.total);
    const sources = await admin.req('GET', '/api/v1/admin/statistics/sources');
    const s = sources.body.sources.find((x: { id: string }) => x.id === 'statbank:AUK01-ydelsesgrupper');
    expect(s.last).toMatchObject({ importId: job.result.importId, by: 'admin@faxe.test', status: 'done' });
    const needsKey = sources.body.sources.find((x: { id: string }) => x.id === 'jobindsats:ptv_a02');
    expect(needsKey.available).toBe(false);
    // The catalogue shows the measure with its periods, last import and unit.
    const cat = await anonymous(app).req('GET', '/api/v1/measures/catalogue');
    const m = cat.body.measures.find((x: { id: string }) => x.id === auk01MeasureId('i-alt'));
    expect(m).toMatchObject({
      unit: 'fuldtidsmodtagere',
      sourceTable: 'AUK01',
      periods: { count: 76, first: '2007Q1', last: '2025Q4' },
      lastImport: { id: job.result.importId },
    });
  });

  it('the catalogue lists the indicators that use a measure, drafts only to their own municipality', async () => {
    const user = (await findUserByEmail(t.database.db, 'redaktoer@faxe.test'))!;
    const actor = { user };
    const plan = await createPlan(
      t.database.db,
      actor,
      '320',
      PlanInput.parse({ title: 'Kladde 2027', yearFrom: 2027, yearTo: 2027 }),
    );
    const goal = await addGoal(
      t.database.db,
      actor,
      String(plan.id),
      GoalInput.parse({ number: '1', kind: 'lokalt mål', title: 'Færre på kontanthjælp' }),
    );
    await addIndicator(
      t.database.db,
      actor,
      String(goal.id),
      IndicatorInput.parse({
        kind: 'niveau',
        title: 'Kontanthjælp, fuldtidspersoner',
        config: {
          measure: 'y60a02.fuldtidspersoner',
          area: '320',
          baselinePeriod: '2026M01',
          target: { kind: 'absolute', value: 200 },
          direction: 'at-most',
          deadline: '2027-12-31',
        },
      }),
    );
    const using = async (c: Client) =>
      (await c.req('GET', '/api/v1/measures/catalogue')).body.measures.find(
        (m: { id: string }) => m.id === 'y60a02.fuldtidspersoner',
      ).indicators;
    expect(await using(anonymous(app))).toEqual([]);
    expect(await using(await as(app, 'fredericia'))).toEqual([]);
    expect(await using(await as(app, 'faxeLaeser'))).toEqual([
      expect.objectContaining({
        title: 'Kontanthjælp, fuldtidspersoner',
        planTitle: 'Kladde 2027',
        municipality: '320',
        role: 'tæller',
      }),
    ]);
  });

  it('previews a recorded StatBank JSON-stat answer and a Jobindsats export', async () => {
    const jsonstat = readFileSync(datasetPath('statbank/api-eksempler/data_STRAF42_jsonstat_en.json'));
    const p1 = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'straf42.json',
      kind: 'statbank',
      measure: 'straf42.afgoerelser',
      contentBase64: jsonstat.toString('base64'),
    });
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({ dryRun: true, total: 1, new: 1, refusedCount: 0 });
    expect(p1.body.newMeasures.map((m: { id: string }) => m.id)).toEqual(['straf42.afgoerelser']);
    const lines = readFileSync(
      datasetPath('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv'),
      'utf8',
    ).split('\n');
    const p2 = await admin.req('POST', '/api/v1/admin/statistics/upload', {
      fileName: 'y60a02.csv',
      kind: 'jobindsats',
      table: 'y60a02',
      contentBase64: Buffer.from(lines.slice(0, 11).join('\n')).toString('base64'),
    });
    expect(p2.status).toBe(200);
    expect(p2.body).toMatchObject({ dryRun: true, total: 40, new: 40, refusedCount: 0, newMeasures: [] });
  });

  it('a fetch that fails is shown with its reason and recorded in the history', async () => {
    const start = await admin.req(
      'POST',
      `/api/v1/admin/statistics/sources/${encodeURIComponent('jobindsats:y60a02')}/fetch`,
    );
    const job = await waitFor(admin, start.body.job.id);
    expect(job.state).toBe('fejlet');
    expect(job.error).toBe('Jobindsats-nøglen er ikke sat: sæt den herunder eller i JOBINDSATS_API_KEY');
    const hist = await admin.req('GET', '/api/v1/admin/statistics/imports?source=jobindsats:y60a02');
    expect(hist.body.imports[0]).toMatchObject({ status: 'failed', error: job.error });
  });
});
