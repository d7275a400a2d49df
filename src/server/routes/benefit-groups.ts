// Benefit groups (the Fredericia Table 1 view) for any municipality and two periods, with the source of
// each row, and the AUK01 mapping of benefit types to groups.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auk01Mapping, benefitGroupTable } from '../../services/benefit-groups.ts';
import type { Services } from '../../services/index.ts';
import { DevelopmentSchema, period } from './statistics.ts';

const MappingSchema = z.array(
  z.object({
    group: z.string(),
    name: z.string(),
    labels: z.array(z.object({ label: z.string(), verified: z.boolean() })),
  }),
);

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
        querystring: z.object({
          area: z.string().min(1),
          from: period('from'),
          to: period('to'),
          source: z.enum(['y30r21', 'ptv_a02']).default('y30r21'),
        }),
        response: {
          200: z.object({
            source: z.string(),
            periods: z.array(z.string()),
            mapping: MappingSchema,
            rows: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                isTotal: z.boolean(),
                measure: z.string(),
                imported: z.boolean(),
                origin: z.string().nullable(),
                originLabel: z.string().nullable(),
                attribution: z.string().nullable(),
                row: z
                  .object({
                    municipality: DevelopmentSchema,
                    comparison: DevelopmentSchema.nullable(),
                    country: DevelopmentSchema,
                  })
                  .nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => benefitGroupTable(db, req.query),
  );
  app.get(
    '/benefit-groups/mapping',
    {
      schema: {
        summary: 'Hvilke ydelsestyper i Danmarks Statistiks AUK01 der lægges sammen til hver ydelsesgruppe',
        response: { 200: z.object({ mapping: MappingSchema }) },
      },
    },
    async () => ({ mapping: auk01Mapping() }),
  );
};
