// Shared primitives of the HTTP contract (src/contract): zod schemas the routes use as request and response
// schemas and the web app uses as types (`import type` only, so zod stays out of the browser bundle).
// Field names are camelCase; no internal columns leave the server.
import { z } from 'zod';

/** A database id as the API shows it: a string of digits. */
export const Id = z.string();
/** A calendar date, yyyy-mm-dd. */
export const IsoDate = z.string();
/** A moment, ISO 8601 with time zone. */
export const Timestamp = z.string();
/** Answers that only confirm. */
export const Ok = z.object({ ok: z.literal(true) });
/** The error body every route answers with (src/server/errors.ts). */
export const ErrorBody = z.object({
  error: z.string(),
  code: z.string(),
  message: z.string(),
  parameter: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  details: z.unknown().optional(),
});

export type Ok = z.infer<typeof Ok>;
export type ErrorBody = z.infer<typeof ErrorBody>;
