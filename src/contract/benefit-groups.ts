// The HTTP contract of the benefit-group table (src/server/routes/benefit-groups.ts): development per benefit
// group for a municipality, its comparison area and the country, with each row's source; the AUK01 mapping.
import { z } from 'zod';
import { period } from './common.ts';
import { AreaDevelopment } from './statistics.ts';

export const BENEFIT_SOURCES = ['y30r21', 'ptv_a02'] as const;

export const BenefitGroupsQuery = z.object({
  area: z.string().min(1),
  from: period('from'),
  to: period('to'),
  source: z.enum(BENEFIT_SOURCES).default('y30r21'),
});

export const BenefitMapping = z.array(
  z.object({
    group: z.string(),
    name: z.string(),
    labels: z.array(z.object({ label: z.string(), verified: z.boolean() })),
  }),
);
export type BenefitMapping = z.infer<typeof BenefitMapping>;

export const BenefitGroupRow = z.object({
  key: z.string(),
  name: z.string(),
  isTotal: z.boolean(),
  measure: z.string(),
  imported: z.boolean(),
  origin: z.string().nullable(),
  originLabel: z.string().nullable(),
  attribution: z.string().nullable(),
  row: z
    .object({
      municipality: AreaDevelopment,
      comparison: AreaDevelopment.nullable(),
      country: AreaDevelopment,
    })
    .nullable(),
});
export type BenefitGroupRow = z.infer<typeof BenefitGroupRow>;

export const BenefitGroupTable = z.object({
  source: z.string(),
  periods: z.array(z.string()),
  mapping: BenefitMapping,
  rows: z.array(BenefitGroupRow),
});
export type BenefitGroupTable = z.infer<typeof BenefitGroupTable>;

export const BenefitMappingAnswer = z.object({ mapping: BenefitMapping });
export type BenefitMappingAnswer = z.infer<typeof BenefitMappingAnswer>;
