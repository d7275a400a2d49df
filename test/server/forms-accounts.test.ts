// Idempotent creates (a double click makes one goal), Danish field errors for indicator bounds, and
// one-time passwords that expire after 48 hours and must be changed first.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOneTimeExpiry } from '../../src/db/repositories/one-time-passwords.ts';
import { resetPassword } from '../../src/services/auth.ts';
import { appWithUsers, login, PASSWORD, seedUsers, USERS } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const PLAN = {
  title: 'Beskæftigelsesplan 2020-2021',
  yearFrom: 2020,
  yearTo: 2021,
  intro: '',
  status: 'udkast',
};
const GOAL = { number: '1', kind: 'lokalt mål', title: 'Flere i job', text: '', position: 1 };

describe.each(ENGINES)('forms and accounts on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let editor: Awaited<ReturnType<typeof login>>;
  let planId: string;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
    editor = await login(app, USERS.faxeRedaktoer.email, PASSWORD);
    planId = (await editor.req('POST', '/api/v1/municipalities/320/plans', PLAN)).body.plan.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('a double click (two requests, one key) creates one goal, one indicator and one round', async () => {
    const key = { headers: { 'idempotency-key': 'klik-1' } };
    const count = async () => {
      const p = (await editor.req('GET', `/api/v1/plans/${planId}`)).body;
      return { goals: p.goals.length, indicators: p.indicators.length, rounds: p.rounds.length };
    };
    const start = await count();
    const [a, b] = await Promise.all([
      editor.req('POST', `/api/v1/plans/${planId}/goals`, GOAL, key),
      editor.req('POST', `/api/v1/plans/${planId}/goals`, GOAL, key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.goal.id).toBe(a.body.goal.id);
    const ind = {
      kind: 'optælling',
      title: 'Virksomhedsbesøg',
      config: { target: 450, unit: 'besøg', startDate: '2020-01-01', deadline: '2021-12-31' },
    };
    const goalId = a.body.goal.id;
    const k2 = { headers: { 'idempotency-key': 'klik-2' } };
    const i1 = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, ind, k2);
    const i2 = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, ind, k2);
    expect(i2.body.indicator.id).toBe(i1.body.indicator.id);
    const round = { title: 'Status april 2021', asOf: '2021-04-30' };
    const k3 = { headers: { 'idempotency-key': 'klik-3' } };
    const r1 = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, round, k3);
    const r2 = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, round, k3);
    expect(r2.body.round.id).toBe(r1.body.round.id);
    expect(await count()).toEqual({
      goals: start.goals + 1,
      indicators: start.indicators + 1,
      rounds: start.rounds + 1,
    });
    // A new key (the next submission) creates the next goal.
    await editor.req(
      'POST',
      `/api/v1/plans/${planId}/goals`,
      { ...GOAL, number: '2' },
      { headers: { 'idempotency-key': 'klik-4' } },
    );
    expect((await count()).goals).toBe(start.goals + 2);
  });

  it('indicator bounds are refused with Danish messages per field', async () => {
    // Its own goal, so the test does not depend on another having made one.
    const made = await editor.req('POST', `/api/v1/plans/${planId}/goals`, { ...GOAL, number: '9' });
    expect(made.status).toBe(201);
    const goalId = made.body.goal.id;
    const r = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, {
      kind: 'andel',
      title: 'Andel i job',
      config: { mode: 'manual', targetValue: 150, direction: 'at-least', deadline: '2019-12-31' },
    });
    expect(r.status).toBe(400);
    expect(r.body.details.fields).toEqual([
      { path: 'config.targetValue', message: 'Målet skal være mellem 0 og 100 %.' },
      { path: 'config.deadline', message: 'Fristen skal ligge i planperioden (2020–2021) eller senere.' },
    ]);
    const early = await editor.req('POST', `/api/v1/goals/${goalId}/indicators`, {
      kind: 'andel',
      title: 'Andel i job',
      config: { mode: 'manual', targetValue: 50, direction: 'at-least', deadline: '2019-12-31' },
    });
    expect(early.body.details.fields).toEqual([
      { path: 'config.deadline', message: 'Fristen skal ligge i planperioden (2020–2021) eller senere.' },
    ]);
    expect(early.body.message).toBe(
      'Indikatoren er ikke udfyldt rigtigt: Fristen skal ligge i planperioden (2020–2021) eller senere.',
    );
  });

  it("an invited user's one-time password works once for 48 hours and must be changed first", async () => {
    const admin = await login(app, USERS.faxeAdmin.email, PASSWORD);
    const invite = await admin.req('POST', '/api/v1/municipalities/320/users', {
      email: 'ny@faxe.test',
      name: 'Ny Bruger',
      role: 'redaktør',
    });
    expect(invite.status).toBe(201);
    const first = await login(app, 'ny@faxe.test', invite.body.password);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const refused = await first.req('GET', `/api/v1/plans/${planId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Skift din engangsadgangskode under "Min konto", før du fortsætter.');
    expect(
      (
        await first.req('POST', '/api/v1/auth/password', {
          current: invite.body.password,
          next: 'min-egen-lange-kode',
        })
      ).status,
    ).toBe(200);
    expect((await first.req('GET', `/api/v1/plans/${planId}`)).status).toBe(200);
    expect((await first.req('GET', '/api/v1/auth/me')).body.mustChangePassword).toBe(false);
    // The one-time password is gone; the new one works without a forced change.
    expect((await login(app, 'ny@faxe.test', invite.body.password)).status).toBe(401);
    expect((await login(app, 'ny@faxe.test', 'min-egen-lange-kode')).body.mustChangePassword).toBe(false);

    const second = await admin.req('POST', '/api/v1/municipalities/320/users', {
      email: 'sen@faxe.test',
      name: 'Sen Bruger',
      role: 'læser',
    });
    // 48 hours later: move the expiry into the past, as the clock would.
    await setOneTimeExpiry(t.services.database.db, second.body.userId, new Date(Date.now() - 1000));
    const late = await login(app, 'sen@faxe.test', second.body.password);
    expect(late.status).toBe(401);
    expect(late.body.message).toBe(
      'Engangsadgangskoden er udløbet (den virker i 48 timer). Bed en administrator om en ny.',
    );
  });

  it('reset-password gives a new one-time password, ends sessions and must be changed', async () => {
    const before = await login(app, USERS.admin.email, PASSWORD);
    expect((await before.req('GET', '/api/v1/auth/me')).body.user.email).toBe('admin@test');
    const pw = await resetPassword(t.services.database.db, 'ADMIN@test');
    expect(pw).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await before.req('GET', '/api/v1/auth/me')).body.user).toBeNull();
    expect((await login(app, USERS.admin.email, PASSWORD)).status).toBe(401);
    const after = await login(app, USERS.admin.email, pw);
    expect(after.body.mustChangePassword).toBe(true);
    await expect(resetPassword(t.services.database.db, 'ingen@faxe.test')).rejects.toThrow(
      'Brugeren "ingen@faxe.test" findes ikke.',
    );
  });
});
