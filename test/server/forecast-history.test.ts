// The indicator page's forecast through the API, on the real demo statistics: calendar-aligned, to the
// deadline (a 2029 deadline gets a point for 2029M12, not 2028M07), with the method chosen by backtest.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoStatistics } from '../../src/services/demo-data.ts';
import { appWithUsers, as, type Client, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

describe.each(ENGINES)('indicator forecast on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let editor: Client;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await loadDemoStatistics(t.database.db);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
    editor = await as(app, 'faxeRedaktoer');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  async function indicator(measure: string, deadline: string) {
    const plan = await editor.req('POST', '/api/v1/municipalities/320/plans', {
      title: `Plan ${measure} ${deadline}`,
      yearFrom: 2026,
      yearTo: Number(deadline.slice(0, 4)),
      status: 'udkast',
    });
    expect(plan.status).toBe(201);
    const goal = await editor.req('POST', `/api/v1/plans/${plan.body.plan.id}/goals`, {
      number: '1',
      kind: 'lokalt mål',
      title: 'Færre ledige',
    });
    expect(goal.status).toBe(201);
    const ind = await editor.req('POST', `/api/v1/goals/${goal.body.goal.id}/indicators`, {
      kind: 'niveau',
      title: 'Ledige fuldtidspersoner',
      config: {
        measure,
        area: '320',
        baselinePeriod: '2026M07',
        target: { kind: 'absolute', value: 500 },
        direction: 'at-most',
        deadline,
      },
    });
    expect(ind.status).toBe(201);
    const history = await editor.req('GET', `/api/v1/indicators/${ind.body.indicator.id}/history`);
    expect(history.status).toBe(200);
    return history.body;
  }

  it('forecasts Faxe’s unemployment to a 2029 deadline and says which method and how well it did', async () => {
    const body = await indicator('y25i01.ledige_fuldtidspersoner', '2029-12-31');
    const points = body.forecast as { period: string; calibrated: boolean; lower: number; upper: number }[];
    // Data end 2026M07; 2026M08 … 2029M12 is 41 months, the first 12 with a calibrated band.
    expect(points).toHaveLength(41);
    expect(points[0]!.period).toBe('2026M08');
    expect(points.at(-1)!.period).toBe('2029M12');
    expect(points.filter((p) => p.calibrated)).toHaveLength(12);
    expect(body.probability).toBeGreaterThanOrEqual(0);
    expect(body.probability).toBeLessThanOrEqual(1);
    const m = body.forecastMethod;
    expect(['seasonal-naive', 'damped-holt', 'ensemble']).toContain(m.method);
    expect(m.beatsSeasonalNaive).toBe(m.method !== 'seasonal-naive');
    expect(m.backtestMape).toBeLessThanOrEqual(m.seasonalNaiveMape);
    expect(m.calibratedHorizon).toBe(12);
    expect(m.notes.join(' ')).toContain('efterprøvet op til 12 måneder frem');
  });

  it('draws no forecast when the data already reach the deadline, and says why', async () => {
    // Data end 2026M07; a deadline in March 2026 is inside the data: nothing left to forecast.
    const body = await indicator('y25i01.ledige_fuldtidspersoner', '2026-03-31');
    expect(body.forecast).toEqual([]);
    expect(body.forecastMethod).toBeNull();
    expect(body.probability).toBeNull();
    expect(body.forecastAbsent).toBe(
      'Der vises ingen fremskrivning, fordi der allerede er tal til og med fristen 31. marts 2026.',
    );
  });
});
