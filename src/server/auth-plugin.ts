// Sessions and CSRF: the session cookie is HTTP-only, SameSite=Lax and Secure behind HTTPS; every
// state-changing request must carry the session's CSRF token in the x-csrf-token header.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../services/access.ts';
import { type SessionInfo, sessionFromToken } from '../services/auth.ts';
import type { Services } from '../services/index.ts';

export const SESSION_COOKIE = 'maaltavle_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    actor: Actor;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { services: Services; secureCookies: boolean }) => {
    await app.register(cookie);
    app.decorateRequest('session', null);
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (req, reply) => {
      // Static files of the web app need no session: look it up for the API only (one query per request).
      if (!req.url.startsWith('/api/')) {
        req.actor = { user: null };
        return;
      }
      req.session = await sessionFromToken(opts.services.database.db, req.cookies[SESSION_COOKIE]);
      req.actor = { user: req.session?.user ?? null };
      // A one-time password must be changed before anything else (logging out and "who am I" still work).
      if (req.session?.mustChangePassword && !req.url.startsWith('/api/v1/auth/')) {
        return reply.code(403).send({
          error: 'Fejl',
          message: 'Skift din engangsadgangskode under "Min konto", før du fortsætter.',
          mustChangePassword: true,
        });
      }
      if (!SAFE.has(req.method) && req.session) {
        const token = req.headers['x-csrf-token'];
        if (token !== req.session.csrfToken) {
          return reply
            .code(403)
            .send({ error: 'Fejl', message: 'Sikkerhedstjek (CSRF) fejlede. Genindlæs siden og prøv igen.' });
        }
      }
    });
  },
);

export function cookieOptions(req: FastifyRequest, secure: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: secure || req.protocol === 'https',
    maxAge: 14 * 86_400,
  };
}
