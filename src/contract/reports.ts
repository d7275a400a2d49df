// The HTTP contract of the report downloads (src/server/routes/reports.ts): files, not JSON. Each answer is
// described with its content types, so the OpenAPI document names them.
import { z } from 'zod';
import { dbId } from '../domain/bounds.ts';
import { BENEFIT_SOURCES } from './benefit-groups.ts';
import { fileAnswer, period } from './common.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The content type of each format (src/reports/index.ts sends the same). */
export const REPORT_CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<ReportFormat, string>;

const format = z.enum(REPORT_FORMATS);

export const RoundReportParams = z.object({ id: dbId, format });
export const CaseDraftParams = z.object({ id: dbId });
export const BenefitReportParams = z.object({ format });
export const BenefitReportQuery = z.object({
  area: z.string(),
  from: period('from'),
  to: period('to'),
  source: z.enum(BENEFIT_SOURCES).default('y30r21'),
});

export const ReportFile = fileAnswer(
  'Rapporten som fil i det valgte format',
  Object.values(REPORT_CONTENT_TYPES),
);
export const CaseDraftFile = fileAnswer('Udkast til sagsfremstilling (Word)', [REPORT_CONTENT_TYPES.docx]);
