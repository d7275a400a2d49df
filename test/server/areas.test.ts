import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';

describe('GET /healthz and /api/v1/areas', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(async () => app.close());

  it('answers the health check', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('lists the country, regions, RAR areas and 98 municipalities as JSON', async () => {
    const res = await app.inject('/api/v1/areas?year=2019');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json() as {
      areas: { id: string; kind: string; name: string; comparisonArea?: string }[];
    };
    expect(body.areas.filter((a) => a.kind === 'kommune')).toHaveLength(98);
    const faxe = body.areas.find((a) => a.id === '320')!;
    expect(faxe).toMatchObject({ name: 'Faxe', region: '085', comparisonArea: 'rar-sjaelland' });
  });

  it('gives the 2025 comparison area (the region) for plans from 2025', async () => {
    const res = await app.inject('/api/v1/areas?year=2025&kind=kommune');
    const body = res.json() as { areas: { id: string; comparisonArea?: string }[] };
    expect(body.areas.find((a) => a.id === '607')?.comparisonArea).toBe('083');
  });

  it('refuses a bad parameter with a Danish message naming it', async () => {
    const res = await app.inject('/api/v1/areas?kind=planet');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('"kind"');
  });

  it('answers unknown paths with a Danish 404', async () => {
    const res = await app.inject('/api/v1/findes-ikke');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('Ikke fundet');
  });
});
