// Report downloads by anonymous readers of a published round: a crowd of concurrent PDF requests is answered
// from one build and one shared browser (issue: 16 requests made 102 Chromium processes), a draft round stays
// closed to them, and a signed-in member always gets a fresh file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPool } from '../../src/reports/render-pdf.ts';
import type { Actor } from '../../src/services/access.ts';
import { addGoal, addIndicator, createPlan, createRound, publishRound } from '../../src/services/plans.ts';
import { appWithUsers, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

describe.each(ENGINES)('anonymous report downloads (%s)', (engine) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof appWithUsers>>;
  let published: string;
  let draft: string;
  beforeAll(async () => {
    t = await createTestDb(engine);
    const db = t.database.db;
    await seedUsers(t.services);
    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@test')
      .executeTakeFirstOrThrow();
    const SYSTEM: Actor = {
      user: {
        id: String(admin.id),
        email: 'admin@test',
        name: 'Admin',
        passwordHash: null,
        isSuperadmin: true,
        memberships: [],
      },
    };
    const plan = await createPlan(db, SYSTEM, '320', {
      title: 'Beskæftigelsesplan 2026',
      yearFrom: 2026,
      yearTo: 2026,
      intro: '',
      status: 'vedtaget',
      adoptedOn: '2026-01-01',
      focusAreas: [],
    });
    const goal = await addGoal(db, SYSTEM, String(plan.id), {
      number: '1',
      kind: 'lokalt mål',
      title: 'Flere i job',
      text: '',
      position: 1,
    });
    await addIndicator(db, SYSTEM, String(goal.id), {
      kind: 'milepæl',
      title: 'Virksomhedsbesøg i Faxe',
      config: {},
      sourceNote: '',
      position: 1,
    });
    const round = await createRound(db, SYSTEM, String(plan.id), {
      title: 'Status maj 2026',
      asOf: '2026-05-31',
    });
    await publishRound(db, SYSTEM, String(round.id));
    published = String(round.id);
    draft = String(
      (await createRound(db, SYSTEM, String(plan.id), { title: 'Status juni 2026', asOf: '2026-06-30' })).id,
    );
    app = await appWithUsers(t.services);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await pdfPool.close();
    await t?.cleanup();
  });

  it('16 concurrent anonymous PDF downloads: one file, one browser, at most the pool of pages', async () => {
    const { launches, prints } = pdfPool.stats;
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => app.inject({ url: `/api/v1/rounds/${published}/report.pdf` })),
    );
    expect(answers).toHaveLength(16);
    for (const a of answers) {
      expect(a.statusCode, a.body.slice(0, 200)).toBe(200);
      expect(a.headers['content-type']).toBe('application/pdf');
      expect(a.rawPayload.equals(answers[0]!.rawPayload)).toBe(true);
    }
    expect(answers[0]!.headers['content-disposition']).toContain('Status%20maj%202026');
    expect(pdfPool.stats.prints - prints).toBe(1); // built and printed once, served 16 times
    expect(pdfPool.stats.launches - launches).toBeLessThanOrEqual(1);
    expect(pdfPool.stats.maxActive).toBeLessThanOrEqual(2);
  }, 120_000);

  it('a draft round is not served to anonymous readers, cached or not', async () => {
    const res = await app.inject({ url: `/api/v1/rounds/${draft}/report.pdf` });
    expect(res.statusCode).toBe(401);
  });
});
