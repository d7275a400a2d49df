// Every error a user can meet is Danish, carries a machine code, and validation errors list each field
// (h8's forms show them next to the field).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, appWithUsers, as, type Client, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

/** English words zod and Fastify use in their default messages. */
const ENGLISH = /\b(expected|Too (small|big)|Invalid|Required|Unsupported|Body|must|should|not found)\b/i;

describe.each(ENGINES)('Danish errors with codes and fields on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let anon: Client;
  let editor: Client;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
    anon = anonymous(app);
    editor = await as(app, 'faxeRedaktoer');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('a number out of range says the bound in Danish, not "skal være et tal" or English', async () => {
    const r = await anon.req('GET', '/api/v1/rank?measure=x&period=2021M01&area=320&targetRank=999999');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: 'Ugyldig forespørgsel',
      code: 'validation',
      parameter: 'targetRank',
      message: 'Parameteren "targetRank" er ugyldig: skal være højst 98',
      fields: [{ path: 'targetRank', message: 'skal være højst 98' }],
    });
    const zero = await anon.req('GET', '/api/v1/rank?measure=x&period=2021M01&area=320&targetRank=0');
    expect(zero.body.fields).toEqual([{ path: 'targetRank', message: 'skal være mindst 1' }]);
  });

  it('a body with several problems lists each field with a Danish message', async () => {
    const r = await editor.req('POST', '/api/v1/municipalities/320/plans', {
      title: 'x'.repeat(201),
      yearFrom: 'tyve',
      status: 'færdig',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation');
    const fields = r.body.fields as { path: string; message: string }[];
    expect(fields.length).toBeGreaterThanOrEqual(4);
    expect(Object.fromEntries(fields.map((f) => [f.path, f.message]))).toMatchObject({
      // The plan form's own Danish messages (src/services/plans.ts); the error map covers the rest.
      title: 'Titlen må højst have 200 tegn.',
      yearFrom: 'Startåret skal være et årstal.',
      yearTo: 'Slutåret skal være et årstal.',
      status: 'skal være en af: "udkast", "vedtaget", "arkiveret"',
    });
    for (const f of fields) expect(f.message).not.toMatch(ENGLISH);
  });

  it('a nested indicator field is named by its dotted path', async () => {
    const r = await editor.req('POST', '/api/v1/goals/1/indicators', {
      kind: 'optælling',
      title: 'y'.repeat(1001),
      config: {},
    });
    expect(r.status).toBe(400);
    expect(r.body.fields).toContainEqual({ path: 'title', message: 'Indikatoren må højst have 1.000 tegn.' });
  });

  it('framework errors are Danish: bad JSON, wrong media type, too large, unknown path', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ message: 'Indholdet er ikke gyldig JSON.' });

    const media = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().message).toContain('Indholdstypen understøttes ikke');

    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a', password: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large', message: 'Forespørgslen er for stor.' });

    const missing = await anon.req('GET', '/api/v1/findes-ikke');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'Ikke fundet', code: 'not_found' });

    const badUrl = await app.inject({ method: 'GET', url: '/api/v1/plans/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().message).toContain('Adressen er ugyldig');

    for (const r of [badJson, media, big, badUrl]) expect(r.json().message).not.toMatch(ENGLISH);
  });

  it('malformed input from the hardening report gets a Danish 400, not a 500', async () => {
    const admin = await as(app, 'admin');
    const cases: [Client, string, string, unknown, string][] = [
      [anon, 'GET', '/api/v1/plans/99999999999999999999', undefined, 'id'],
      [anon, 'GET', '/api/v1/plans?municipality=%00', undefined, 'municipality'],
      [anon, 'GET', '/api/v1/public/320/%00', undefined, 'slug'],
      [anon, 'GET', '/api/v1/observations?measure=a%00&area=320', undefined, 'measure'],
      [anon, 'POST', '/api/v1/auth/login', { email: 'admin\u0000', password: 'x' }, 'email'],
      [
        editor,
        'POST',
        '/api/v1/plans/1/goals',
        { number: '1', kind: 'lokalt mål', title: 'T', position: 2147483648 },
        'position',
      ],
      [
        editor,
        'PUT',
        '/api/v1/goals/1',
        { number: '1', kind: 'lokalt mål', title: 'T', revision: 2147483648 },
        'revision',
      ],
      [editor, 'POST', '/api/v1/plans/1/rounds', { title: 'R', asOf: '2021-02-30' }, 'asOf'],
      [anon, 'GET', '/api/v1/indicators/1/evaluation?asOf=2021-02-29', undefined, 'asOf'],
      [admin, 'DELETE', '/api/v1/municipalities/101/users/abc', undefined, 'userId'],
    ];
    for (const [client, method, url, body, parameter] of cases) {
      const r = await client.req(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(400);
      expect(r.body.parameter, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(parameter);
      expect(r.body.message).not.toMatch(ENGLISH);
    }
    const nul = await anon.req('GET', '/api/v1/plans?municipality=%00');
    expect(nul.body.message).toBe(
      'Parameteren "municipality" indeholder et kontroltegn (U+0000), som ikke er tilladt.',
    );
    const date = await editor.req('POST', '/api/v1/plans/1/rounds', { title: 'R', asOf: '2021-02-30' });
    expect(date.body.fields).toEqual([{ path: 'asOf', message: 'er ikke en dato, der findes' }]);
    // A real date (leap day) passes validation (and meets the plan's access check instead).
    expect((await anon.req('GET', '/api/v1/indicators/1/evaluation?asOf=2024-02-29')).status).not.toBe(400);
  });

  it('service errors carry a machine code beside the Danish message', async () => {
    const r = await anon.req('POST', '/api/v1/municipalities/320/plans', {
      title: 'Plan',
      yearFrom: 2024,
      yearTo: 2025,
    });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'Ikke logget ind', code: 'unauthorized', message: 'Du skal logge ind.' });
  });
});
