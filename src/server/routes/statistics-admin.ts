// The administrator's "Statistik" page: sources, "Hent nu" with progress (polling), uploads with a dry-run
// preview, import history with revisions, and the Jobindsats key (status only; the key is never sent
// back). Also the measure catalogue anyone can read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Catalogue,
  ImportHistory,
  ImportHistoryQuery,
  ImportParams,
  JobAnswer,
  JobParams,
  KeyInput,
  KeyStatus,
  RevisionList,
  SourceList,
  SourceParams,
  UploadInput,
  UploadResult,
} from '../../contract/statistics-admin.ts';
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
        response: { 200: SourceList },
      },
    },
    async (req) => listSources(db, req.actor, settings),
  );

  app.post(
    '/admin/statistics/sources/:id/fetch',
    {
      schema: {
        summary: 'Hent en kilde nu (kører i baggrunden; følg den med /admin/statistics/jobs/:id)',
        params: SourceParams,
        response: { 202: JobAnswer },
      },
    },
    async (req, reply) => reply.code(202).send({ job: startFetch(db, req.actor, settings, req.params.id) }),
  );

  app.get(
    '/admin/statistics/jobs/:id',
    {
      schema: {
        summary: 'En hentnings fremdrift og resultat',
        params: JobParams,
        response: { 200: JobAnswer },
      },
    },
    async (req) => ({ job: fetchJob(req.actor, req.params.id) }),
  );

  app.get(
    '/admin/statistics/imports',
    {
      schema: {
        summary: 'Importhistorikken: hvem, hvornår, nye/reviderede/uændrede rækker',
        querystring: ImportHistoryQuery,
        response: { 200: ImportHistory },
      },
    },
    async (req) => ({ imports: await importHistory(db, req.actor, req.query) }),
  );

  app.get(
    '/admin/statistics/imports/:id/revisions',
    {
      schema: {
        summary: 'De værdier en import reviderede (før og efter)',
        params: ImportParams,
        response: { 200: RevisionList },
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
        body: KeyInput,
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
        body: UploadInput,
        response: { 200: UploadResult },
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
        response: { 200: Catalogue },
      },
    },
    async (req) => ({ measures: await measureCatalogue(db, req.actor) }),
  );
};
