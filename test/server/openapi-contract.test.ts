// The contract walk: every operation in the OpenAPI document has its request schemas (path parameters,
// body) and a schema for each success answer. Files (Word, PDF, Excel, HTML) and redirects are described
// explicitly and listed here, so none is skipped silently. A planted route without schemas proves the check
// bites.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.ts';
import type { Oidc } from '../../src/services/oidc.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface MediaType {
  schema?: { format?: string; type?: string };
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Record<string, unknown> }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
interface OpenApiDoc {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

/**
 * State-changing operations that take no body by design. Every other POST, PUT and PATCH must declare its
 * body; an entry here that is no longer in the document fails the test (no stale exceptions).
 */
const BODILESS = [
  'POST /api/v1/auth/logout',
  'POST /api/v1/admin/statistics/sources/{id}/fetch',
  'POST /api/v1/rounds/{id}/publish',
  'POST /api/v1/rounds/{id}/correct',
];

/** Operations answering with a file: each success answer is a binary body with its content types. */
const FILES = [
  'GET /api/v1/benefit-groups/report.{format}',
  'GET /api/v1/plans/{id}/case.docx',
  'GET /api/v1/rounds/{id}/report.{format}',
];

/** Operations answering with a redirect only (single sign-on). */
const REDIRECTS = ['GET /api/v1/auth/oidc/callback', 'GET /api/v1/auth/oidc/start'];

/** What makes a path parameter's schema a declared one rather than the generated bare string. */
const BOUNDS = ['pattern', 'enum', 'const', 'format', 'minLength', 'maxLength', 'minimum', 'maximum'];

interface Walk {
  operations: string[];
  gaps: string[];
  files: string[];
  redirects: string[];
}

/** Walks every path and method; a gap names the operation and what it lacks. */
function walkContract(doc: OpenApiDoc): Walk {
  const walk: Walk = { operations: [], gaps: [], files: [], redirects: [] };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      walk.operations.push(name);
      const gap = (what: string) => walk.gaps.push(`${name}: ${what}`);
      // Path parameters: each {name} in the path declared with a bounded schema. A route without a params
      // schema gets a bare `{ type: 'string' }` from @fastify/swagger, so a bare string counts as undeclared.
      for (const [, param] of path.matchAll(/\{([^}]+)\}/g)) {
        const schema = op.parameters?.find((p) => p.in === 'path' && p.name === param)?.schema ?? {};
        if (!BOUNDS.some((k) => k in schema)) gap(`stiparameteren "${param}" har intet afgrænset skema`);
      }
      // Body: every POST, PUT and PATCH declares one, except the few that take none by design.
      if (['post', 'put', 'patch'].includes(method) && !BODILESS.includes(name)) {
        const content = op.requestBody?.content ?? {};
        if (!Object.values(content).some((m) => m.schema)) gap('intet skema for request body');
      }
      // Answers: at least one success answer, and each one has a schema.
      const success = Object.entries(op.responses ?? {}).filter(([s]) => /^[23]\d\d$/.test(s));
      if (success.length === 0) gap('intet svar-skema for 2xx');
      for (const [status, res] of success) {
        const media = Object.entries(res.content ?? {});
        if (!media.length || media.some(([, m]) => !m.schema)) {
          gap(`svar ${status} har intet skema`);
          continue;
        }
        if (status.startsWith('3')) {
          if (!walk.redirects.includes(name)) walk.redirects.push(name);
          continue;
        }
        const binary = media.filter(
          ([type, m]) => type !== 'application/json' && m.schema?.format === 'binary',
        );
        if (binary.length && !walk.files.includes(name)) walk.files.push(name);
        for (const [type, m] of media)
          if (type !== 'application/json' && m.schema?.format !== 'binary')
            gap(`svar ${status} (${type}) er hverken JSON eller beskrevet som fil`);
      }
    }
  }
  walk.gaps.sort();
  walk.files.sort();
  walk.redirects.sort();
  return walk;
}

/** A single sign-on stand-in: only its presence matters (the SSO routes are registered with it). */
const oidc: Oidc = {
  label: 'Test-SSO',
  start: async () => ({ url: 'https://sso.test/authorize', browserSecret: 'x' }),
  finish: async () => {
    throw new Error('not used');
  },
};

describe('OpenAPI contract walk', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await buildApp({ services: t.services, oidc });
    const res = await app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json() as OpenApiDoc;
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('walks every route of the app', () => {
    const walk = walkContract(doc);
    const routes = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/v1/') || l.includes('/healthz'));
    expect(routes.length).toBeGreaterThan(0);
    // Every documented route is walked: 50-odd operations, among them the known groups.
    expect(walk.operations.length).toBeGreaterThan(50);
    for (const op of [
      'GET /healthz',
      'GET /api/v1/areas',
      'GET /api/v1/rank',
      'POST /api/v1/auth/login',
      'GET /api/v1/plans/{id}/people',
      'POST /api/v1/admin/statistics/upload',
      'GET /api/v1/public/{code}/{slug}',
      'GET /api/v1/plans',
    ])
      expect(walk.operations).toContain(op);
  });

  it('finds a request schema and a success answer schema on every operation', () => {
    const walk = walkContract(doc);
    // Listed by operation, so a failure names what to fix.
    expect(walk.gaps).toEqual([]);
  });

  it('treats file answers and redirects explicitly', () => {
    const walk = walkContract(doc);
    expect(walk.files).toEqual(FILES);
    expect(walk.redirects).toEqual(REDIRECTS);
    for (const op of BODILESS) expect(walk.operations).toContain(op);
  });
});

describe('the contract walk bites', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await buildApp({ services: t.services });
    // Planted: no answer schema; a path parameter and a body without schemas; a file without its type.
    app.get('/api/v1/planted/plain', async () => ({ ok: true }));
    app.post(
      '/api/v1/planted/:id',
      { schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
      async () => ({
        ok: true,
      }),
    );
    app.get(
      '/api/v1/planted/file',
      {
        schema: {
          response: {
            200: { description: 'en fil', content: { 'application/pdf': { schema: z.string() } } },
          },
        },
      },
      async (_req, reply) => reply.type('application/pdf').send(Buffer.from('%PDF')),
    );
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('reports each planted gap by operation', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as OpenApiDoc;
    const planted = walkContract(doc).gaps.filter((g) => g.includes('/planted/'));
    expect(planted).toEqual([
      'GET /api/v1/planted/file: svar 200 (application/pdf) er hverken JSON eller beskrevet som fil',
      'GET /api/v1/planted/plain: svar 200 har intet skema',
      'POST /api/v1/planted/{id}: intet skema for request body',
      'POST /api/v1/planted/{id}: stiparameteren "id" har intet afgrænset skema',
    ]);
  });
});
