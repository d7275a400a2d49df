// Security headers that also work on a plain-HTTP install: the CSP asks the browser to upgrade requests
// to HTTPS only when this request came over HTTPS (directly or from a trusted proxy); otherwise a
// plain-HTTP install on a real host name would load no scripts. Answers to a logged-in request are never
// stored by browsers or proxies (Cache-Control: no-store).
// Helmet's headers do not depend on the request: they are computed once at start and copied onto every
// answer (@fastify/helmet rebuilt helmet's middleware and re-parsed the CSP on every request).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/** The headers helmet sets with our options (the same on every answer). */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS means nothing over plain HTTP and would pin a host to HTTPS it may not have: set below per request.
    strictTransportSecurity: false,
  })({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

export const securityHeaders = fp(async (app: FastifyInstance) => {
  const fixed = helmetHeaders();
  if (!fixed['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(fixed);
    done();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol === 'https') {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests'))
        reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
      reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
    }
    const authenticated = 'session' in req && req.session !== null && req.session !== undefined;
    if (authenticated || req.headers.cookie?.includes('maaltavle_session=')) {
      reply.header('cache-control', 'no-store');
      const vary = reply.getHeader('vary');
      reply.header('vary', typeof vary === 'string' && vary ? `${vary}, Cookie` : 'Cookie');
    }
    return payload;
  });
});
