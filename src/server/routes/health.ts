// Liveness and readiness: GET /healthz answers 200 while the process and its database answer,
// 503 with `database: 'nede'` while the database does not.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/index.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ services?: Services | undefined }> = async (app, opts) => {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Sundhedstjek',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['ok', 'none']) }),
          503: z.object({ status: z.literal('fejl'), database: z.literal('nede'), message: z.string() }),
        },
      },
    },
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
