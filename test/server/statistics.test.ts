// The public statistics API on the demo data set (real figures from datasets/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../src/data/areas.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadDemoStatistics } from '../../src/services/demo-data.ts';
import { readDerivedCsv } from '../helpers/datasets.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

describe.each(ENGINES)('statistics API on %s', (engine) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await loadDemoStatistics(t.database.db);
    app = await buildApp({ services: t.services });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const get = async (url: string) => {
    const res = await app.inject(url);
    return { status: res.statusCode, body: res.json() };
  };

  it('lists the measures with their source', async () => {
    const { body } = await get('/api/v1/measures');
    const m = body.measures.find((x: { id: string }) => x.id === 'y30r21.faktisk_andel.i_alt');
    expect(m.attribution).toBe('Kilde: Jobindsats.dk, Styrelsen for Arbejdsmarked og Rekruttering (STAR)');
    expect(body.measures.find((x: { id: string }) => x.id === 'auk01.nettoledige_kontanthjaelp').unit).toBe(
      'fuldtidsmodtagere',
    );
  });

  it('returns a series with period, value, source and import date', async () => {
    const { status, body } = await get(
      '/api/v1/observations?measure=y60a02.fuldtidspersoner&area=320&from=2026M05&to=2026M07',
    );
    expect(status).toBe(200);
    // datasets/jobindsats/y60a02: Faxe 2026M05 549, M06 553, M07 542 full-time persons.
    expect(body.observations.map((o: { period: string; value: number }) => [o.period, o.value])).toEqual([
      ['2026M05', 549],
      ['2026M06', 553],
      ['2026M07', 542],
    ]);
    expect(body.observations[0].source).toBe('jobindsats:y60a02');
    expect(Date.parse(body.observations[0].importedAt)).not.toBeNaN();
  });

  it('gives the development for the municipality, its comparison area and the country', async () => {
    const { body } = await get(
      '/api/v1/development?measure=y60a02.fuldtidspersoner&area=607&from=2026M05&to=2026M07',
    );
    expect(body.municipality).toMatchObject({ area: '607', from: 1211, to: 1171, change: -40 });
    expect(body.country).toMatchObject({ area: '000', from: 87199, to: 83581, basis: 'importeret' });
    // 2026: the comparison area follows the region; the data set has no region rows, so it is the sum.
    expect(body.comparison).toMatchObject({
      area: '083',
      name: 'Region Syddanmark',
      basis: 'sum af kommuner',
    });
    const rows = readDerivedCsv('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv');
    const sum = (p: string) =>
      rows
        .filter(
          (r) => r.periode === p && MUNICIPALITIES.find((m) => m.id === r.kommunekode)?.region === '083',
        )
        .reduce((s, r) => s + Number(r.antal_fuldtidspersoner), 0);
    expect(body.comparison.from).toBe(sum('2026M05'));
    expect(body.comparison.to).toBe(sum('2026M07'));
  });

  it.each(['2020QMAT02', '2020QMAT04', '2021QMAT02', '2021QMAT04', '2022QMAT02', '2022QMAT04'])(
    'ranks Fredericia on the actual share on public support in %s like an independent count',
    async (period) => {
      const { body } = await get(`/api/v1/rank?measure=y30r21.faktisk_andel.i_alt&period=${period}&area=607`);
      const list = readDerivedCsv('jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.csv').filter(
        (r) => r.periode === period && r.ydelsesgruppe === 'Ydelsesgrupper i alt',
      );
      const own = Number(list.find((r) => r.kommunekode === '607')!.faktisk_andel_pct);
      expect(body.rank).toBe(1 + list.filter((r) => Number(r.faktisk_andel_pct) < own).length);
      expect(body.ties).toBe(list.filter((r) => Number(r.faktisk_andel_pct) === own).length);
      expect(body.of).toBe(98);
      expect(body.missing).toEqual([]);
    },
  );

  it('agrees with the official benchmark rank when ranking on the share-point difference', async () => {
    const { body } = await get('/api/v1/rank?measure=y30r21.forskel_andel.i_alt&period=2022QMAT04&area=607');
    const official = await get('/api/v1/rank?measure=y30r21.placering.i_alt&period=2022QMAT04&area=607');
    const officialRank = new Map(
      official.body.ranking.map((r: { area: string; value: number }) => [r.area, r.value]),
    );
    // Length guard: the pairwise check below must see all 98 municipalities on both sides.
    expect(body.ranking).toHaveLength(98);
    expect(officialRank.size).toBe(98);
    for (const a of body.ranking)
      for (const b of body.ranking)
        if (a.rank < b.rank)
          expect(officialRank.get(a.area)).toBeLessThan(officialRank.get(b.area) as number);
  });

  it('ranks a rate with a denominator and says what it takes to reach the national rate and a rank', async () => {
    const url =
      '/api/v1/rank?measure=y60a02.fuldtidspersoner&denominator=folk1am.befolkning&period=2026M02&area=607&targetRank=50';
    const { status, body } = await get(url);
    expect(status).toBe(200);
    expect(body.nationalBasis).toBe('hele landet');
    const cash = readDerivedCsv('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv').filter(
      (r) => r.periode === '2026M02',
    );
    const n = Number(cash.find((r) => r.kommunekode === '607')!.antal_fuldtidspersoner);
    const nationalN = Number(cash.find((r) => r.kommunekode === '000')!.antal_fuldtidspersoner);
    expect(body.nationalRate).toBeGreaterThan(0);
    // Independent: the population of Fredericia from the value and rate, then check the boundary.
    const pop = n / body.value;
    const ok = (d: number) => (n + d) / pop <= body.nationalRate + 1e-12;
    expect(body.toNationalAverage).toBeLessThan(0);
    expect(ok(body.toNationalAverage)).toBe(true);
    expect(ok(body.toNationalAverage + 1)).toBe(false);
    expect(nationalN).toBeGreaterThan(n);
    expect(body.toTargetRank).toBeLessThan(0);
    const after =
      body.ranking.filter(
        (r: { area: string; value: number }) => r.area !== '607' && r.value < (n + body.toTargetRank) / pop,
      ).length + 1;
    expect(after).toBeLessThanOrEqual(50);
  });

  it.each([
    ['/api/v1/rank?period=2022QMAT04&area=607', 'measure'],
    ['/api/v1/rank?measure=y30r21.faktisk_andel.i_alt&period=2022Q9&area=607', 'period'],
    ['/api/v1/rank?measure=y30r21.faktisk_andel.i_alt&period=2022QMAT04&area=607&direction=op', 'direction'],
    ['/api/v1/rank?measure=y30r21.faktisk_andel.i_alt&period=2022QMAT04&area=607&targetRank=0', 'targetRank'],
    ['/api/v1/rank?measure=findes.ikke&period=2022QMAT04&area=607', 'measure'],
    ['/api/v1/rank?measure=y30r21.faktisk_andel.i_alt&period=2022QMAT04&area=999', 'area'],
    ['/api/v1/observations?measure=y60a02.fuldtidspersoner&area=320&from=igår', 'from'],
    ['/api/v1/development?measure=y60a02.fuldtidspersoner&area=320&from=2026M01', 'to'],
  ])('refuses %s with a 400 naming "%s" in Danish', async (url, param) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.message).toContain(`"${param}"`);
    expect(body.message).toMatch(/Parameteren/);
  });

  it('answers a rank whose denominator has no data in the period with a Danish 400 (was a 500 on NaN)', async () => {
    const { status, body } = await get(
      '/api/v1/rank?measure=y60a02.fuldtidspersoner&period=2026M07&area=101&denominator=folk1am.befolkning',
    );
    expect(status).toBe(400);
    expect(body.message).toContain('"denominator"');
    expect(body.message).toContain('juli 2026');
  });

  it('gives a rolling-year development of a monthly measure from its months', async () => {
    const { status, body } = await get(
      '/api/v1/development?measure=y25i01.ledige_fuldtidspersoner&area=101&from=2022QMAT03&to=2023QMAT03',
    );
    expect(status).toBe(200);
    // Exact: 2021M10–2022M09 sum 157.873 over 12 months; 2022M10–2023M09 sum 158.708 = 39.677/3 × 12.
    expect(body.municipality.from).toBeCloseTo(157873 / 12, 9);
    expect(body.municipality.to).toBeCloseTo(39677 / 3, 9);
    expect(body.unit).toBe('fuldtidspersoner');
    const refused = await get(
      '/api/v1/development?measure=y25i01.ledige_fuldtidspersoner&area=101&from=2022QMAT02&to=2023QMAT02',
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('11 af 12 måneder');
  });

  it("ranks by the measure's own direction of better when none is given, with the unit in the answer", async () => {
    const { body: measures } = await get('/api/v1/measures');
    const better = (id: string) => measures.measures.find((m: { id: string }) => m.id === id).better;
    expect(better('y60c07.aktiveringsgrad')).toBe('higher');
    expect(better('y25i01.ledige_pct')).toBe('lower');
    expect(measures.measures.every((m: { better: string }) => ['lower', 'higher'].includes(m.better))).toBe(
      true,
    );
    const { body } = await get('/api/v1/rank?measure=y60c07.aktiveringsgrad&period=2026M07&area=607');
    expect(body.direction).toBe('higher');
    expect(body.ranking[0].value).toBeGreaterThanOrEqual(body.ranking.at(-1).value);
    expect(body.changeUnit).toBe('procentpoint');
  });

  it('publishes an OpenAPI document', async () => {
    const { body } = await get('/api/v1/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/areas',
        '/api/v1/measures',
        '/api/v1/observations',
        '/api/v1/development',
        '/api/v1/rank',
      ]),
    );
  });
});

describe('the catalogue against the names the Jobindsats files use', () => {
  it('has every area name of the Jobindsats files, and the files have all 98 municipalities', () => {
    for (const file of [
      'jobindsats/y25i01_ledighed_kommuner_maaned.csv',
      'jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.csv',
    ]) {
      const names = new Map(readDerivedCsv(file).map((r) => [r.kommunekode!, r.omraade!]));
      for (const m of MUNICIPALITIES) expect(names.get(m.id), `${file} ${m.id}`).toBe(m.name);
    }
  });
});
