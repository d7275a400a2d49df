// The AUK01 preset (Table 1 without a key) against tableinfo and data answers built from the recorded
// StatBank shape (test/helpers/auk01-fixture.ts says exactly what is real and what is synthetic), served
// over HTTP on 127.0.0.1; then Fredericia's Table 1 from it in the app's route and in the Word report.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auk01MeasureId } from '../../src/data/auk01-benefit-types.ts';
import { BENEFIT_GROUPS } from '../../src/data/benefit-groups.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import { fetchAuk01BenefitGroups } from '../../src/importers/statbank-auk01.ts';
import { buildBenefitReport } from '../../src/reports/benefit-report.ts';
import { render } from '../../src/reports/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { resolveBenefitMeasure } from '../../src/services/benefit-groups.ts';
import { evaluateIndicators, evaluateWithHistory } from '../../src/services/evaluation.ts';
import { runImport } from '../../src/services/imports.ts';
import {
  auk01DataCsv,
  auk01Handler,
  auk01TableInfo,
  FIXTURE_AREAS,
  FIXTURE_TYPES,
  realKontanthjaelp,
} from '../helpers/auk01-fixture.ts';
import { createTestDb, ENGINES, snapshot, type TestDb } from '../helpers/db.ts';
import { fixtureServer } from '../helpers/http.ts';

const real = realKontanthjaelp();
const synth = (label: string) => FIXTURE_TYPES.find((t) => t.label === label)!.synthetic!;
// Expected by hand from the fixture: kontanthjælp = real net-unemployed + the two synthetic types.
const kontant = (area: string, q: string) =>
  real.get(area)!.get(q)! + synth('Aktiverede kontanthjælpsmodtagere') + synth('Integrationsydelse');
const syntheticSum = FIXTURE_TYPES.reduce((s, t) => s + (t.synthetic ?? 0), 0);
const aDagpenge = synth('Nettoledige dagpengemodtagere') + synth('Aktiverede dagpengemodtagere');

