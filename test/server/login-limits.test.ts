// Issue 9 item 6: login limited per account and per client address (X-Forwarded-For only from trusted
// proxies), Danish 429 messages, the right password works again after a lockout, password change
// limited, new passwords checked against length and a list of common passwords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/domain/password-policy.ts';
import { buildApp } from '../../src/server/app.ts';
import { createLoginLimits } from '../../src/services/login-limits.ts';
import { as, PASSWORD, seedUsers, USERS } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

describe('login limits (unit)', () => {
  it('locks an account after 5 failures, tells the time left in Danish, and lets the right password in afterwards', () => {
    const l = createLoginLimits();
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      l.check('a@x', '1.1.1.1', t0);
      l.failed('a@x', `10.0.0.${i}`, t0);
    }
    expect(() => l.check('A@x', '9.9.9.9', t0 + 1000)).toThrow(
      'For mange forkerte forsøg på denne konto. Prøv igen om 1 minut.',
    );
    // After the lock the attempt is allowed again (the right password then resets the count).
    expect(() => l.check('a@x', '9.9.9.9', t0 + 61_000)).not.toThrow();
    l.succeeded('a@x');
    l.failed('a@x', '9.9.9.9', t0 + 62_000);
    expect(() => l.check('a@x', '9.9.9.9', t0 + 62_000)).not.toThrow();
  });

  it('doubles the lock with each further failure, up to 15 minutes', () => {
    const l = createLoginLimits();
    for (let i = 0; i < 6; i++) l.failed('b@x', `10.0.1.${i}`, 0);
    expect(() => l.check('b@x', 'z', 1000)).toThrow('Prøv igen om 2 minutter.');
    for (let i = 0; i < 10; i++) l.failed('b@x', `10.0.2.${i}`, 0);
    expect(() => l.check('b@x', 'z', 1000)).toThrow('Prøv igen om 15 minutter.');
  });

  it('limits failures per address across accounts', () => {
    const l = createLoginLimits({ perAddress: 3 });
    for (let i = 0; i < 3; i++) l.failed(`u${i}@x`, '7.7.7.7', 0);
    expect(() => l.check('ny@x', '7.7.7.7', 1)).toThrow('For mange forkerte loginforsøg fra din adresse');
    expect(() => l.check('ny@x', '8.8.8.8', 1)).not.toThrow();
  });
});

describe('password policy', () => {
  it('refuses short, common, one-character and own-name passwords in Danish', () => {
    expect(passwordProblem('kort')).toBe('Adgangskoden skal være mindst 10 tegn.');
    expect(passwordProblem('aaaaaaaaaa')).toBe('Adgangskoden skal bestå af flere forskellige tegn.');
    expect(passwordProblem('password123')).toContain('mest brugte adgangskoder');
    expect(passwordProblem('1234567890')).toContain('mest brugte adgangskoder');
    expect(passwordProblem('Lise.Larsen-2026', 'lise.larsen@faxe.dk')).toBe(
      'Adgangskoden må ikke indeholde dit brugernavn.',
    );
    expect(passwordProblem('grøn-kaffekop-ved-åen')).toBeNull();
  });
});

describe.each(ENGINES)('login and password change over HTTP on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const login = (app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string, ip?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      ...(ip ? { headers: { 'x-forwarded-for': ip } } : {}),
    });

  it('a locked account gets a Danish 429 with Retry-After, also for the right password; other accounts are not affected', async () => {
    const app = await buildApp({ services: t.services });
    try {
      for (let i = 0; i < 5; i++)
        expect((await login(app, USERS.faxeLaeser.email, 'forkert')).statusCode).toBe(401);
      const locked = await login(app, USERS.faxeLaeser.email, PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        code: 'too_many_requests',
        message: 'For mange forkerte forsøg på denne konto. Prøv igen om 1 minut.',
      });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // The same address may still log in to another account.
      expect((await login(app, USERS.faxeRedaktoer.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('counts failures per client address; X-Forwarded-For only from a trusted proxy', async () => {
    const untrusted = await buildApp({ services: t.services, loginLimit: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await login(untrusted, `x${i}@y`, 'z', `10.9.9.${i}`)).statusCode);
      // Without trusted proxies the header is ignored: all four come from one address.
      expect(codes).toEqual([401, 401, 401, 429]);
      expect((await login(untrusted, 'x9@y', 'z')).json().message).toContain('fra din adresse');
    } finally {
      await untrusted.close();
    }
    const behindProxy = await buildApp({
      services: t.services,
      loginLimit: 3,
      trustedProxies: ['127.0.0.1'],
    });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await login(behindProxy, `x${i}@y`, 'z', `10.9.9.${i}`)).statusCode);
      // Behind the trusted proxy each client has its own address.
      expect(codes).toEqual([401, 401, 401, 401]);
      for (let i = 0; i < 3; i++) await login(behindProxy, `w${i}@y`, 'z', '10.8.8.8');
      expect((await login(behindProxy, 'w9@y', 'z', '10.8.8.8')).statusCode).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });

  it('password change is limited and refuses weak passwords in Danish', async () => {
    const app = await buildApp({ services: t.services });
    try {
      const c = await as(app, 'fredericia');
      const weak = await c.req('POST', '/api/v1/auth/password', { current: PASSWORD, next: 'aaaaaaaaaa' });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({ code: 'weak_password', parameter: 'next' });
      const common = await c.req('POST', '/api/v1/auth/password', { current: PASSWORD, next: 'password123' });
      expect(common.body.message).toContain('mest brugte adgangskoder');
      const codes = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (
            await c.req('POST', '/api/v1/auth/password', {
              current: `gæt-${i}`,
              next: 'grøn-kaffekop-ved-åen',
            })
          ).status,
        );
      expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
      const right = await c.req('POST', '/api/v1/auth/password', {
        current: PASSWORD,
        next: 'grøn-kaffekop-ved-åen',
      });
      expect(right.status).toBe(429);
      expect(right.body.message).toContain('For mange forkerte forsøg på at skifte adgangskode');
    } finally {
      await app.close();
    }
  });
});
