// Single sign-on with OpenID Connect (authorization code flow with PKCE) for municipalities on Entra ID or
// ADFS. Only invited users get in. A login is bound to the browser that started it (a random pre-login
// cookie whose hash is stored with the state), so a callback link sent by someone else finds nothing
// (login CSRF). Users are matched on their linked subject, or the first time on an e-mail the provider
// says is verified (`email_verified: true`), unless the provider is configured as trusted for e-mail.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import * as accounts from '../db/repositories/accounts.ts';
import * as pending from '../db/repositories/oidc.ts';
import type { DB } from '../db/schema.ts';
import { SSO_ERRORS, type SsoReason } from '../domain/sso-errors.ts';
import { createSessionFor } from './auth.ts';
import { AppError } from './errors.ts';

/** A failed SSO login: the reason goes in the redirect, the detail only in the server log. */
export class SsoError extends AppError {
  constructor(
    readonly reason: SsoReason,
    readonly detail = '',
  ) {
    super(reason === 'udloebet' ? 400 : 401, SSO_ERRORS[reason], undefined, { code: 'sso_failed' });
  }
}

export interface Oidc {
  label: string;
  /** The provider's URL to send the browser to, and the secret for the browser's pre-login cookie. */
  start(db: Kysely<DB>): Promise<{ url: string; browserSecret: string }>;
  finish(
    db: Kysely<DB>,
    callbackUrl: URL,
    browserSecret: string | undefined,
  ): Promise<Awaited<ReturnType<typeof createSessionFor>>>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

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
      const browserSecret = randomBytes(32).toString('base64url');
      await pending.insertPendingLogin(db, {
        state,
        codeVerifier: verifier,
        nonce,
        browserHash: sha256(browserSecret),
      });
      const url = client
        .buildAuthorizationUrl(c, {
          redirect_uri: cfg.redirectUri,
          scope: 'openid email profile',
          state,
          nonce,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        })
        .toString();
      return { url, browserSecret };
    },
    async finish(db, callbackUrl, browserSecret) {
      const c = await discover();
      const state = callbackUrl.searchParams.get('state') ?? '';
      if (!browserSecret) throw new SsoError('udloebet', 'no pre-login cookie');
      const login = await pending.takePendingLogin(db, state, sha256(browserSecret));
      if (!login) throw new SsoError('udloebet', 'unknown state for this browser');
      let claims: client.IDToken | undefined;
      let info: client.UserInfoResponse | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(c, callbackUrl, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
        });
        claims = tokens.claims();
        // Providers that keep the ID token small (conformant ones do) give e-mail from the userinfo endpoint.
        if (typeof claims?.email !== 'string' && claims?.sub)
          info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
      } catch (err) {
        throw new SsoError('afvist', err instanceof Error ? err.message : String(err));
      }
      if (!claims?.sub) throw new SsoError('afvist', 'no sub claim');
      const linked = await accounts.findUserByOidcSubject(db, claims.sub);
      if (linked) return createSessionFor(db, linked);
      const source = typeof claims.email === 'string' ? claims : info;
      const email = typeof source?.email === 'string' ? source.email : undefined;
      if (!email) throw new SsoError('ikke-oprettet', 'no e-mail claim');
      if (source?.email_verified !== true && !cfg.trustEmail)
        throw new SsoError('ikke-bekraeftet', `email_verified is not true for ${email}`);
      const user = await accounts.findUserByEmail(db, email);
      if (!user) throw new SsoError('ikke-oprettet', `no user ${email}`);
      await accounts.linkOidcSubject(db, user.id, claims.sub);
      return createSessionFor(db, user);
    },
  };
}
