// Report downloads: the status report of a round, the committee case draft of a plan, the benefit-group table.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BenefitReportParams,
  BenefitReportQuery,
  CaseDraftFile,
  CaseDraftParams,
  ReportFile,
  RoundReportParams,
} from '../../contract/reports.ts';
import { buildBenefitReport } from '../../reports/benefit-report.ts';
import { buildCaseDraft } from '../../reports/case-draft.ts';
import { FORMATS, type Format, fileName, render } from '../../reports/index.ts';
import { pdfPool } from '../../reports/render-pdf.ts';
import { buildStatusReport } from '../../reports/status-report.ts';
import type { Services } from '../../services/index.ts';
import { type CachedFile, publishedReportKey, ReportCache } from '../../services/report-cache.ts';

export const reportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;
  app.addHook('onClose', () => pdfPool.close());
  const cache = new ReportCache();
  const sendFile = (reply: import('fastify').FastifyReply, f: Format, { bytes, name }: CachedFile) => {
    reply.header('content-type', FORMATS[f]);
    if (f !== 'html')
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(fileName(name, f))}`,
      );
    return reply.send(bytes);
  };
  const send = async (
    reply: import('fastify').FastifyReply,
    report: Awaited<ReturnType<typeof buildStatusReport>>,
    f: Format,
    name: string,
  ) => sendFile(reply, f, { bytes: await render(report, f), name });
  app.get(
    '/rounds/:id/report.:format',
    {
      schema: {
        summary: 'Statusrapport (Word, PDF, HTML, Excel)',
        params: RoundReportParams,
        response: { 200: ReportFile },
      },
    },
    async (req, reply) => {
      const { id, format: f } = req.params;
      const produce = async (): Promise<CachedFile> => {
        const r = await buildStatusReport(db, req.actor, id);
        return { bytes: await render(r, f), name: `${r.title} - ${r.subtitle}` };
      };
      // Anonymous readers of a published round share one cached file per format.
      const key = req.actor.user ? undefined : await publishedReportKey(db, id, f);
      return sendFile(reply, f, key ? await cache.get(key, produce) : await produce());
    },
  );
  app.get(
    '/plans/:id/case.docx',
    {
      schema: {
        summary: 'Udkast til sagsfremstilling om resultatniveauer (Word)',
        params: CaseDraftParams,
        response: { 200: CaseDraftFile },
      },
    },
    async (req, reply) => {
      const r = await buildCaseDraft(db, req.actor, req.params.id);
      return send(reply, r, 'docx', r.title);
    },
  );
  app.get(
    '/benefit-groups/report.:format',
    {
      schema: {
        summary: 'Ydelsesgruppetabel (tabel 1) som rapport',
        params: BenefitReportParams,
        querystring: BenefitReportQuery,
        response: { 200: ReportFile },
      },
    },
    async (req, reply) => {
      const { area, from, to, source } = req.query;
      const r = await buildBenefitReport(db, { area, from, to, source });
      return send(reply, r, req.params.format, r.title);
    },
  );
};
