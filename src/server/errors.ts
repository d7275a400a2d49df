// The one place where errors become HTTP answers: AppError as it is, request validation as a Danish 400
// with one message per field, framework errors (bad JSON, too large, wrong media type, bad URL) in
// Danish, a lost database as 503 with Retry-After, import errors as 400, anything else as a 500
// without details.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ImportError } from '../importers/errors.ts';
import { ChromiumMissingError } from '../reports/render-pdf.ts';
import { AppError, databaseUnavailable, type FieldError, isDatabaseUnavailable } from '../services/errors.ts';

/** The Danish heading of an answer by status (`error` in the JSON body). */
export function statusTitle(status: number): string {
  if (status === 400) return 'Ugyldig forespørgsel';
  if (status === 401) return 'Ikke logget ind';
  if (status === 403) return 'Ingen adgang';
  if (status === 404) return 'Ikke fundet';
  if (status === 409) return 'Konflikt';
  if (status === 413) return 'For stor forespørgsel';
  if (status === 415) return 'Forkert indholdstype';
  if (status === 429) return 'For mange forsøg';
  if (status === 503) return 'Midlertidigt utilgængelig';
  if (status >= 500) return 'Serverfejl';
  return 'Fejl';
}

/** Fastify's own errors, by code, in Danish (status kept). */
const FRAMEWORK: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: 'Indholdet er ikke gyldig JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    message: 'Indholdet er tomt, men indholdstypen siger JSON. Send et JSON-objekt.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, message: 'Forespørgslen er for stor.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    message: 'Indholdstypen understøttes ikke. Send JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    message: 'Content-Length passer ikke med indholdets længde.',
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, message: 'Indholdstypen er ugyldig.' },
  FST_ERR_BAD_URL: { status: 400, message: 'Adressen er ugyldig (forkert %-kodning).' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, message: 'Forespørgslen er ugyldig.' },
  FST_ERR_VALIDATION: { status: 400, message: 'Forespørgslen er ugyldig.' },
  FST_ERR_INVALID_URL: { status: 400, message: 'Adressen er ugyldig.' },
};

const CONTEXT_NAMES: Record<string, string> = {
  body: 'indholdet',
  querystring: 'adressens parametre',
  params: 'adressen',
  headers: 'headerne',
};

/** A validation failure as an AppError: the first problem in `message`, every problem in `fields`. */
function validationError(
  issues: { instancePath: string; message?: string | undefined }[],
  context: string | undefined,
): AppError {
  const fields: FieldError[] = issues.map((i) => ({
    path: i.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    message: i.message ?? 'er ugyldig',
  }));
  const first = fields[0];
  const where = CONTEXT_NAMES[context ?? ''] ?? 'forespørgslen';
  const message = !first
    ? 'Forespørgslen er ugyldig.'
    : first.path
      ? `Parameteren "${first.path}" er ugyldig: ${first.message}`
      : `Forespørgslen er ugyldig (${where}): ${first.message}`;
  return new AppError(400, message, undefined, {
    code: 'validation',
    ...(first?.path ? { parameter: first.path } : {}),
    fields,
  });
}

/** Any thrown value as an AppError; `internal` (500) when it is not one a user should meet. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ImportError) return new AppError(400, err.message, undefined, { code: 'import_failed' });
  if (err instanceof ChromiumMissingError) return new AppError(503, err.message);
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  if (hasZodFastifySchemaValidationErrors(err)) return validationError(err.validation, err.validationContext);
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') {
    const known = FRAMEWORK[err.code];
    if (known) return new AppError(known.status, known.message, undefined, { cause: err });
  }
  if (err instanceof SyntaxError && 'statusCode' in err && err.statusCode === 400)
    return new AppError(400, 'Indholdet er ikke gyldig JSON.', undefined, { cause: err });
  if (err instanceof Error && 'statusCode' in err && typeof err.statusCode === 'number') {
    const status = err.statusCode;
    if (status >= 400 && status < 500)
      return new AppError(status, `${statusTitle(status)}: forespørgslen kunne ikke behandles.`, undefined, {
        cause: err,
      });
  }
  return new AppError(500, 'Der skete en fejl på serveren.', undefined, { code: 'internal', cause: err });
}

/** The JSON body of an error answer. */
export function errorBody(e: AppError) {
  return {
    error: statusTitle(e.statusCode),
    code: e.code,
    message: e.message,
    ...(e.parameter ? { parameter: e.parameter } : {}),
    ...(e.fields ? { fields: e.fields } : {}),
    ...(e.details !== undefined && e.statusCode < 500 ? { details: e.details } : {}),
  };
}

/** Sends an error answer; logs what the user cannot be told. */
export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const e = toAppError(err);
  if (e.statusCode >= 500) req.log.error({ err }, e.message);
  if (e.retryAfter !== undefined) reply.header('retry-after', String(e.retryAfter));
  return reply.code(e.statusCode).send(errorBody(e));
}

/** Fastify's `frameworkErrors` option: a bad URL (broken %-encoding) before routing, in Danish. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendError(err, req, reply);
}

/** The 404 for API paths and non-GET requests. */
export function notFoundBody(url: string) {
  // The path is the client's own input: cut it and drop control characters before echoing it.
  const clean = url.replace(/[\p{Cc}]/gu, '').slice(0, 200);
  return {
    error: statusTitle(404),
    code: 'not_found' as const,
    message: `Siden ${clean} findes ikke.`,
  };
}
