// Calls to Måltavle's API: JSON, the session cookie, and the CSRF token on every change.
let csrf: string | null = null;
export const setCsrf = (t: string | null) => {
  csrf = t;
};

/** A field's Danish error from a 400 answer: `path` names the field ("title", "config.deadline"). */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The field errors of a failed call (empty for other errors). */
export const fieldErrors = (err: unknown): FieldError[] => (err instanceof ApiError ? err.fields : []);

/** A fresh idempotency key: one per form submission, so a double click or a retry creates one thing. */
export const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export async function api<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  opts: { idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(`/api/v1${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const fields = data?.fields ?? data?.details?.fields;
    throw new ApiError(
      res.status,
      data?.message ?? `Fejl ${res.status}`,
      data?.details,
      Array.isArray(fields) ? fields : [],
    );
  }
  return data as T;
}

export const get = <T = unknown>(url: string) => api<T>('GET', url);
