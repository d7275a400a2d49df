// The HTTP contract shared by the server (request and response schemas) and the web app (types).
// One file per route group: plans.ts, rounds.ts, statistics.ts, auth.ts, … each exporting zod schemas and
// the `z.infer` types beside them. The web app imports types only: `import type { X } from '@contract/…'`.
export * from './common.ts';
