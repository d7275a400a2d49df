// Issue 9 item 8: fuzzing every operation of the OpenAPI document (/api/v1/openapi.json) with requests
// generated from its schemas, valid and malformed (NUL and control characters, ids beyond bigint,
// integers beyond int4, impossible dates, wrong types, huge strings), anonymous and as a system
// administrator, on both engines. No answer may be ≥ 500.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoStatistics } from '../../src/services/demo-data.ts';
import { loadDemoPlans } from '../../src/services/demo-plans.ts';
import { appWithUsers, PASSWORD, seedUsers, USERS } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document
type Schema = any;
interface Operation {
  method: string;
  path: string;
  params: { in: 'path' | 'query'; name: string; required: boolean; schema: Schema }[];
  body: Schema | undefined;
}

const RUNS_PER_ROLE = 1500;
/** Fixed for reproducible runs; set MAALTAVLE_FUZZ_SEED to explore other requests. */
const SEED = Number(process.env.MAALTAVLE_FUZZ_SEED ?? 20260923);

/** Values that broke the server before (issue 9 item 8) and their relatives. */
const MALFORMED: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\u0001\u001f',
  '\u007f',
  '99999999999999999999',
  '9223372036854775808',
  '2147483648',
  '-2147483649',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  '2021-02-30',
  '2021-13-01',
  '0000-00-00',
  '2021M13',
  '',
  ' ',
  'abc',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE plans; --",
  'x'.repeat(5000),
  '\ud800',
  2147483648,
  -2147483649,
  Number('9007199254740993'),
  Number('99999999999999999999'),
  1e308,
  -1,
  0.5,
  true,
  null,
  [],
  {},
  { a: '\u0000' },
];

