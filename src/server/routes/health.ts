// Liveness and readiness: GET /healthz answers 200 while the process and its database answer,
// 503 with `database: 'nede'` while the database does not.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Healthy, Unhealthy } from '../../contract/health.ts';
import type { Services } from '../../services/index.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ services?: Services | undefined }> = async (app, opts) => {
  app.get(
    '/healthz',
    { schema: { summary: 'Sundhedstjek', response: { 200: Healthy, 503: Unhealthy } } },
    async (_req, reply) => {
      if (!opts.services) return { status: 'ok' as const, database: 'none' as const };
      try {
        await opts.services.ping();
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'fejl' as const, database: 'nede' as const, message: 'Databasen svarer ikke.' });
      }
    },
  );
};
