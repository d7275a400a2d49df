// The public page's data: an adopted plan and its published status rounds, without login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MunicipalityCode } from '../../contract/common.ts';
import { PublicPlan } from '../../contract/plans.ts';
import type { Services } from '../../services/index.ts';
import { publicPlan } from '../../services/plans.ts';

export const publicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;
  app.get(
    '/public/:code/:slug',
    {
      schema: {
        summary: 'Offentlig plan med offentliggjort status',
        params: z.object({ code: MunicipalityCode, slug: z.string().min(1).max(200) }),
        response: { 200: PublicPlan },
      },
    },
    async (req) => publicPlan(db, req.params.code, req.params.slug),
  );
};
