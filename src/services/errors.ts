// The one error type a user can meet: a machine code, an HTTP status and a Danish message. Routes never
// catch it; the server maps it (and framework and database errors) to an answer in one place
// (src/server/errors.ts).

/** Machine-readable reason, stable for clients; the Danish message is for people. */
export type ErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'login_failed'
  | 'one_time_password_expired'
  | 'must_change_password'
  | 'weak_password'
  | 'sso_failed'
  | 'import_failed'
  | 'internal'
  | 'database_unavailable'
  | 'unavailable';

/** One field's problem, for forms that show messages next to the field. `path` is dotted: "config.target". */
export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  code?: ErrorCode;
  /** The query/path/body parameter at fault. */
  parameter?: string;
  fields?: FieldError[];
  /** Seconds the client should wait (429, 503): sent as Retry-After. */
  retryAfter?: number;
  cause?: unknown;
}

const DEFAULT_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly parameter: string | undefined;
  readonly fields: FieldError[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = options.code ?? DEFAULT_CODES[statusCode] ?? (statusCode >= 500 ? 'internal' : 'bad_request');
    this.parameter = options.parameter;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

export const unauthorized = () => new AppError(401, 'Du skal logge ind.');
export const forbidden = (what = 'dette') => new AppError(403, `Du har ikke adgang til ${what}.`);
export const notFound = (what: string) => new AppError(404, `${what} findes ikke.`);
export const badRequest = (message: string, details?: unknown) => new AppError(400, message, details);
export const conflict = (message: string, details: unknown) => new AppError(409, message, details);
export const tooManyRequests = (message: string, retryAfter: number) =>
  new AppError(429, message, undefined, { retryAfter });
export const databaseUnavailable = (cause?: unknown) =>
  new AppError(503, 'Databasen svarer ikke lige nu. Prøv igen om lidt.', undefined, {
    code: 'database_unavailable',
    retryAfter: 5,
    cause,
  });

// SQLSTATEs and socket errors that mean "the database is gone for now", not "the query is wrong":
// connection exceptions (08…), admin/crash shutdown and startup (57P01–57P03), too many connections (53300).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections|Connection refused|the database system is (starting up|shutting down)/i;

/** Whether an error means the database cannot be reached (then the answer is 503, not 500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if ('code' in err && typeof err.code === 'string') {
    if (UNAVAILABLE_CODES.has(err.code)) return true;
    // The embedded database's socket file is gone.
    if (err.code === 'ENOENT' && 'syscall' in err && err.syscall === 'connect') return true;
  }
  if (UNAVAILABLE_MESSAGES.test(err.message)) return true;
  return err.cause !== undefined && err.cause !== err && isDatabaseUnavailable(err.cause);
}
