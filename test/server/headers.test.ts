// Issue 9 items 10/11: headers that work on plain HTTP (upgrade-insecure-requests and HSTS only over
// HTTPS), no-store on logged-in answers, Secure cookies whenever the request came over HTTPS (a trusted
// proxy's X-Forwarded-Proto included; MAALTAVLE_SECURE_COOKIES still forces it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { PASSWORD, seedUsers, USERS } from '../helpers/app.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

describe('security headers and cookies', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await seedUsers(t.services);
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const login = (app: Awaited<ReturnType<typeof buildApp>>, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { email: USERS.faxeLaeser.email, password: PASSWORD },
    });

  it('plain HTTP: no upgrade-insecure-requests, no HSTS, cookie without Secure', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const res = await app.inject('/api/v1/areas');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const l = await login(app, { 'x-forwarded-proto': 'https' }); // not from a trusted proxy: ignored
      expect(l.cookies[0]?.secure).toBeFalsy();
    } finally {
      await app.close();
    }
  });

  it('HTTPS through a trusted proxy: upgrade-insecure-requests, HSTS and a Secure cookie', async () => {
    const app = await buildApp({ services: t.services, trustedProxies: ['127.0.0.1'] });
    try {
      const res = await app.inject({ url: '/api/v1/areas', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      const l = await login(app, { 'x-forwarded-proto': 'https' });
      expect(l.statusCode).toBe(200);
      expect(l.cookies[0]).toMatchObject({ name: 'maaltavle_session', secure: true, httpOnly: true });
    } finally {
      await app.close();
    }
  });

  it('MAALTAVLE_SECURE_COOKIES still forces Secure over plain HTTP', async () => {
    const app = await buildApp({ services: t.services, secureCookies: true });
    try {
      expect((await login(app)).cookies[0]?.secure).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers to a logged-in request carry Cache-Control: no-store; public anonymous ones do not', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const l = await login(app);
      expect(l.headers['cache-control']).toBe('no-store');
      const cookie = l.cookies.find((c) => c.name === 'maaltavle_session')!.value;
      const me = await app.inject({ url: '/api/v1/auth/me', cookies: { maaltavle_session: cookie } });
      expect(me.headers['cache-control']).toBe('no-store');
      const plans = await app.inject({ url: '/api/v1/plans', cookies: { maaltavle_session: cookie } });
      expect(plans.headers['cache-control']).toBe('no-store');
      expect((await app.inject('/api/v1/areas')).headers['cache-control']).not.toBe('no-store');
    } finally {
      await app.close();
    }
  });
});
