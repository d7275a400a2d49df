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
import {
  developmentAnswer,
  measureList,
  rankAnswer,
  recentImports,
  series,
} from '../../services/statistics-api.ts';

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
    async () => measureList(db),
  );

  app.get(
    '/imports',
    {
      schema: {
        summary: 'De seneste hentninger og importer (kilde, tidspunkt, rækker)',
        response: { 200: ImportList },
      },
    },
    async () => recentImports(db),
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
    async (req) => series(db, req.query),
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
    async (req) => developmentAnswer(db, req.query),
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
      return rankAnswer(db, { ...rest, ...(direction ? { direction } : {}) });
    },
  );
};
