// The HTTP contract of the area catalogue (src/server/routes/areas.ts).
import { z } from 'zod';

export const AREA_KINDS = ['land', 'region', 'rar', 'kommune'] as const;

export const AreasQuery = z.object({
  kind: z.enum(AREA_KINDS).optional(),
  year: z.coerce.number().int().min(2015).max(2100).optional(),
});

export const Area = z.object({
  id: z.string(),
  kind: z.enum(AREA_KINDS),
  name: z.string(),
  region: z.string().optional(),
  comparisonArea: z.string().optional(),
  comparisonAreaVerified: z.boolean().optional(),
});
export type Area = z.infer<typeof Area>;

export const AreaList = z.object({ year: z.number(), areas: z.array(Area) });
export type AreaList = z.infer<typeof AreaList>;
