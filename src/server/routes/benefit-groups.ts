// Benefit groups (the Fredericia Table 1 view) for any municipality and two periods, with the source of
// each row, and the AUK01 mapping of benefit types to groups.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BenefitGroupsQuery,
  BenefitGroupTable,
  BenefitMappingAnswer,
} from '../../contract/benefit-groups.ts';
import { auk01Mapping, benefitGroupTable } from '../../services/benefit-groups.ts';
import type { Services } from '../../services/index.ts';

export const benefitGroupRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const db = services.database.db;
  app.get(
    '/benefit-groups',
    {
      schema: {
        summary: 'Udvikling pr. ydelsesgruppe for en kommune, dens sammenligningsområde og hele landet',
        querystring: BenefitGroupsQuery,
        response: { 200: BenefitGroupTable },
      },
    },
    async (req) => benefitGroupTable(db, req.query),
  );
  app.get(
    '/benefit-groups/mapping',
    {
      schema: {
        summary: 'Hvilke ydelsestyper i Danmarks Statistiks AUK01 der lægges sammen til hver ydelsesgruppe',
        response: { 200: BenefitMappingAnswer },
      },
    },
    async () => ({ mapping: auk01Mapping() }),
  );
};
