// GET /api/v1/areas: the catalogue of areas with each municipality's region and comparison area.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AREAS, comparisonArea, comparisonMembership } from '../../data/areas.ts';

const AreaSchema = z.object({
  id: z.string(),
  kind: z.enum(['land', 'region', 'rar', 'kommune']),
  name: z.string(),
  region: z.string().optional(),
  comparisonArea: z.string().optional(),
  comparisonAreaVerified: z.boolean().optional(),
});

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/areas',
    {
      schema: {
        summary: 'Områder: hele landet, regioner, RAR-områder og de 98 kommuner',
        querystring: z.object({
          kind: z.enum(['land', 'region', 'rar', 'kommune']).optional(),
          year: z.coerce.number().int().min(2015).max(2100).optional(),
        }),
        response: { 200: z.object({ year: z.number(), areas: z.array(AreaSchema) }) },
      },
    },
    async (req) => {
      const year = req.query.year ?? new Date().getFullYear();
      const areas = AREAS.filter((a) => !req.query.kind || a.kind === req.query.kind).map((a) => {
        if (a.kind !== 'kommune') return { id: a.id, kind: a.kind, name: a.name };
        return {
          ...a,
          comparisonArea: comparisonArea(a.id, year)?.id,
          comparisonAreaVerified: comparisonMembership(a.id, year)?.verified,
        };
      });
      return { year, areas };
    },
  );
};
