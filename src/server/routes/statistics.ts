// Public statistics API: measures, observations, development (Table 1 row) and rank with what it takes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tryParsePeriod } from '../../domain/periods.ts';
import type { Services } from '../../services/index.ts';
import { listImports, listMeasures } from '../../services/lookups.ts';
import { developmentRow, observations, rank } from '../../services/statistics.ts';

/** A period parameter: any code or Danish text Måltavle reads, refused in Danish when it does not parse. */
export const period = (name: string) =>
  z.string().transform((s, ctx) => {
    const p = tryParsePeriod(s);
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s}" er ikke en periode (fx 2021M01, 2018K2, 2021QMAT02) — ${name}`,
      });
      return z.NEVER;
    }
    return p;
  });

const MeasureSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.string(),
  sourceTable: z.string().nullable(),
  dimensions: z.record(z.string(), z.string()),
  frequency: z.string(),
  attribution: z.string(),
  description: z.string().nullable(),
  better: z.enum(['lower', 'higher']),
  betterInferred: z.boolean().optional(),
});

const BasisSchema = z.object({
  figure: z.string(),
  periods: z.array(z.string()),
  areas: z.array(z.string()),
  formula: z.string(),
  source: z.string(),
});

export const DevelopmentSchema = z.object({
  area: z.string(),
  name: z.string(),
  basis: z.string(),
  formula: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  change: z.number().nullable(),
  pct: z.number().nullable(),
});

export const statisticsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;

  app.get(
    '/measures',
    {
      schema: {
        summary: 'Målene (statistikker) i Måltavle',
        response: { 200: z.object({ measures: z.array(MeasureSchema) }) },
      },
    },
    async () => ({ measures: await listMeasures(db) }),
  );

  app.get(
    '/imports',
    {
      schema: {
        summary: 'De seneste hentninger og importer (kilde, tidspunkt, rækker)',
        response: {
          200: z.object({
            imports: z.array(
              z.object({
                id: z.string(),
                source: z.string(),
                status: z.string(),
                startedAt: z.string(),
                rowsTotal: z.number(),
                rowsNew: z.number(),
                rowsRevised: z.number(),
                rowsUnchanged: z.number(),
                error: z.string().nullable(),
              }),
            ),
          }),
        },
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
        querystring: z.object({
          measure: z.string().min(1),
          area: z.string().min(1),
          from: period('from').optional(),
          to: period('to').optional(),
        }),
        response: {
          200: z.object({
            measure: z.string(),
            area: z.string(),
            unit: z.string(),
            attribution: z.string(),
            observations: z.array(
              z.object({
                period: z.string(),
                value: z.number().nullable(),
                missing: z.string().nullable(),
                version: z.number(),
                importId: z.string(),
                importedAt: z.string(),
                source: z.string(),
              }),
            ),
          }),
        },
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
        querystring: z.object({
          measure: z.string().min(1),
          area: z.string().min(1),
          from: period('from'),
          to: period('to'),
        }),
        response: {
          200: z.object({
            measure: z.string(),
            from: z.string(),
            to: z.string(),
            attribution: z.string(),
            unit: z.string(),
            changeUnit: z.string(),
            municipality: DevelopmentSchema,
            comparison: DevelopmentSchema.nullable(),
            country: DevelopmentSchema,
          }),
        },
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
        querystring: z.object({
          measure: z.string().min(1),
          period: period('period'),
          area: z.string().min(1),
          denominator: z.string().min(1).optional(),
          denominatorPeriod: period('denominatorPeriod').optional(),
          direction: z.enum(['lower', 'higher']).optional(),
          targetRank: z.coerce.number().int().min(1).max(98).optional(),
        }),
        response: {
          200: z.object({
            area: z.string(),
            period: z.string(),
            measure: z.string(),
            denominator: z.string().nullable(),
            direction: z.enum(['lower', 'higher']),
            unit: z.string(),
            changeUnit: z.string(),
            value: z.number().nullable(),
            rank: z.number().nullable(),
            of: z.number(),
            ties: z.number(),
            missing: z.array(z.string()),
            ranking: z.array(
              z.object({ area: z.string(), name: z.string(), value: z.number(), rank: z.number() }),
            ),
            nationalRate: z.number().nullable(),
            nationalBasis: z.string(),
            toTargetRank: z.number().optional(),
            toTargetRankText: z.string().nullable(),
            rankAfter: z.number().nullable(),
            toNationalAverage: z.number().nullable(),
            toNationalAverageText: z.string().nullable(),
            basis: z.array(BasisSchema),
          }),
        },
      },
    },
    async (req) => {
      const { direction, ...rest } = req.query;
      const r = await rank(db, { ...rest, ...(direction ? { direction } : {}) });
      return { ...r, measure: r.measure.id, denominator: r.denominator?.id ?? null };
    },
  );
};
