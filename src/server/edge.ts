// The edge check every request passes before validation: no NUL or other control characters in the path,
// the query or a JSON body (keys included). PostgreSQL cannot store NUL in text and control characters
// have no business in names, codes and texts; refusing them here, in one place, gives a Danish 400
// instead of a database error. Tab, line feed and carriage return stay allowed in body texts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../services/errors.ts';

/** C0 controls and DEL; in the path and the query also tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const IN_URL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function codePoint(s: string, re: RegExp): string {
  const c = re.exec(s)?.[0] ?? '';
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function refuse(path: string, value: string, re: RegExp): AppError {
  const message = `indeholder et kontroltegn (${codePoint(value, re)}), som ikke er tilladt`;
  return new AppError(400, path ? `Parameteren "${path}" ${message}.` : `Adressen ${message}.`, undefined, {
    code: 'validation',
    ...(path ? { parameter: path } : {}),
    fields: [{ path, message }],
  });
}

/** The first string (value or key) in a JSON value with a forbidden character, with its dotted path. */
function findInJson(value: unknown, path: string, depth = 0): { path: string; value: string } | null {
  if (depth > 64) return null;
  if (typeof value === 'string') return IN_BODY.test(value) ? { path, value } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findInJson(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (IN_BODY.test(k)) return { path: p, value: k };
      const hit = findInJson(v, p, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

function check(req: FastifyRequest) {
  const params = (req.params ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' && IN_URL.test(v)) throw refuse(k === '*' ? '' : k, v, IN_URL);
  const query = (req.query ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(query)) {
    if (IN_URL.test(k)) throw refuse(k, k, IN_URL);
    for (const one of Array.isArray(v) ? v : [v])
      if (typeof one === 'string' && IN_URL.test(one)) throw refuse(k, one, IN_URL);
  }
  const hit = findInJson(req.body, '');
  if (hit) throw refuse(hit.path, hit.value, IN_BODY);
}

export const edgeChecks = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => check(req));
});
