// Who does what and when: the people an indicator can be given to, the responsible person of an indicator,
// and the plan's follow-up frequency with the next round's due date. Access is checked in the services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/index.ts';
import * as svc from '../../services/rounds.ts';

const id = z.object({ id: z.string().regex(/^\d{1,18}$/, 'skal være et tal') });
const FollowUpAnswer = z.object({
  followUp: z.enum(['kvartalsvis', 'halvårlig']).nullable(),
  lastRoundAsOf: z.string().nullable(),
  nextDue: z.string().nullable(),
});

export const roundRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;
  app.get(
    '/plans/:id/people',
    {
      schema: {
        summary: 'Kommunens brugere, der kan være ansvarlige for en indikator',
        params: id,
        response: { 200: z.object({ people: z.array(z.object({ id: z.string(), name: z.string() })) }) },
      },
    },
    async (req) => ({ people: await svc.peopleOfPlan(db, req.actor, req.params.id) }),
  );
  app.put(
    '/indicators/:id/responsible',
    {
      schema: {
        summary: 'Ansvarlig for indikatorens status',
        params: id,
        body: svc.ResponsibleInput,
        response: {
          200: z.object({ indicatorId: z.string(), responsibleUserId: z.string().nullable() }),
        },
      },
    },
    async (req) => svc.setResponsible(db, req.actor, req.params.id, req.body.userId),
  );
  app.get(
    '/plans/:id/follow-up',
    {
      schema: {
        summary: 'Opfølgning: hvor ofte og næste statusrunde',
        params: id,
        response: { 200: FollowUpAnswer },
      },
    },
    async (req) => svc.followUpOf(db, req.actor, req.params.id),
  );
  app.put(
    '/plans/:id/follow-up',
    {
      schema: {
        summary: 'Sæt planens opfølgning (kvartalsvis eller halvårlig)',
        params: id,
        body: svc.FollowUpInput,
        response: { 200: FollowUpAnswer },
      },
    },
    async (req) => {
      await svc.setFollowUp(db, req.actor, req.params.id, req.body.followUp);
      return svc.followUpOf(db, req.actor, req.params.id);
    },
  );
};
