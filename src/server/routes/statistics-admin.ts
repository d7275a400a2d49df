// The administrator's "Statistik" page: sources, "Hent nu" with progress (polling), uploads with a dry-run
// preview, import history with revisions, and the Jobindsats key (status only; the key is never sent
// back). Also the measure catalogue anyone can read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/index.ts';
import { measureCatalogue } from '../../services/measure-catalogue.ts';
import {
  fetchJob,
  importHistory,
  importRevisions,
  jobindsatsKeyStatus,
  listSources,
  type SourceSettings,
  setJobindsatsKey,
  startFetch,
  upload,
} from '../../services/statistics-admin.ts';

const Job = z.object({
  id: z.string(),
  source: z.string(),
  state: z.enum(['kører', 'færdig', 'fejlet']),
  steps: z.array(z.object({ at: z.string(), text: z.string() })),
  written: z.number(),
  total: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  by: z.string(),
  result: z
    .object({
      importId: z.string(),
      total: z.number(),
      new: z.number(),
      revised: z.number(),
      unchanged: z.number(),
    })
    .nullable(),
  error: z.string().nullable(),
});

const KeyStatus = z.object({
  configured: z.boolean(),
  origin: z.enum(['administrator', 'miljø']).nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  canStore: z.boolean(),
});

const Better = z.enum(['lower', 'higher']);

export const statisticsAdminRoutes: FastifyPluginAsyncZod<{
  services: Services;
  settings: SourceSettings;
}> = async (app, { services, settings }) => {
  const db = services.database.db;

  app.get(
    '/admin/statistics/sources',
    {
      schema: {
        summary: 'Statistikkilderne med seneste hentning og næste planlagte opdatering',
        response: {
          200: z.object({
            nextRefreshAt: z.string().nullable(),
            refreshIntervalHours: z.number(),
            sources: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                description: z.string(),
                needsKey: z.boolean(),
                available: z.boolean(),
                last: z
                  .object({
                    importId: z.string(),
                    status: z.string(),
                    at: z.string(),
                    by: z.string(),
                    new: z.number(),
                    revised: z.number(),
                    unchanged: z.number(),
                    error: z.string().nullable(),
                  })
                  .nullable(),
                running: Job.nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listSources(db, req.actor, settings),
  );

  app.post(
    '/admin/statistics/sources/:id/fetch',
    {
      schema: {
        summary: 'Hent en kilde nu (kører i baggrunden; følg den med /admin/statistics/jobs/:id)',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 202: z.object({ job: Job }) },
      },
    },
    async (req, reply) => reply.code(202).send({ job: startFetch(db, req.actor, settings, req.params.id) }),
  );

  app.get(
    '/admin/statistics/jobs/:id',
    {
      schema: {
        summary: 'En hentnings fremdrift og resultat',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: z.object({ job: Job }) },
      },
    },
    async (req) => ({ job: fetchJob(req.actor, req.params.id) }),
  );

  app.get(
    '/admin/statistics/imports',
    {
      schema: {
        summary: 'Importhistorikken: hvem, hvornår, nye/reviderede/uændrede rækker',
        querystring: z.object({
          source: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            imports: z.array(
              z.object({
                id: z.string(),
                source: z.string(),
                status: z.string(),
                by: z.string(),
                startedAt: z.string(),
                finishedAt: z.string().nullable(),
                total: z.number(),
                new: z.number(),
                revised: z.number(),
                unchanged: z.number(),
                error: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ imports: await importHistory(db, req.actor, req.query) }),
  );

  app.get(
    '/admin/statistics/imports/:id/revisions',
    {
      schema: {
        summary: 'De værdier en import reviderede (før og efter)',
        params: z.object({ id: z.string().regex(/^\d{1,18}$/) }),
        response: {
          200: z.object({
            importId: z.string(),
            count: z.number(),
            revisions: z.array(
              z.object({
                measure: z.string(),
                area: z.string(),
                period: z.string(),
                before: z.number().nullable(),
                after: z.number().nullable(),
                version: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => importRevisions(db, req.actor, req.params.id),
  );

  app.get(
    '/admin/statistics/jobindsats-key',
    {
      schema: {
        summary: 'Om Jobindsats-nøglen er sat, og af hvem (aldrig selve nøglen)',
        response: { 200: KeyStatus },
      },
    },
    async (req) => jobindsatsKeyStatus(db, req.actor, settings),
  );

  app.put(
    '/admin/statistics/jobindsats-key',
    {
      schema: {
        summary: 'Sæt eller slet Jobindsats-nøglen (gemmes krypteret)',
        body: z.object({ key: z.string().trim().min(8).max(500).nullable() }),
        response: { 200: KeyStatus },
      },
    },
    async (req) => setJobindsatsKey(db, req.actor, settings, req.body.key),
  );

  app.post(
    '/admin/statistics/upload',
    {
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        summary: 'Upload en fil: prøvekørsel (confirm=false) viser hvad der ændres; confirm=true skriver',
        body: z.object({
          fileName: z.string().min(1).max(200),
          kind: z.enum(['long-csv', 'statbank', 'jobindsats']),
          contentBase64: z.string().min(1),
          measure: z.string().max(200).optional(),
          table: z.string().max(50).optional(),
          filter: z.record(z.string(), z.string()).optional(),
          newMeasures: z
            .array(
              z.object({
                id: z.string().min(1).max(200),
                name: z.string().max(300).optional(),
                unit: z.string().min(1).max(50),
                better: Better,
              }),
            )
            .max(200)
            .optional(),
          confirm: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            dryRun: z.boolean(),
            fileName: z.string(),
            kind: z.string(),
            importId: z.string().nullable(),
            total: z.number(),
            new: z.number(),
            revised: z.number(),
            unchanged: z.number(),
            refused: z.array(z.object({ line: z.number(), reason: z.string() })),
            refusedCount: z.number(),
            revisedSample: z.array(
              z.object({
                measure: z.string(),
                area: z.string(),
                period: z.string(),
                before: z.number().nullable(),
                after: z.number().nullable(),
              }),
            ),
            newMeasures: z.array(
              z.object({
                id: z.string(),
                suggestedUnit: z.string(),
                frequency: z.string(),
                unit: z.string().nullable(),
                better: Better.nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const { contentBase64, ...rest } = req.body;
      return upload(db, req.actor, { ...rest, content: Buffer.from(contentBase64, 'base64') });
    },
  );

  app.get(
    '/measures/catalogue',
    {
      schema: {
        summary:
          'Målkataloget: kilde, enhed, retning, perioder, seneste import og indikatorer der bruger målet',
        response: {
          200: z.object({
            measures: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                unit: z.string(),
                source: z.string(),
                sourceTable: z.string().nullable(),
                frequency: z.string(),
                attribution: z.string(),
                description: z.string().nullable(),
                better: Better.nullable(),
                periods: z
                  .object({ count: z.number(), first: z.string().nullable(), last: z.string().nullable() })
                  .nullable(),
                lastImport: z.object({ id: z.string(), at: z.string(), source: z.string() }).nullable(),
                indicators: z.array(
                  z.object({
                    id: z.string(),
                    title: z.string(),
                    planId: z.string(),
                    planTitle: z.string(),
                    municipality: z.string(),
                    role: z.enum(['tæller', 'nævner']),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ measures: await measureCatalogue(db, req.actor) }),
  );
};
