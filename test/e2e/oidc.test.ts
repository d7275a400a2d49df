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
        return { accountId: sub, claims: async () => ({ sub, email: sub, name: sub }) };
      },
      claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
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
        .filter({ hasText: 'Du er ikke oprettet i Måltavle (fremmed@andet.test)' })
        .waitFor({ timeout: 15_000 });
      expect(page.url()).toContain('/log-ind');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses a callback with an unknown state', async () => {
    const res = await fetch(`${base}/api/v1/auth/oidc/callback?code=x&state=forfalsket`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toContain(
      'Login via SSO er udløbet eller ugyldigt',
    );
  });
});
