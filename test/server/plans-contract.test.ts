// The plan routes answer in the shared contract's shape (src/contract/plans.ts): camelCase fields, no internal
// columns, and each answer parses with its own schema, for a member, an outsider and the public page.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as C from '../../src/contract/plans.ts';
import { anonymous, appWithUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';
import { createMunicipality, createPlan, createRound, loadDataset, loginAs } from '../helpers/factories.ts';

/** Every key of an answer, with its path; the free-form records (settings, drafts, summary) are not walked. */
function keys(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keys(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) =>
    ['config', 'drafts', 'summary', 'before', 'after'].includes(k)
      ? [`${path}.${k}`]
      : [`${path}.${k}`, ...keys(x, `${path}.${k}`)],
  );
}
const INTERNAL = ['archived', 'updatedBy', 'snapshot', 'password', 'createdAt'];

describe.each(ENGINES)('the plans contract on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(engine);
    app = await appWithUsers(t.services);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('every plan answer is camelCase, without internal columns, and parses with its schema', async () => {
    await loadDataset(t.services, 'Jobindsats Y25I01');
    const m = await createMunicipality(t.services, '320');
    const plan = await createPlan(t.services, m, { adoptedOn: '2020-01-30', kinds: ['niveau', 'optælling'] });
    const count = plan.indicators.find((i) => i.kind === 'optælling')!.id;
    const published = await createRound(t.services, m, plan, {
      asOf: '2021-04-30',
      entries: { [count]: { text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg', value: 239 } },
      publish: true,
    });
    const draft = await createRound(t.services, m, plan, { asOf: '2021-10-31' });
    const member = await loginAs(app, m.editor);
    const anon = anonymous(app);
    const answers: [string, { status: number; body: unknown }, { parse(v: unknown): unknown }][] = [
      ['plans', await anon.req('GET', '/api/v1/plans?municipality=320'), C.PlanList],
      ['plan', await member.req('GET', `/api/v1/plans/${plan.id}`), C.PlanView],
      ['dashboard (member)', await member.req('GET', `/api/v1/plans/${plan.id}/dashboard`), C.Dashboard],
      ['dashboard (outsider)', await anon.req('GET', `/api/v1/plans/${plan.id}/dashboard`), C.Dashboard],
      ['published round', await anon.req('GET', `/api/v1/rounds/${published.id}`), C.RoundView],
      ['draft round', await member.req('GET', `/api/v1/rounds/${draft.id}`), C.RoundView],
      ['history', await member.req('GET', `/api/v1/indicators/${count}/history`), C.IndicatorHistory],
      ['evaluation', await member.req('GET', `/api/v1/indicators/${count}/evaluation`), C.Evaluation],
      ['public', await anon.req('GET', `/api/v1/public/320/${plan.slug}`), C.PublicPlan],
    ];
    expect(answers).toHaveLength(9);
    for (const [name, r, schema] of answers) {
      expect(r.status, name).toBe(200);
      const all = keys(r.body);
      expect(all.length, name).toBeGreaterThan(3);
      expect(
        all.filter((k) => k.split('.').at(-1)!.includes('_')),
        name,
      ).toEqual([]);
      expect(
        all.filter((k) => INTERNAL.some((x) => k.split('.').at(-1)!.startsWith(x))),
        name,
      ).toEqual([]);
      expect(() => schema.parse(r.body), name).not.toThrow();
    }
    // The figures came through the presenters unchanged.
    const dash = answers[2]![1].body as C.Dashboard;
    expect(dash.plan).toMatchObject({
      yearFrom: 2020,
      yearTo: 2021,
      adoptedOn: '2020-01-30',
      status: 'vedtaget',
    });
    const item = dash.items.find((i) => i.indicator.id === count)!;
    expect(item.indicator.goalId).toBe(plan.goalId);
    // The newest entry the member may see: the published round's (the draft round has none).
    expect(item.entry).toMatchObject({ roundId: published.id, value: 239, carriedOver: false });
    const round = answers[4]![1].body as C.RoundView;
    expect(round.round).toMatchObject({
      asOf: '2021-04-30',
      status: 'offentliggjort',
      correctsRoundId: null,
    });
    const counted = round.items.find((i) => i.indicator.id === count)!;
    expect(counted.entry).toMatchObject({
      text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg',
      value: 239,
    });
    expect(counted.evaluation.progressText).toBe('239 af 450 besøg (53 %)');
  });
});
