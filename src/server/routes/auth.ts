// Log in, log out, who am I, change password. Login is limited per account and per client address,
// password change per user (src/services/login-limits.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginInput, LoginOptions, Me, PasswordInput, SsoRedirect, SsoReturn } from '../../contract/auth.ts';
import { Ok } from '../../contract/common.ts';
import { changePassword, login, logout, presentSession, type SessionInfo } from '../../services/auth.ts';
import { unauthorized } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import type { LoginLimits } from '../../services/login-limits.ts';
import { type Oidc, SsoError } from '../../services/oidc.ts';
import { cookieOptions, SESSION_COOKIE } from '../auth-plugin.ts';

const SSO_COOKIE = 'maaltavle_sso';

export const authRoutes: FastifyPluginAsyncZod<{
  services: Services;
  secureCookies: boolean;
  limits: LoginLimits;
  oidc?: Oidc | undefined;
}> = async (app, opts) => {
  const db = opts.services.database.db;

  const me = (req: { session: SessionInfo | null }) => presentSession(req.session);

  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Log ind',
        body: LoginInput,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const { token, session } = await login(db, req.body.email, req.body.password, {
        limits: opts.limits,
        address: req.ip,
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, opts.secureCookies));
      req.session = session;
      return me(req);
    },
  );

  app.post('/auth/logout', { schema: { summary: 'Log ud', response: { 200: Ok } } }, async (req, reply) => {
    await logout(db, req.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get(
    '/auth/me',
    { schema: { summary: 'Den indloggede bruger og CSRF-token', response: { 200: Me } } },
    async (req) => me(req),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        summary: 'Skift adgangskode',
        body: PasswordInput,
        response: { 200: Ok },
      },
    },
    async (req) => {
      if (!req.session) throw unauthorized();
      await changePassword(db, req.actor, req.session, req.body.current, req.body.next, opts.limits);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/config',
    { schema: { summary: 'Login-muligheder (SSO slået til eller ej)', response: { 200: LoginOptions } } },
    async () => ({
      oidc: opts.oidc ? { label: opts.oidc.label, start: '/api/v1/auth/oidc/start' } : null,
    }),
  );

  if (opts.oidc) {
    const oidc = opts.oidc;
    app.get(
      '/auth/oidc/start',
      { schema: { summary: 'Start login via SSO (OpenID Connect)', response: { 302: SsoRedirect } } },
      async (req, reply) => {
        const { url, browserSecret } = await oidc.start(db);
        // The pre-login cookie binds the callback to this browser (SameSite=Lax: sent on the provider's
        // top-level redirect back, not on requests from other sites' pages).
        reply.setCookie(SSO_COOKIE, browserSecret, {
          ...cookieOptions(req, opts.secureCookies),
          path: '/api/v1/auth/oidc',
          maxAge: 15 * 60,
        });
        return reply.redirect(url);
      },
    );
    app.get(
      '/auth/oidc/callback',
      { schema: { summary: 'Retur fra SSO-udbyderen', response: { 302: SsoReturn } } },
      async (req, reply) => {
        reply.clearCookie(SSO_COOKIE, { path: '/api/v1/auth/oidc' });
        try {
          const url = new URL(req.url, `${req.protocol}://${req.host}`);
          const { token } = await oidc.finish(db, url, req.cookies[SSO_COOKIE]);
          reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, opts.secureCookies));
          return reply.redirect('/');
        } catch (err) {
          // Only a known reason goes into the link; what the provider said stays in the server log.
          const reason = err instanceof SsoError ? err.reason : 'afvist';
          req.log.warn(
            { reason, detail: err instanceof SsoError ? err.detail : String(err) },
            'SSO-login afvist',
          );
          return reply.redirect(`/log-ind?fejl=${reason}`);
        }
      },
    );
  }
};
