// The HTTP contract of the administrator's "Statistik" page (src/server/routes/statistics-admin.ts): sources,
// fetch jobs with progress, import history and revisions, the Jobindsats key (its status only), uploads with a
// dry-run preview, and the measure catalogue.
import { z } from 'zod';
import { Better, Id, Timestamp } from './common.ts';

// ---------------------------------------------------------------- requests

export const SourceParams = z.object({ id: z.string().min(1).max(100) });
export const JobParams = z.object({ id: z.string().uuid() });
export const ImportParams = z.object({ id: z.string().regex(/^\d{1,18}$/) });

export const ImportHistoryQuery = z.object({
  source: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const KeyInput = z.object({ key: z.string().trim().min(8).max(500).nullable() });

export const UPLOAD_KINDS = ['long-csv', 'statbank', 'jobindsats'] as const;

export const UploadInput = z.object({
  fileName: z.string().min(1).max(200),
  kind: z.enum(UPLOAD_KINDS),
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
});
export type UploadInput = z.input<typeof UploadInput>;

// ---------------------------------------------------------------- answers

export const Job = z.object({
  id: z.string(),
  source: z.string(),
  state: z.enum(['kører', 'færdig', 'fejlet']),
  steps: z.array(z.object({ at: Timestamp, text: z.string() })),
  written: z.number(),
  total: z.number(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  by: z.string(),
  result: z
    .object({
      importId: Id,
      total: z.number(),
      new: z.number(),
      revised: z.number(),
      unchanged: z.number(),
    })
    .nullable(),
  error: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
export const JobAnswer = z.object({ job: Job });
export type JobAnswer = z.infer<typeof JobAnswer>;

export const Source = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  needsKey: z.boolean(),
  available: z.boolean(),
  last: z
    .object({
      importId: Id,
      status: z.string(),
      at: Timestamp,
      by: z.string(),
      new: z.number(),
      revised: z.number(),
      unchanged: z.number(),
      error: z.string().nullable(),
    })
    .nullable(),
  running: Job.nullable(),
});
export type Source = z.infer<typeof Source>;

export const SourceList = z.object({
  nextRefreshAt: Timestamp.nullable(),
  refreshIntervalHours: z.number(),
  sources: z.array(Source),
});
export type SourceList = z.infer<typeof SourceList>;

export const ImportRecord = z.object({
  id: Id,
  source: z.string(),
  status: z.string(),
  by: z.string(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  total: z.number(),
  new: z.number(),
  revised: z.number(),
  unchanged: z.number(),
  error: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;
export const ImportHistory = z.object({ imports: z.array(ImportRecord) });
export type ImportHistory = z.infer<typeof ImportHistory>;

export const Revision = z.object({
  measure: z.string(),
  area: z.string(),
  period: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  version: z.number(),
});
export type Revision = z.infer<typeof Revision>;
export const RevisionList = z.object({ importId: Id, count: z.number(), revisions: z.array(Revision) });
export type RevisionList = z.infer<typeof RevisionList>;

/** Whether the Jobindsats key is set, and by whom; never the key itself. */
export const KeyStatus = z.object({
  configured: z.boolean(),
  origin: z.enum(['administrator', 'miljø']).nullable(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
  canStore: z.boolean(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

export const UploadResult = z.object({
  dryRun: z.boolean(),
  fileName: z.string(),
  kind: z.string(),
  importId: Id.nullable(),
  total: z.number(),
  new: z.number(),
  revised: z.number(),
  unchanged: z.number(),
  refused: z.array(z.object({ line: z.number(), reason: z.string() })),
  refusedCount: z.number(),
  revisedSample: z.array(Revision.omit({ version: true })),
  newMeasures: z.array(
    z.object({
      id: z.string(),
      suggestedUnit: z.string(),
      frequency: z.string(),
      unit: z.string().nullable(),
      better: Better.nullable(),
    }),
  ),
});
export type UploadResult = z.infer<typeof UploadResult>;

export const CatalogueMeasure = z.object({
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
  lastImport: z.object({ id: Id, at: Timestamp, source: z.string() }).nullable(),
  indicators: z.array(
    z.object({
      id: Id,
      title: z.string(),
      planId: Id,
      planTitle: z.string(),
      municipality: z.string(),
      role: z.enum(['tæller', 'nævner']),
    }),
  ),
});
export type CatalogueMeasure = z.infer<typeof CatalogueMeasure>;
export const Catalogue = z.object({ measures: z.array(CatalogueMeasure) });
export type Catalogue = z.infer<typeof Catalogue>;
