// Single sign-on with OpenID Connect (authorization code flow with PKCE) for municipalities on Entra ID or
// ADFS. Users are matched on their subject, or on e-mail the first time; only invited users get in.
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import * as accounts from '../db/repositories/accounts.ts';
import type { DB } from '../db/schema.ts';
import { createSessionFor } from './auth.ts';
import { AppError } from './errors.ts';

export interface Oidc {
  label: string;
  start(db: Kysely<DB>): Promise<string>;
  finish(db: Kysely<DB>, callbackUrl: URL): Promise<Awaited<ReturnType<typeof createSessionFor>>>;
}

export async function createOidc(cfg: OidcConfig): Promise<Oidc> {
  let config: client.Configuration | undefined;
  const discover = async () => {
    config ??= await client.discovery(
      new URL(cfg.issuer),
      cfg.clientId,
      cfg.clientSecret,
      undefined,
      cfg.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    return config;
  };
  return {
    label: cfg.label,
    async start(db) {
      const c = await discover();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      await db
        .deleteFrom('oidc_logins')
        .where('created_at', '<', new Date(Date.now() - 15 * 60_000))
        .execute();
      await db.insertInto('oidc_logins').values({ state, code_verifier: verifier, nonce }).execute();
      return client
        .buildAuthorizationUrl(c, {
          redirect_uri: cfg.redirectUri,
          scope: 'openid email profile',
          state,
          nonce,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        })
        .toString();
    },
    async finish(db, callbackUrl) {
      const c = await discover();
      const state = callbackUrl.searchParams.get('state') ?? '';
      const pending = await db
        .deleteFrom('oidc_logins')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      if (!pending) throw new AppError(400, 'Login via SSO er udløbet eller ugyldigt. Prøv igen.');
      let claims: client.IDToken | undefined;
      let email: string | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(c, callbackUrl, {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        });
        claims = tokens.claims();
        email = typeof claims?.email === 'string' ? claims.email : undefined;
        // Providers that keep the ID token small (conformant ones do) give e-mail from the userinfo endpoint.
        if (!email && claims?.sub) {
          const info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
          email = typeof info.email === 'string' ? info.email : undefined;
        }
      } catch (err) {
        throw new AppError(
          401,
          `Login via SSO mislykkedes: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      if (!claims?.sub) throw new AppError(401, 'Login via SSO mislykkedes: svaret mangler brugerens id.');
      const user =
        (await accounts.findUserByOidcSubject(db, claims.sub)) ??
        (email ? await accounts.findUserByEmail(db, email) : undefined);
      if (!user)
        throw new AppError(
          403,
          `Du er ikke oprettet i Måltavle${email ? ` (${email})` : ''}. Bed en administrator om en invitation.`,
        );
      await accounts.linkOidcSubject(db, user.id, claims.sub);
      return createSessionFor(db, user);
    },
  };
}
