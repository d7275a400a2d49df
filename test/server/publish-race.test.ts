// Issue 9 item 2: saves racing a publish. The round's row lock serialises them, so after a publish no entry
// of the round changes: the live rows equal what the snapshot holds. On PostgreSQL (10 connections) a save
// that started before the publish used to commit after it; PGlite's single connection hides the race.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesOf } from '../../src/db/repositories/plans.ts';
import { readSnapshot } from '../../src/services/publish.ts';
import { appWithUsers, as, type Client, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const REPEATS = 30;
const SAVES = 16;

describe.each(ENGINES)('saves racing a publish on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let editor: Client;
  let planId: string;
  const indicators: string[] = [];

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
    editor = await as(app, 'faxeRedaktoer');
    const p = await editor.req('POST', '/api/v1/municipalities/320/plans', {
      title: 'Kapløb',
      yearFrom: 2026,
      yearTo: 2026,
      status: 'vedtaget',
    });
    planId = String(p.body.plan.id);
    const g = await editor.req('POST', `/api/v1/plans/${planId}/goals`, {
      number: '1',
      kind: 'lokalt mål',
      title: 'Mål',
      position: 1,
    });
    for (let i = 0; i < 4; i++) {
      const ind = await editor.req('POST', `/api/v1/goals/${g.body.goal.id}/indicators`, {
        kind: 'milepæl',
        title: `Milepæl ${i + 1}`,
        config: {},
        position: i,
      });
      indicators.push(String(ind.body.indicator.id));
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it(`no entry changes after publish (${REPEATS} repeats of ${SAVES} saves racing one publish)`, async () => {
    let changedAfterPublish = 0;
    let savedBeforePublish = 0;
    let refusedAsPublished = 0;
    for (let n = 0; n < REPEATS; n++) {
      const r = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, {
        title: `Runde ${n + 1}`,
        asOf: '2026-06-30',
      });
      const roundId = String(r.body.round.id);
      const revisions = new Map<string, number | null>(indicators.map((i) => [i, null]));
      for (const e of await entriesOf(t.database.db, roundId))
        revisions.set(String(e.indicator_id), e.revision);
      // Each indicator gets a chain of saves; the publish lands somewhere in the middle.
      const chain = async (ind: string, k: number) => {
        for (let j = 0; j < SAVES / indicators.length; j++) {
          const res = await editor.req('PUT', `/api/v1/rounds/${roundId}/entries/${ind}`, {
            text: `tekst ${n}.${k}.${j}`,
            revision: revisions.get(ind) ?? null,
          });
          if (res.status === 200) {
            revisions.set(ind, res.body.entry.revision);
            savedBeforePublish++;
          } else if (res.status === 409 && /offentliggjort/.test(res.body.message)) refusedAsPublished++;
        }
      };
      const publish = (async () => {
        await new Promise((ok) => setTimeout(ok, n % 5));
        return editor.req('POST', `/api/v1/rounds/${roundId}/publish`);
      })();
      const [pub] = await Promise.all([publish, ...indicators.map((ind, k) => chain(ind, k))]);
      expect(pub.status).toBe(200);
      const snap = await readSnapshot<{
        items: { indicator: { id: string }; entry: { text: string; revision: number } | null }[];
      }>(t.database.db, roundId);
      expect(snap).not.toBeNull();
      const published = new Map(snap!.view.items.map((i) => [i.indicator.id, i.entry]));
      const live = await entriesOf(t.database.db, roundId);
      for (const e of live) {
        const p = published.get(String(e.indicator_id));
        if (!p || p.text !== e.text || p.revision !== e.revision) changedAfterPublish++;
      }
    }
    // The race happened: some saves went through before the publish and some were refused after it.
    expect(savedBeforePublish).toBeGreaterThan(0);
    expect(refusedAsPublished).toBeGreaterThan(0);
    expect(changedAfterPublish).toBe(0);
  }, 300_000);
});