/** Real values by parameter name, so that requests also get past validation into the services. */
const KNOWN: Record<string, string[]> = {};
const MONTHS = Array.from(
  { length: 96 },
  (_, i) => `${2019 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
);

function valid(schema: Schema, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant('x');
  const known = KNOWN[name];
  if (known?.length && !schema.enum) return fc.constantFrom(...known);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]).filter((v) => v !== 'pdf'));
  if (schema.anyOf || schema.oneOf)
    return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: Schema) => valid(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(schema.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      if (keys.length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), {
          maxKeys: 3,
        });
      return fc.record(Object.fromEntries(keys.map((k) => [k, field(props[k], depth + 1, k)])), {
        requiredKeys: (schema.required ?? []).filter((k: string) => keys.includes(k)),
      });
    }
    default:
      if (schema.pattern === '^\\d+$' || schema.pattern === '^\\d{1,19}$') return fc.nat(60).map(String);
      if (schema.pattern?.includes('\\d{4}'))
        return fc
          .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.oneof(
        fc.constantFrom(
          '320',
          '607',
          '173',
          '000',
          '2021M01',
          '2020M12',
          '2021K2',
          'y30r21.faktisk_andel.i_alt',
        ),
        fc.string({ maxLength: 20 }),
      );
  }
}

/** A field: mostly valid, sometimes one of the malformed values. */
function field(schema: Schema, depth = 0, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: valid(schema, depth, name) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
/** Percent-encodes a path segment; a lone surrogate (not encodable) becomes U+FFFD. */
function segment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function operations(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).map((p: Schema) => ({
          in: p.in,
          name: p.name,
          required: !!p.required,
          schema: p.schema,
        })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

function request(op: Operation): fc.Arbitrary<{ method: string; url: string; payload?: string }> {
  const params = op.params.map((p) =>
    (p.required || p.in === 'path'
      ? field(p.schema, 0, p.name)
      : fc.option(field(p.schema, 0, p.name), { nil: undefined })
    ).map((v) => [p, v] as const),
  );
  const body = op.body
    ? fc.oneof(
        { weight: 4, arbitrary: field(op.body) },
        { weight: 1, arbitrary: fc.constantFrom('{"a":', '[1,2', '"\\u0000"', '{"title":"\\u0000"}') },
      )
    : fc.constant(undefined);
  return fc.tuple(fc.tuple(...params), body).map(([ps, b]) => {
    let path = op.path;
    const query = new URLSearchParams();
    for (const [p, v] of ps) {
      if (p.in === 'path') path = path.replace(`{${p.name}}`, segment(asText(v)));
      else if (v !== undefined) query.append(p.name, asText(v));
    }
    const qs = query.toString();
    return {
      method: op.method,
      url: qs ? `${path}?${qs}` : path,
      ...(b === undefined ? {} : { payload: typeof b === 'string' && !op.body ? b : JSON.stringify(b) }),
    };
  });
}

describe.each(ENGINES)('fuzzing the OpenAPI operations on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await loadDemoStatistics(t.database.db);
    await loadDemoPlans(t.database.db);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('answers every generated request below 500, anonymous and as an administrator', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const measures = (await app.inject('/api/v1/measures')).json().measures.map((m: { id: string }) => m.id);
    const plans = await t.database.db.selectFrom('plans').select(['municipality', 'slug']).execute();
    expect(measures.length).toBeGreaterThan(10);
    Object.assign(KNOWN, {
      measure: measures,
      denominator: measures,
      numerator: measures,
      area: ['320', '607', '173', '000', '084', '101'],
      code: ['320', '607', '173', '101'],
      municipality: ['320', '607', '173'],
      slug: plans.map((p) => p.slug),
      from: MONTHS,
      to: MONTHS,
      period: MONTHS,
      denominatorPeriod: MONTHS,
      baselinePeriod: MONTHS,
    });
    // Logging out would end the administrator's session mid-run; it takes no input anyway.
    const ops = operations(doc).filter((o) => o.path !== '/api/v1/auth/logout');
    expect(ops.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const histogram: Record<string, Record<number, number>> = {};
    let count = 0;
    for (const role of ['anonym', 'administrator'] as const) {
      let headers: Record<string, string> = {};
      let cookies: Record<string, string> = {};
      const login = async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: USERS.admin.email, password: PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        cookies = { maaltavle_session: res.cookies.find((c) => c.name === 'maaltavle_session')!.value };
        headers = { 'x-csrf-token': res.json().csrfToken };
      };
      if (role === 'administrator') await login();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ops).chain(request), async (r) => {
          count++;
          const key = `${r.method} ${r.url.split('?')[0]!.replace(/\/[^/]*\d[^/]*/g, '/N')}`;
          const res = await app.inject({
            method: r.method as 'GET',
            url: r.url,
            headers: {
              ...headers,
              ...(r.payload !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            cookies,
            ...(r.payload !== undefined ? { payload: r.payload } : {}),
          });
          histogram[key] ??= {};
          const h = histogram[key];
          h[res.statusCode] = (h[res.statusCode] ?? 0) + 1;
          if (res.statusCode >= 500)
            failures.push(
              `${res.statusCode} ${r.method} ${r.url} ${r.payload?.slice(0, 200) ?? ''} → ${res.body.slice(0, 300)}`,
            );
          // A password change as the administrator ends no session of its own; re-login if anything did.
          if (role === 'administrator' && res.statusCode === 401) await login();
        }),
        { numRuns: RUNS_PER_ROLE, seed: SEED + (role === 'anonym' ? 0 : 1) },
      );
    }
    console.log(
      `fuzz on ${engine} (seed ${SEED}): ${count} requests over ${ops.length} operations, ${failures.length} answers ≥ 500`,
    );
    expect(count).toBe(2 * RUNS_PER_ROLE);
    if (process.env.MAALTAVLE_FUZZ_SEED)
      console.log(JSON.stringify(histogram, null, 0).replace(/},/g, '},\n'));
    if (failures.length) console.log(failures.join('\n'));
    expect(failures.slice(0, 30)).toEqual([]);
  }, 600_000);
});
