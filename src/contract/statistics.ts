// The HTTP contract of the public statistics API (src/server/routes/statistics.ts): measures, imports,
// observations, development between two periods (a Table 1 row) and rank with what it takes.
import { z } from 'zod';
import { Basis, Better, Id, period, Timestamp } from './common.ts';

// ---------------------------------------------------------------- requests

export const ObservationsQuery = z.object({
  measure: z.string().min(1),
  area: z.string().min(1),
  from: period('from').optional(),
  to: period('to').optional(),
});

export const DevelopmentQuery = z.object({
  measure: z.string().min(1),
  area: z.string().min(1),
  from: period('from'),
  to: period('to'),
});

export const RankQuery = z.object({
  measure: z.string().min(1),
  period: period('period'),
  area: z.string().min(1),
  denominator: z.string().min(1).optional(),
  denominatorPeriod: period('denominatorPeriod').optional(),
  direction: Better.optional(),
  targetRank: z.coerce.number().int().min(1).max(98).optional(),
});

// ---------------------------------------------------------------- answers

export const Measure = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.string(),
  sourceTable: z.string().nullable(),
  dimensions: z.record(z.string(), z.string()),
  frequency: z.string(),
  attribution: z.string(),
  description: z.string().nullable(),
  better: Better,
  betterInferred: z.boolean().optional(),
});
export type Measure = z.infer<typeof Measure>;

export const MeasureList = z.object({ measures: z.array(Measure) });
export type MeasureList = z.infer<typeof MeasureList>;

export const ImportSummary = z.object({
  id: Id,
  source: z.string(),
  status: z.string(),
  startedAt: Timestamp,
  rowsTotal: z.number(),
  rowsNew: z.number(),
  rowsRevised: z.number(),
  rowsUnchanged: z.number(),
  error: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
export const ImportList = z.object({ imports: z.array(ImportSummary) });
export type ImportList = z.infer<typeof ImportList>;

export const Observation = z.object({
  period: z.string(),
  value: z.number().nullable(),
  missing: z.string().nullable(),
  version: z.number(),
  importId: Id,
  importedAt: Timestamp,
  source: z.string(),
});
export type Observation = z.infer<typeof Observation>;

export const Series = z.object({
  measure: z.string(),
  area: z.string(),
  unit: z.string(),
  attribution: z.string(),
  observations: z.array(Observation),
});
export type Series = z.infer<typeof Series>;

/** The development of one area (the municipality, its comparison area or the country) between two periods. */
export const AreaDevelopment = z.object({
  area: z.string(),
  name: z.string(),
  basis: z.string(),
  formula: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  change: z.number().nullable(),
  pct: z.number().nullable(),
});
export type AreaDevelopment = z.infer<typeof AreaDevelopment>;

export const Development = z.object({
  measure: z.string(),
  from: z.string(),
  to: z.string(),
  attribution: z.string(),
  unit: z.string(),
  changeUnit: z.string(),
  municipality: AreaDevelopment,
  comparison: AreaDevelopment.nullable(),
  country: AreaDevelopment,
});
export type Development = z.infer<typeof Development>;

export const Rank = z.object({
  area: z.string(),
  period: z.string(),
  measure: z.string(),
  denominator: z.string().nullable(),
  direction: Better,
  unit: z.string(),
  changeUnit: z.string(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
  of: z.number(),
  ties: z.number(),
  missing: z.array(z.string()),
  ranking: z.array(z.object({ area: z.string(), name: z.string(), value: z.number(), rank: z.number() })),
  nationalRate: z.number().nullable(),
  nationalBasis: z.string(),
  toTargetRank: z.number().optional(),
  toTargetRankText: z.string().nullable(),
  rankAfter: z.number().nullable(),
  toNationalAverage: z.number().nullable(),
  toNationalAverageText: z.string().nullable(),
  basis: z.array(Basis),
});
export type Rank = z.infer<typeof Rank>;

export { Basis };
