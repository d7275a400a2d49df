// Indicator kinds and their settings. Shared by the server (validation) and the web app (forms).
import { z } from 'zod';
import { isoDate } from './bounds.ts';

export const INDICATOR_KINDS = ['niveau', 'andel', 'placering', 'benchmark', 'optælling', 'milepæl'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  niveau: 'Niveau (en statistik for kommunen)',
  andel: 'Andel (to statistikker eller indtastet)',
  placering: 'Placering blandt de 98 kommuner',
  benchmark: 'Benchmark (under lands- eller områdegennemsnittet)',
  optælling: 'Optælling (tal indtastet mod et mål)',
  milepæl: 'Milepæl (kvalitativ handling)',
};

const direction = z.enum(['at-most', 'at-least']);

/** A target as the plan states it; the consistency check compares the parts that are given. */
const target = z.object({
  kind: z.enum(['absolute', 'relative', 'persons']),
  /** Target level for 'absolute'; also the stated level when a plan gives both. */
  value: z.number().optional(),
  /** Signed percentage change for 'relative' (−20 = fall of 20 %). */
  pct: z.number().optional(),
  pctDecimals: z.number().int().min(0).max(3).optional(),
  /** Signed change in persons for 'persons' (−107). */
  persons: z.number().optional(),
});

export const NiveauConfig = z.object({
  /** The statistic; without it the value is entered in each status round (figures the data set lacks). */
  measure: z.string().min(1).optional(),
  area: z.string().min(1),
  baselinePeriod: z.string().min(1),
  /** Entered baseline when the statistics lack it (with the seed or document as source). */
  baselineValue: z.number().optional(),
  target,
  direction,
  deadline: isoDate,
});

export const AndelConfig = z.object({
  mode: z.enum(['rate', 'manual']),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  area: z.string().optional(),
  baselineValue: z.number().optional(),
  baselineDate: isoDate.optional(),
  /** Not yet decided when absent (Lyngby-Taarbæk goal 8: "X pct."). */
  targetValue: z.number().optional(),
  direction,
  deadline: isoDate,
});

export const PlaceringConfig = z.object({
  /** The statistic ranked; without it the rank is entered in each status round. */
  measure: z.string().min(1).optional(),
  denominator: z.string().optional(),
  area: z.string().min(1),
  direction: z.enum(['lower', 'higher']),
  baselineRank: z.number().int().min(1).max(98).optional(),
  baselinePeriod: z.string().optional(),
  targetRank: z.number().int().min(1).max(98),
  deadline: isoDate,
});

export const BenchmarkConfig = z.object({
  measure: z.string().min(1),
  denominator: z.string().optional(),
  area: z.string().min(1),
  compareWith: z.enum(['land', 'sammenligningsområde']),
  direction: z.enum(['lower', 'higher']),
  deadline: isoDate,
});

export const OptaellingConfig = z.object({
  target: z.number().positive(),
  unit: z.string().min(1),
  startDate: isoDate,
  deadline: isoDate,
});

export const MilepaelConfig = z.object({
  deadline: isoDate.optional(),
});

export const CONFIG_SCHEMAS = {
  niveau: NiveauConfig,
  andel: AndelConfig,
  placering: PlaceringConfig,
  benchmark: BenchmarkConfig,
  optælling: OptaellingConfig,
  milepæl: MilepaelConfig,
} as const;

export type NiveauConfig = z.infer<typeof NiveauConfig>;
export type AndelConfig = z.infer<typeof AndelConfig>;
export type PlaceringConfig = z.infer<typeof PlaceringConfig>;
export type BenchmarkConfig = z.infer<typeof BenchmarkConfig>;
export type OptaellingConfig = z.infer<typeof OptaellingConfig>;
export type MilepaelConfig = z.infer<typeof MilepaelConfig>;

/** Validates an indicator's settings for its kind; returns Danish messages per field on failure. */
export function validateConfig(kind: IndicatorKind, config: unknown) {
  return CONFIG_SCHEMAS[kind].safeParse(config);
}
