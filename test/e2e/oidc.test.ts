// Single sign-on against a real OpenID Connect provider (oidc-provider) started locally, driven in Chromium.
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/cli/build-web.ts';
import { insertUser, setMembership } from '../../src/db/repositories/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { createOidc } from '../../src/services/oidc.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { freePort } from '../helpers/ports.ts';
import { hasChromium, launch } from './browser.ts';

describe.skipIf(!hasChromium)('single sign-on with OpenID Connect', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let providerServer: { close(): void };

  beforeAll(async () => {
    t = await createTestDb('pglite');
    const id = await insertUser(t.database.db, {
      email: 'laeser@faxe.test',
      name: 'Lise Læser',
      passwordHash: await hash('ubrugt-kode-123'),
    });
    await setMembership(t.database.db, id, '320', 'læser');
    // An invited user whose e-mail the provider does not vouch for (email_verified: false).
    const unverified = await insertUser(t.database.db, {
      email: 'ubekraeftet@faxe.test',
      name: 'Ulla Ubekræftet',
      passwordHash: null,
    });
    await setMembership(t.database.db, unverified, '320', 'administrator');
    const appPort = await freePort();
    const idpPort = await freePort();
    base = `http://127.0.0.1:${appPort}`;
    const issuer = `http://127.0.0.1:${idpPort}`;
    const redirectUri = `${base}/api/v1/auth/oidc/callback`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'maaltavle',
          client_secret: 'klient-hemmelighed',
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // The login name typed at the provider is the account id and its e-mail, as a directory would answer.
      async findAccount(_ctx: unknown, sub: string) {
        return {
          accountId: sub,
          claims: async () => ({
            sub,
            email: sub,
            email_verified: !sub.startsWith('ubekraeftet'),
            name: sub,
          }),
        };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: true } },
    });
    providerServer = provider.listen(idpPort);
    const oidc = await createOidc({
      issuer,
      clientId: 'maaltavle',
      clientSecret: 'klient-hemmelighed',
      redirectUri,
      label: 'Log ind med SSO',
      allowInsecure: true,
      trustEmail: false,
    });
    app = await buildApp({ services: t.services, webDir: WEB_DIST, oidc });
    await app.listen({ port: appPort, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    providerServer?.close();
    await t?.cleanup();
  });

  async function signIn(login: string) {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${base}/log-ind`);
    await page.getByRole('link', { name: 'Log ind med SSO' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('hvad-som-helst');
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent the first time.
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    if (await consent.count()) await consent.click();
    await page.waitForURL((u) => u.origin === base && !u.pathname.includes('/api/'));
    return { browser, page };
  }

  it('logs an invited user in through the provider', async () => {
    const { browser, page } = await signIn('laeser@faxe.test');
    try {
      await page.getByRole('button', { name: 'Log ud (Lise Læser)' }).waitFor({ timeout: 15_000 });
      const me = (await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json())) as {
        user: { email: string; memberships: unknown[] };
      };
      expect(me.user.email).toBe('laeser@faxe.test');
      expect(me.user.memberships).toEqual([{ municipality: '320', role: 'læser', name: 'Faxe' }]);
      const row = await t.database.db
        .selectFrom('users')
        .select('oidc_subject')
        .where('email', '=', 'laeser@faxe.test')
        .executeTakeFirst();
      expect(row?.oidc_subject).toBe('laeser@faxe.test');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses a user who has not been invited, with a Danish message', async () => {
    const { browser, page } = await signIn('fremmed@andet.test');
    try {
      await page
        .getByRole('alert')
        .filter({ hasText: 'Du er ikke oprettet i Måltavle. Bed en administrator om en invitation.' })
        .waitFor({ timeout: 15_000 });
      expect(page.url()).toContain('/log-ind?fejl=ikke-oprettet');
      // The provider's login name (attacker-chosen text) is not echoed.
      expect(await page.content()).not.toContain('fremmed@andet.test');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses an invited e-mail that the provider has not verified', async () => {
    const { browser, page } = await signIn('ubekraeftet@faxe.test');
    try {
      await page
        .getByRole('alert')
        .filter({ hasText: 'har ikke bekræftet din e-mailadresse' })
        .waitFor({ timeout: 15_000 });
      expect(page.url()).toContain('/log-ind?fejl=ikke-bekraeftet');
      const linked = await t.database.db
        .selectFrom('users')
        .select('oidc_subject')
        .where('email', '=', 'ubekraeftet@faxe.test')
        .executeTakeFirst();
      expect(linked?.oidc_subject).toBeNull();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("a callback with a valid state from another browser's login is refused (login CSRF)", async () => {
    // The attacker's browser starts a login: it gets the state (in the provider URL) and the pre-login cookie.
    const start = await fetch(`${base}/api/v1/auth/oidc/start`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^maaltavle_sso=.{20,}/);
    const link = `${base}/api/v1/auth/oidc/callback?code=stjaalet&state=${state}`;
    // The victim opens the link without that cookie (or with their own): refused before any token exchange.
    for (const headers of [{} as Record<string, string>, { cookie: 'maaltavle_sso=offerets-egen' }]) {
      const victim = await fetch(link, { redirect: 'manual', headers });
      expect(victim.headers.get('location')).toBe('/log-ind?fejl=udloebet');
      expect(victim.headers.get('set-cookie') ?? '').not.toContain('maaltavle_session=');
    }
    // The pending login is still the attacker's browser's: with its cookie the code goes to the provider
    // (which refuses the made-up code).
    const own = await fetch(link, { redirect: 'manual', headers: { cookie } });
    expect(own.headers.get('location')).toBe('/log-ind?fejl=afvist');
  });

  it('shows only known reasons from the link, never the text in it', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(
        `${base}/log-ind?fejl=${encodeURIComponent('Ring til 12345678 og oplys din adgangskode')}`,
      );
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.content()).not.toContain('12345678');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses a callback with an unknown state', async () => {
    const res = await fetch(`${base}/api/v1/auth/oidc/callback?code=x&state=forfalsket`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/log-ind?fejl=udloebet');
  });
});
