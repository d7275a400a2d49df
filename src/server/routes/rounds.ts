// Who does what and when: the people an indicator can be given to, the responsible person of an indicator,
// and the plan's follow-up frequency with the next round's due date. Access is checked in the services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common.ts';
import { FollowUp, FollowUpInput, People, Responsible, ResponsibleInput } from '../../contract/rounds.ts';
import type { Services } from '../../services/index.ts';
import * as svc from '../../services/rounds.ts';

const id = IdParams;

export const roundRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;
  app.get(
    '/plans/:id/people',
    {
      schema: {
        summary: 'Kommunens brugere, der kan være ansvarlige for en indikator',
        params: id,
        response: { 200: People },
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
        body: ResponsibleInput,
        response: { 200: Responsible },
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
        response: { 200: FollowUp },
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
        body: FollowUpInput,
        response: { 200: FollowUp },
      },
    },
    async (req) => {
      await svc.setFollowUp(db, req.actor, req.params.id, req.body.followUp);
      return svc.followUpOf(db, req.actor, req.params.id);
    },
  );
};