describe('AUK01 preset over HTTP (recorded-shape answers)', () => {
  it('asks for every mapped benefit type by the id tableinfo gives its label, and sums groups and totals', async () => {
    const srv = await fixtureServer(auk01Handler());
    try {
      const r = await fetchAuk01BenefitGroups(srv.base, { retries: 0 });
      const post = JSON.parse(srv.requests.find((q) => q.method === 'POST')!.body);
      const types = post.variables.find((v: { code: string }) => v.code === 'YDELSESTYPE').values;
      expect(types).toHaveLength(FIXTURE_TYPES.length);
      expect(types).toEqual(FIXTURE_TYPES.map((t) => t.id));
      expect(types).not.toContain('TOT');
      expect(post.variables).toContainEqual({ code: 'KØN', values: ['TOT'] });
      expect(post.variables).toContainEqual({ code: 'ALDER', values: ['TOT'] });
      expect(post.variables[0].values).toEqual(FIXTURE_AREAS); // '997' Uoplyst not asked for
      const at = (m: string, area: string, p: string) =>
        r.rows.find((x) => x.measureId === auk01MeasureId(m) && x.areaId === area && x.period === p)?.value;
      // Fredericia 2017Q2 real net-unemployed kontanthjælp: read from the file, not typed in.
      expect(real.get('607')!.get('2017Q2')).toBeGreaterThan(0);
      expect(at('kontanthjaelp', '607', '2017Q2')).toBe(kontant('607', '2017Q2'));
      expect(at('a-dagpenge', '607', '2017Q2')).toBe(aDagpenge);
      expect(at('i-alt', '607', '2017Q2')).toBe(syntheticSum + real.get('607')!.get('2017Q2')!);
      expect(at('ekskl-a-dagpenge', '607', '2017Q2')).toBe(
        syntheticSum + real.get('607')!.get('2017Q2')! - aDagpenge,
      );
      // 12 series (10 groups + 2 totals) × 10 areas × 76 quarters.
      expect(r.rows).toHaveLength(12 * FIXTURE_AREAS.length * 76);
      expect(r.parameters.mapping).toHaveLength(BENEFIT_GROUPS.length);
    } finally {
      await srv.close();
    }
  });

  it('fails with the labels the table has now when a mapped label no longer matches', async () => {
    const srv = await fixtureServer(auk01Handler(auk01TableInfo({ Fleksjob: 'Fleksjob (ny ordning)' })));
    try {
      const err = await fetchAuk01BenefitGroups(srv.base, { retries: 0 }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      const msg = (err as Error).message;
      expect(msg).toContain('"Fleksjob" (fleksjob)');
      expect(msg).toContain('Tabellens ydelsestyper nu:');
      expect(msg).toContain('"Fleksjob (ny ordning)"');
      expect(msg).toContain('"Sygedagpenge mv."');
      expect(srv.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
    } finally {
      await srv.close();
    }
  });
});

describe.each(ENGINES)("Fredericia's Table 1 from AUK01 in the app and the Word report (%s)", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    const srv = await fixtureServer(auk01Handler(auk01TableInfo(), auk01DataCsv()));
    try {
      const parsed = await fetchAuk01BenefitGroups(srv.base, { retries: 0 });
      await runImport(t.database.db, parsed, { createdBy: 'test' });
    } finally {
      await srv.close();
    }
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('the benefit-group route takes every row from AUK01 when ptv_a02 is not imported, and says so', async () => {
    const before = await snapshot(t.database.db);
    expect(before.measures.some((m) => m.id.startsWith('ptv_a02.'))).toBe(false);
    const app = await buildApp({ services: t.services });
    const res = await app.inject({
      url: '/api/v1/benefit-groups?area=607&from=2017Q2&to=2018Q2&source=ptv_a02',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(12);
    for (const r of body.rows) {
      expect(r.origin).toBe('statbank:AUK01');
      expect(r.originLabel).toBe('Danmarks Statistik AUK01 (fuldtidsmodtagere)');
    }
    const k = body.rows.find((r: { key: string }) => r.key === 'kontanthjaelp');
    expect(k.row.municipality.from).toBe(kontant('607', '2017Q2'));
    expect(k.row.municipality.to).toBe(kontant('607', '2018Q2'));
    const country = k.row.country;
    expect(country.from).toBe(kontant('000', '2017Q2'));
    expect(country.pct).toBeCloseTo(
      ((kontant('000', '2018Q2') - kontant('000', '2017Q2')) / kontant('000', '2017Q2')) * 100,
      9,
    );
    expect(body.rows.map((r: { name: string }) => r.name).slice(-2)).toEqual([
      'Ydelsesgrupper i alt',
      'Ydelsesgrupper ekskl. A-dagpenge',
    ]);
    expect(body.periods).toContain('2017Q2');
    expect(body.mapping).toHaveLength(10);
    await app.close();
  });

  it('a benefit-group indicator on a ptv_a02 measure resolves to the AUK01 group while ptv_a02 is not imported', async () => {
    expect(await resolveBenefitMeasure(t.database.db, 'ptv_a02.fuldtidspersoner.kontanthjaelp')).toEqual({
      measure: auk01MeasureId('kontanthjaelp'),
      origin: 'statbank:AUK01',
      originLabel: 'Danmarks Statistik AUK01 (fuldtidsmodtagere)',
    });
    expect(await resolveBenefitMeasure(t.database.db, 'ptv_a02.fuldtidspersoner.i_alt')).toMatchObject({
      measure: auk01MeasureId('i-alt'),
    });
    expect((await resolveBenefitMeasure(t.database.db, 'y60a02.fuldtidspersoner')).measure).toBe(
      'y60a02.fuldtidspersoner',
    );
  });

  it('a level indicator on a ptv_a02 benefit group is evaluated on the AUK01 group (the stored config unchanged)', async () => {
    const quarters = [...real.get('607')!.keys()].sort();
    const last = quarters.at(-1)!;
    expect(quarters.length).toBeGreaterThan(4);
    const config = {
      measure: 'ptv_a02.fuldtidspersoner.kontanthjaelp',
      area: '607',
      baselinePeriod: '2017Q2',
      target: { kind: 'absolute', value: 1 },
      direction: 'at-most',
      deadline: '2099-12-31',
    };
    const indicator = { id: '1', title: 'Kontanthjælp', kind: 'niveau', config };
    const evs = await evaluateIndicators(
      t.database.db,
      { year_from: 2017 },
      [indicator],
      new Map(),
      '2099-12-31',
    );
    const ev = evs.get('1')!;
    expect(ev.baseline?.value).toBe(kontant('607', '2017Q2'));
    expect(ev.latest).toMatchObject({ value: kontant('607', last), period: last });
    expect(indicator.config.measure).toBe('ptv_a02.fuldtidspersoner.kontanthjaelp');
    const { evaluation, history } = await evaluateWithHistory(
      t.database.db,
      { year_from: 2017 },
      indicator,
      null,
      '2099-12-31',
    );
    expect(evaluation.latest?.value).toBe(kontant('607', last));
    expect(history?.own.find((p) => p.period === '2017Q2')?.value).toBe(kontant('607', '2017Q2'));
  });

  it('the Word report prints the AUK01 rows with their source', async () => {
    const report = await buildBenefitReport(t.database.db, {
      area: '607',
      from: parsePeriod('2017Q2'),
      to: parsePeriod('2018Q2'),
      source: 'ptv_a02',
    });
    const bytes = await render(report, 'docx');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('Kontanthjælp samt integrationsydelse');
    expect(text).toContain(new Intl.NumberFormat('da-DK').format(kontant('607', '2017Q2')));
    expect(text).toContain('Danmarks Statistik AUK01 (fuldtidsmodtagere)');
    expect(text).toContain('Kilde: Danmarks Statistik');
    expect(text).not.toContain('Ikke importeret');
  });
});
