// GET /api/v1/areas: the catalogue of areas with each municipality's region and comparison area.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Area, AreaList, AreasQuery } from '../../contract/areas.ts';
import { AREAS, comparisonArea, comparisonMembership } from '../../data/areas.ts';
import { currentYearInCopenhagen } from '../../domain/dates.ts';

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/areas',
    {
      schema: {
        summary: 'Områder: hele landet, regioner, RAR-områder og de 98 kommuner',
        querystring: AreasQuery,
        response: { 200: AreaList },
      },
    },
    async (req) => {
      const year = req.query.year ?? currentYearInCopenhagen();
      const areas = AREAS.filter((a) => !req.query.kind || a.kind === req.query.kind).map((a): Area => {
        if (a.kind !== 'kommune') return { id: a.id, kind: a.kind, name: a.name };
        return {
          id: a.id,
          kind: a.kind,
          name: a.name,
          region: a.region,
          comparisonArea: comparisonArea(a.id, year)?.id,
          comparisonAreaVerified: comparisonMembership(a.id, year)?.verified,
        };
      });
      return { year, areas };
    },
  );
};
