// Security headers that also work on a plain-HTTP install: the CSP asks the browser to upgrade requests
// to HTTPS only when this request came over HTTPS (directly or from a trusted proxy); otherwise a
// plain-HTTP install on a real host name would load no scripts. Answers to a logged-in request are never
// stored by browsers or proxies (Cache-Control: no-store).
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const securityHeaders = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
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
