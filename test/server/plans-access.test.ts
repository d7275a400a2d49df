// Every plan, goal, indicator, round and admin route with no session, another municipality's user,
// a læser and a redaktør: the refusals users rely on. Each test builds the plan, round and entries it
// needs with the factories, so the tests pass in any order (vitest --sequence.shuffle).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoStatistics } from '../../src/services/demo-data.ts';
import { anonymous, appWithUsers, type Client, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';
import {
  adoptPlan,
  createMunicipality,
  createPlan,
  createRound,
  createUser,
  loginAs,
  type TestMunicipality,
  type TestPlan,
} from '../helpers/factories.ts';

const PLAN = {
  title: 'Beskæftigelsesplan 2020-2021',
  yearFrom: 2020,
  yearTo: 2021,
  intro: 'Test',
  status: 'udkast',
};
const GOAL = { number: '1', kind: 'lokalt mål', title: 'Flere i job', text: '', position: 1 };
const INDICATOR = {
  kind: 'optælling' as const,
  title: 'Virksomhedsbesøg',
  config: { target: 450, unit: 'besøg', startDate: '2020-01-01', deadline: '2021-12-31' },
  sourceNote: 'Seed 002',
  position: 1,
};

describe.each(ENGINES)('plans and access on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let anon: Client;
  let editor: Client;
  let reader: Client;
  let other: Client;
  let faxeAdmin: Client;
  let faxe: TestMunicipality;

  /** A draft plan of Faxe with one goal and the Seed 002 count indicator. */
  async function planWithCount(opts: { adoptedOn?: string } = {}) {
    const plan = await createPlan(t.services, faxe, { indicators: [INDICATOR], ...opts });
    return { plan, planId: plan.id, goalId: plan.goalId, indicatorId: plan.indicators[0]!.id };
  }

  /** The Seed 002 entry (239 visits by April 2021) saved in a new draft round. */
  async function roundWithEntry(plan: TestPlan, text = 'Pr. april 2021 gennemført 239 virksomhedsbesøg') {
    const indicatorId = plan.indicators[0]!.id;
    const round = await createRound(t.services, faxe, plan, {
      asOf: '2021-04-30',
      entries: { [indicatorId]: { text, value: 239 } },
    });
    return round.id;
  }

  beforeAll(async () => {
    t = await createTestDb(engine);
    await loadDemoStatistics(t.database.db);
    faxe = await createMunicipality(t.services, '320');
    app = await appWithUsers(t.services);
    anon = anonymous(app);
    editor = await loginAs(app, faxe.editor);
    reader = await loginAs(app, faxe.reader);
    other = await loginAs(app, await createUser(t.services, { roles: { '607': 'redaktør' } }));
    faxeAdmin = await loginAs(app, faxe.administrator);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('creating a plan: 401 without a session, 403 for a læser and for another municipality, 201 for a redaktør', async () => {
    expect((await anon.req('POST', '/api/v1/municipalities/320/plans', PLAN)).status).toBe(401);
    expect((await reader.req('POST', '/api/v1/municipalities/320/plans', PLAN)).status).toBe(403);
    expect((await other.req('POST', '/api/v1/municipalities/320/plans', PLAN)).status).toBe(403);
    const ok = await editor.req('POST', '/api/v1/municipalities/320/plans', PLAN);
    expect(ok.status).toBe(201);
    expect(ok.body.plan.slug).toBe('beskaeftigelsesplan-2020-2021');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const r = await editor.req(
      'POST',
      '/api/v1/municipalities/320/plans',
      { ...PLAN, title: 'Anden' },
      { csrf: false },
    );
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('CSRF');
  });

  it('a draft plan is invisible without a session, forbidden to another municipality, readable to a læser', async () => {
    const { planId } = await planWithCount();
    expect((await anon.req('GET', `/api/v1/plans/${planId}`)).status).toBe(404);
    expect((await other.req('GET', `/api/v1/plans/${planId}`)).status).toBe(403);
    expect((await reader.req('GET', `/api/v1/plans/${planId}`)).status).toBe(200);
    const list = (await anon.req('GET', '/api/v1/plans')).body.plans as { id: string }[];
    expect(list.some((p) => String(p.id) === planId)).toBe(false);
    const otherList = (await other.req('GET', '/api/v1/plans')).body.plans as { id: string }[];
    expect(otherList.some((p) => String(p.id) === planId)).toBe(false);
  });

  it('goals and indicators: only a redaktør of the municipality writes them', async () => {
    const planId = (await createPlan(t.services, faxe, { kinds: [] })).id;
    for (const c of [anon, reader, other])
      expect([401, 403]).toContain((await c.req('POST', `/api/v1/plans/${planId}/goals`, GOAL)).status);
    const g = await editor.req('POST', `/api/v1/plans/${planId}/goals`, GOAL);
    expect(g.status).toBe(201);
    const goalId = String(g.body.goal.id);
    for (const c of [anon, reader, other])
      expect([401, 403]).toContain(
        (await c.req('POST', `/api/v1/goals/${goalId}/indicators`, INDICATOR)).status,
      );
    const bad = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, {
      ...INDICATOR,
      config: { target: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Indikatoren er ikke udfyldt rigtigt: Målet skal være mindst 1.');
    const i = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, INDICATOR);
    expect(i.status).toBe(201);
    const indicatorId = String(i.body.indicator.id);
    for (const c of [anon, reader, other]) {
      expect([401, 403]).toContain(
        (await c.req('PUT', `/api/v1/goals/${goalId}`, { ...GOAL, revision: 1 })).status,
      );
      expect([401, 403]).toContain(
        (await c.req('PUT', `/api/v1/indicators/${indicatorId}`, { ...INDICATOR, revision: 1 })).status,
      );
      expect([401, 403]).toContain((await c.req('DELETE', `/api/v1/indicators/${indicatorId}`)).status);
      expect([401, 403]).toContain((await c.req('DELETE', `/api/v1/goals/${goalId}`)).status);
    }
  });

  it('status rounds: drafts are the municipality’s; entries need a redaktør', async () => {
    const { planId, indicatorId } = await planWithCount();
    for (const c of [anon, reader, other]) {
      expect([401, 403]).toContain(
        (
          await c.req('POST', `/api/v1/plans/${planId}/rounds`, {
            title: 'Status april 2021',
            asOf: '2021-04-30',
          })
        ).status,
      );
    }
    const r = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, {
      title: 'Status april 2021',
      asOf: '2021-04-30',
    });
    expect(r.status).toBe(201);
    const roundId = String(r.body.round.id);
    expect((await anon.req('GET', `/api/v1/rounds/${roundId}`)).status).toBe(401);
    expect((await other.req('GET', `/api/v1/rounds/${roundId}`)).status).toBe(403);
    expect((await reader.req('GET', `/api/v1/rounds/${roundId}`)).status).toBe(200);
    const entry = { text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg', value: 239, revision: null };
    for (const c of [anon, reader, other])
      expect([401, 403]).toContain(
        (await c.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, entry)).status,
      );
    const saved = await editor.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, entry);
    expect(saved.status).toBe(200);
    const view = await reader.req('GET', `/api/v1/rounds/${roundId}`);
    const item = view.body.items[0];
    // Seed 002: 239 of 450 visits, April 2021, over 2020-2021.
    expect(item.evaluation.progressText).toBe('239 af 450 besøg (53 %)');
    expect(item.evaluation.status).toBe('i risiko');
  });

  it('a second save from the same starting point is refused with both versions', async () => {
    const { plan, indicatorId } = await planWithCount();
    const roundId = await roundWithEntry(plan);
    const current = (await editor.req('GET', `/api/v1/rounds/${roundId}`)).body.items[0].entry;
    const a = await editor.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, {
      text: 'Version A',
      value: 239,
      revision: current.revision,
    });
    expect(a.status).toBe(200);
    const b = await faxeAdmin.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, {
      text: 'Version B',
      value: 240,
      revision: current.revision,
    });
    expect(b.status).toBe(409);
    expect(b.body.details.yours.text).toBe('Version B');
    expect(b.body.details.theirs.text).toBe('Version A');
    const after = (await editor.req('GET', `/api/v1/rounds/${roundId}`)).body.items[0].entry;
    expect(after.text).toBe('Version A');
  });

  it('an override needs a reason', async () => {
    const { plan, indicatorId } = await planWithCount();
    const roundId = await roundWithEntry(plan);
    const current = (await editor.req('GET', `/api/v1/rounds/${roundId}`)).body.items[0].entry;
    const r = await editor.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, {
      text: 'x',
      value: 239,
      revision: current.revision,
      assessmentOverride: 'på rette vej',
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('begrundelse');
  });

  it('publishing: only an adopted plan, then read-only, public, and corrections make a new version', async () => {
    const { plan: made, planId, indicatorId } = await planWithCount();
    const roundId = await roundWithEntry(made, 'Version A');
    const publicUrl = `/api/v1/public/320/${made.slug}`;
    expect((await editor.req('POST', `/api/v1/rounds/${roundId}/publish`)).status).toBe(400);
    const plan = (await editor.req('GET', `/api/v1/plans/${planId}`)).body.plan;
    expect(
      (
        await reader.req('PUT', `/api/v1/plans/${planId}`, {
          ...PLAN,
          status: 'vedtaget',
          adoptedOn: '2020-01-30',
          revision: plan.revision,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await editor.req('PUT', `/api/v1/plans/${planId}`, {
          ...PLAN,
          status: 'vedtaget',
          adoptedOn: '2020-01-30',
          revision: plan.revision,
        })
      ).status,
    ).toBe(200);
    // A stale revision of the plan is refused.
    expect(
      (
        await editor.req('PUT', `/api/v1/plans/${planId}`, {
          ...PLAN,
          status: 'vedtaget',
          revision: plan.revision,
        })
      ).status,
    ).toBe(409);
    for (const c of [anon, reader, other])
      expect([401, 403]).toContain((await c.req('POST', `/api/v1/rounds/${roundId}/publish`)).status);
    expect((await editor.req('POST', `/api/v1/rounds/${roundId}/publish`)).status).toBe(200);
    const entry = (await editor.req('GET', `/api/v1/rounds/${roundId}`)).body.items[0].entry;
    const late = await editor.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, {
      text: 'Sen rettelse',
      value: 241,
      revision: entry.revision,
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('offentliggjort');
    const pub = await anon.req('GET', publicUrl);
    expect(pub.status).toBe(200);
    expect(pub.body.latestRound.items[0].entry.text).toBe('Version A');
    expect((await anon.req('GET', `/api/v1/rounds/${roundId}`)).status).toBe(200);
    const corr = await editor.req('POST', `/api/v1/rounds/${roundId}/correct`);
    expect(corr.status).toBe(201);
    const corrId = String(corr.body.round.id);
    expect((await anon.req('GET', `/api/v1/rounds/${corrId}`)).status).toBe(401); // a draft again
    // The public page still shows the published version until the correction is published.
    expect((await anon.req('GET', publicUrl)).body.latestRound.round.id).toBe(roundId);
  });

  it('report downloads: a published round for everyone, a draft only for the municipality', async () => {
    const { plan, planId } = await planWithCount({ adoptedOn: '2020-01-30' });
    const roundId = (await createRound(t.services, faxe, plan, { publish: true })).id;
    const correction = await editor.req('POST', `/api/v1/rounds/${roundId}/correct`);
    expect(correction.status).toBe(201);
    const correctionId = String(correction.body.round.id);
    const pub = await app.inject({ method: 'GET', url: `/api/v1/rounds/${roundId}/report.docx` });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toContain('wordprocessingml');
    expect(pub.headers['content-disposition']).toContain('attachment');
    expect((await anon.req('GET', `/api/v1/rounds/${correctionId}/report.html`)).status).toBe(401);
    expect((await other.req('GET', `/api/v1/rounds/${correctionId}/report.html`)).status).toBe(403);
    expect((await reader.req('GET', `/api/v1/rounds/${correctionId}/report.html`)).status).toBe(200);
    expect((await anon.req('GET', `/api/v1/plans/${planId}/case.docx`)).status).toBe(200); // the plan is adopted: public
    const bad = await anon.req('GET', '/api/v1/benefit-groups/report.xlsx?area=607&from=igår&to=2022QMAT02');
    expect(bad.status).toBe(400);
  });

  it('the audit trail: administrators only, with before and after', async () => {
    // A municipality of its own, so that the trail holds exactly this test's changes.
    const m = await createMunicipality(t.services, '253');
    const made = await createPlan(t.services, m, { indicators: [INDICATOR] });
    const indicatorId = made.indicators[0]!.id;
    const roundId = (
      await createRound(t.services, m, made, {
        entries: { [indicatorId]: { text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg', value: 239 } },
      })
    ).id;
    const mEditor = await loginAs(app, m.editor);
    const entry = (await mEditor.req('GET', `/api/v1/rounds/${roundId}`)).body.items[0].entry;
    const edited = await mEditor.req('PUT', `/api/v1/rounds/${roundId}/entries/${indicatorId}`, {
      text: 'Version A',
      value: 239,
      revision: entry.revision,
    });
    expect(edited.status).toBe(200);
    await adoptPlan(t.services, m, made.id, '2020-01-30');
    expect((await mEditor.req('POST', `/api/v1/rounds/${roundId}/publish`)).status).toBe(200);
    expect((await mEditor.req('POST', `/api/v1/rounds/${roundId}/correct`)).status).toBe(201);
    const mAdmin = await loginAs(app, m.administrator);
    expect((await mEditor.req('GET', '/api/v1/municipalities/253/audit')).status).toBe(403);
    expect((await other.req('GET', '/api/v1/municipalities/253/audit')).status).toBe(403);
    expect((await faxeAdmin.req('GET', '/api/v1/municipalities/253/audit')).status).toBe(403);
    expect((await anon.req('GET', '/api/v1/municipalities/253/audit')).status).toBe(401);
    const r = await mAdmin.req('GET', '/api/v1/municipalities/253/audit');
    expect(r.status).toBe(200);
    const actions = r.body.entries.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'opret plan',
        'ret plan',
        'opret status',
        'ret status',
        'offentliggør statusrunde',
        'ret offentliggjort statusrunde',
      ]),
    );
    const edit = r.body.entries.find(
      (e: { action: string; entity: string }) => e.action === 'ret' && e.entity === 'status',
    );
    expect(JSON.stringify(edit.before)).toContain('239');
    expect(JSON.stringify(edit.after)).toContain('Version A');
  });

  it('users: administrators of the municipality invite and remove; others are refused', async () => {
    const invite = { email: 'ny@faxe.test', name: 'Ny Bruger', role: 'læser' };
    expect((await editor.req('POST', '/api/v1/municipalities/320/users', invite)).status).toBe(403);
    expect((await other.req('POST', '/api/v1/municipalities/320/users', invite)).status).toBe(403);
    expect((await anon.req('POST', '/api/v1/municipalities/320/users', invite)).status).toBe(401);
    const ok = await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', invite);
    expect(ok.status).toBe(201);
    expect(ok.body.password).toMatch(/.{12,}/);
    const login = await anonymous(app).req('POST', '/api/v1/auth/login', {
      email: 'ny@faxe.test',
      password: ok.body.password,
    });
    expect(login.status).toBe(200);
    expect((await reader.req('DELETE', `/api/v1/municipalities/320/users/${ok.body.userId}`)).status).toBe(
      403,
    );
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/320/users/${ok.body.userId}`)).status).toBe(
      200,
    );
  });

  it('login: wrong password refused in Danish; logout ends the session; password change needs the current one', async () => {
    const wrong = await anon.req('POST', '/api/v1/auth/login', {
      email: faxe.reader.email,
      password: 'forkert',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Forkert brugernavn eller adgangskode.');
    const me = await reader.req('GET', '/api/v1/auth/me');
    expect(me.body.user.email).toBe(faxe.reader.email);
    expect(
      (await reader.req('POST', '/api/v1/auth/password', { current: 'forkert', next: 'en-ny-lang-kode' }))
        .status,
    ).toBe(400);
    const temp = await loginAs(app, faxe.reader);
    expect((await temp.req('POST', '/api/v1/auth/logout')).status).toBe(200);
    expect((await temp.req('GET', '/api/v1/auth/me')).body.user).toBeNull();
  });
});

describe('login rate limit', () => {
  it('refuses the 4th attempt in a minute when the limit is 3', async () => {
    const t = await createTestDb('pglite');
    try {
      await seedUsers(t.services);
      const app = await appWithUsers(t.services, 3);
      const c = anonymous(app);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await c.req('POST', '/api/v1/auth/login', { email: 'x', password: 'y' })).status);
      expect(codes).toEqual([401, 401, 401, 429]);
      await app.close();
    } finally {
      await t.cleanup();
    }
  }, 60_000);
});
