// The HTTP contract of the health check (src/server/routes/health.ts).
import { z } from 'zod';

export const Healthy = z.object({ status: z.literal('ok'), database: z.enum(['ok', 'none']) });
export type Healthy = z.infer<typeof Healthy>;
export const Unhealthy = z.object({
  status: z.literal('fejl'),
  database: z.literal('nede'),
  message: z.string(),
});
export type Unhealthy = z.infer<typeof Unhealthy>;
