// Public statistics API: measures, observations, development (Table 1 row) and rank with what it takes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Development as DevelopmentAnswer,
  DevelopmentQuery,
  ImportList,
  MeasureList,
  ObservationsQuery,
  Rank as RankAnswer,
  RankQuery,
  Series,
} from '../../contract/statistics.ts';
import type { Services } from '../../services/index.ts';
import { listImports, listMeasures } from '../../services/lookups.ts';
import { developmentRow, observations, rank } from '../../services/statistics.ts';

export const statisticsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;

  app.get(
    '/measures',
    {
      schema: {
        summary: 'Målene (statistikker) i Måltavle',
        response: { 200: MeasureList },
      },
    },
    async () => ({ measures: await listMeasures(db) }),
  );

  app.get(
    '/imports',
    {
      schema: {
        summary: 'De seneste hentninger og importer (kilde, tidspunkt, rækker)',
        response: { 200: ImportList },
      },
    },
    async () => ({
      imports: (await listImports(db)).map((i) => ({
        id: String(i.id),
        source: i.source,
        status: i.status,
        startedAt: new Date(i.started_at).toISOString(),
        rowsTotal: i.rows_total,
        rowsNew: i.rows_new,
        rowsRevised: i.rows_revised,
        rowsUnchanged: i.rows_unchanged,
        error: i.error,
      })),
    }),
  );

  app.get(
    '/observations',
    {
      schema: {
        summary: 'En serie: værdier med periode, kilde og importdato',
        querystring: ObservationsQuery,
        response: { 200: Series },
      },
    },
    async (req) => {
      const r = await observations(db, req.query);
      return {
        measure: r.measure.id,
        area: r.area.id,
        unit: r.measure.unit,
        attribution: r.measure.attribution,
        observations: r.points.map((p) => ({ ...p, importedAt: new Date(p.importedAt).toISOString() })),
      };
    },
  );

  app.get(
    '/development',
    {
      schema: {
        summary: 'Udvikling mellem to perioder for kommunen, dens sammenligningsområde og hele landet',
        querystring: DevelopmentQuery,
        response: { 200: DevelopmentAnswer },
      },
    },
    async (req) => {
      const r = await developmentRow(db, req.query);
      return { ...r, measure: r.measure.id, attribution: r.measure.attribution };
    },
  );

  app.get(
    '/rank',
    {
      schema: {
        summary: 'Placering blandt de 98 kommuner og hvad der skal til',
        querystring: RankQuery,
        response: { 200: RankAnswer },
      },
    },
    async (req) => {
      const { direction, ...rest } = req.query;
      const r = await rank(db, { ...rest, ...(direction ? { direction } : {}) });
      return { ...r, measure: r.measure.id, denominator: r.denominator?.id ?? null };
    },
  );
};
