// Shared primitives of the HTTP contract (src/contract): zod schemas the routes use as request and response
// schemas and the web app uses as types (`import type` only, so zod stays out of the browser bundle).
// Field names are camelCase; no internal columns leave the server.
import { z } from 'zod';
import { tryParsePeriod } from '../domain/periods.ts';

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

/** A path parameter that is a database id (digits only). */
export const IdParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'skal være et tal') });

/** Whether a lower or a higher value is better. */
export const Better = z.enum(['lower', 'higher']);
export type Better = z.infer<typeof Better>;

/** A period parameter: any code or Danish text Måltavle reads, refused in Danish when it does not parse. */
export const period = (name: string) =>
  z.string().transform((s, ctx) => {
    const p = tryParsePeriod(s);
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s}" er ikke en periode (fx 2021M01, 2018K2, 2021QMAT02) — ${name}`,
      });
      return z.NEVER;
    }
    return p;
  });

/**
 * A file answer (Word, PDF, Excel, HTML, CSV): described in the OpenAPI document by its content types with a
 * binary body, so the contract walk (test/server/openapi-contract.test.ts) sees it as a file, not a gap.
 * The route sends a Buffer; Fastify does not serialise buffers, so the schema only documents.
 */
export const fileAnswer = (description: string, contentTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(
    contentTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary', description }) }]),
  ),
});

/**
 * A redirect answer (302) with its Location header: documented so the walk sees it as intended (the single
 * sign-on routes answer only with redirects).
 */
export const redirectAnswer = (description: string) => ({
  description,
  content: { 'text/plain': { schema: z.string().meta({ description: `${description} (Location-header)` }) } },
});

/** A municipality's three-digit code as a path or query parameter. */
export const MunicipalityCode = z.string().regex(/^\d{3}$/, 'skal være en kommunekode med tre cifre');

/** One basis line of a computed figure: which figure, periods, areas, formula and source. */
export const Basis = z.object({
  figure: z.string(),
  periods: z.array(z.string()),
  areas: z.array(z.string()),
  formula: z.string(),
  source: z.string(),
});
export type Basis = z.infer<typeof Basis>;
