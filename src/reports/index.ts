// Renders a report in the format asked for.
import { REPORT_CONTENT_TYPES } from '../contract/reports.ts';
import type { Report } from './model.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';

/** The content type of each format: the HTTP contract's (src/contract/reports.ts). */
export const FORMATS = REPORT_CONTENT_TYPES;
export type Format = keyof typeof FORMATS;

export async function render(report: Report, format: Format): Promise<Buffer> {
  switch (format) {
    // Word and Excel libraries are loaded on the first such report, not when the server starts (memory).
    case 'docx':
      return (await import('./render-docx.ts')).renderDocx(report);
    case 'html':
      return Buffer.from(renderHtml(report), 'utf8');
    case 'pdf':
      return renderPdf(renderHtml(report));
    case 'xlsx':
      return (await import('./render-xlsx.ts')).renderXlsx(report);
  }
}

/** A file name without characters that trouble file systems: "Status april 2021.docx". */
export function fileName(title: string, format: Format): string {
  return `${title
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}.${format}`;
}
