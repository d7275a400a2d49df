// The public page's data: an adopted plan and its published status rounds, without login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MunicipalityCode } from '../../contract/common.ts';
import { notFound } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import { planBySlug } from '../../services/lookups.ts';
import { readPlan } from '../../services/plans.ts';
import { publishedRoundView } from '../../services/visibility.ts';

export const publicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;
  app.get(
    '/public/:code/:slug',
    {
      schema: {
        summary: 'Offentlig plan med offentliggjort status',
        params: z.object({ code: MunicipalityCode, slug: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      const plan = await planBySlug(db, req.params.code, req.params.slug);
      if (!plan || plan.status === 'udkast') throw notFound('Planen');
      const anon = { user: null };
      const full = await readPlan(db, anon, String(plan.id));
      const published = full.rounds.filter((r) => r.status === 'offentliggjort');
      const latest = published.at(-1);
      // The latest round as it was published: its goals and texts, whatever was edited or deleted since.
      const latestRound = latest ? await publishedRoundView(db, String(latest.id)) : null;
      return {
        plan: full.plan,
        focus: full.focus,
        goals: latestRound?.goals ?? full.goals,
        rounds: published,
        member: false,
        canEdit: false,
        latestRound,
      };
    },
  );
};
