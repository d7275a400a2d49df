// The evaluation engine on the shipped real data: query counts that do not grow with the plan, group
// rates as ratios of sums, exact "what it takes", as-of dates and periods aggregated from months.
// Every expected figure was computed a second way with exact fractions from datasets/ (see the comments).
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGoal, insertIndicator, insertPlan, insertRound } from '../../src/db/repositories/plans.ts';
import type { DB } from '../../src/db/schema.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import { buildStatusReport } from '../../src/reports/status-report.ts';
import type { Actor } from '../../src/services/access.ts';
import { DEMO_FILES } from '../../src/services/demo-data.ts';
import { evaluateIndicators } from '../../src/services/evaluation.ts';
import { runImport } from '../../src/services/imports.ts';
import { dashboard, readPlan, readRound } from '../../src/services/plans.ts';
import { developmentRow, rank } from '../../src/services/statistics.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const FILES = ['Jobindsats Y30R21', 'Jobindsats Y25I01', 'Jobindsats Y60A02', 'Danmarks Statistik FOLK1AM'];

/** A Kysely that counts the queries it executes. */
function counting(db: Kysely<DB>) {
  const counter = { n: 0 };
  const counted = db.withPlugin({
    transformQuery: (a) => a.node,
    transformResult: async (a) => {
      counter.n++;
      return a.result;
    },
  });
  return { db: counted, counter };
}

const TEMPLATES = (area: string) => [
  {
    kind: 'niveau' as const,
    config: {
      measure: 'y25i01.ledige_fuldtidspersoner',
      area,
      baselinePeriod: '2022Q3',
      target: { kind: 'relative', pct: -10 },
      direction: 'at-most',
      deadline: '2026-12-31',
    },
  },
  {
    kind: 'placering' as const,
    config: {
      measure: 'y60a02.fuldtidspersoner',
      denominator: 'folk1am.befolkning',
      area,
      direction: 'lower',
      targetRank: 50,
      deadline: '2026-12-31',
    },
  },
  {
    kind: 'benchmark' as const,
    config: {
      measure: 'y25i01.ledige_pct_dagpenge',
      area,
      compareWith: 'sammenligningsområde',
      direction: 'lower',
      deadline: '2026-12-31',
    },
  },
  {
    kind: 'andel' as const,
    config: {
      mode: 'rate',
      numerator: 'y60a02.fuldtidspersoner',
      denominator: 'folk1am.befolkning',
      area,
      baselineValue: 1,
      baselineDate: '2022-01-31',
      targetValue: 0.8,
      direction: 'at-most',
      deadline: '2026-12-31',
    },
  },
  {
    kind: 'placering' as const,
    config: {
      measure: 'y30r21.faktisk_andel.i_alt',
      area,
      direction: 'lower',
      targetRank: 40,
      deadline: '2022-12-31',
    },
  },
  { kind: 'milepæl' as const, config: { deadline: '2026-06-30' } },
  {
    kind: 'optælling' as const,
    config: { target: 100, unit: 'besøg', startDate: '2026-01-01', deadline: '2026-12-31' },
  },
];

const AREAS = ['101', '147', '151', '173', '320', '607', '751', '851'];

async function makePlan(db: Kysely<DB>, slug: string, indicators: number) {
  const plan = await insertPlan(db, '607', {
    title: `Testplan ${slug}`,
    slug,
    yearFrom: 2026,
    yearTo: 2026,
    intro: '',
    status: 'vedtaget',
    adoptedOn: '2026-01-15',
  });
  const goal = await insertGoal(db, String(plan.id), {
    number: '1',
    kind: 'lokalt mål',
    title: 'Mål',
    text: '',
    position: 0,
  });
  for (let i = 0; i < indicators; i++) {
    const area = AREAS[i % AREAS.length]!;
    const all = TEMPLATES(area);
    const t = all[i % all.length]!;
    await insertIndicator(db, String(goal.id), {
      kind: t.kind,
      title: `Indikator ${i + 1}`,
      config: t.config,
      sourceNote: '',
      position: i,
    });
  }
  const round = await insertRound(db, String(plan.id), { title: 'Status august 2026', asOf: '2026-08-31' });
  return { planId: String(plan.id), roundId: String(round.id) };
}

describe.each(ENGINES)('evaluation engine on %s', (engine) => {
  let t: TestDb;
  let db: Kysely<DB>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    db = t.database.db;
    for (const f of DEMO_FILES.filter((x) => FILES.includes(x.label)))
      await runImport(db, f.parse(), { createdBy: 'test' });
  }, 180_000);
  afterAll(async () => t?.cleanup());

  it('evaluates a plan of 5 and of 40 indicators in the same number of queries', async () => {
    const small = await makePlan(db, 'fem', 5);
    const large = await makePlan(db, 'fyrre', 40);
    const anon: Actor = {
      user: {
        id: '1',
        email: 'admin',
        name: 'Admin',
        passwordHash: null,
        isSuperadmin: true,
        memberships: [],
      },
    };
    const measure = async (f: (d: Kysely<DB>) => Promise<unknown>) => {
      const c = counting(db);
      await f(c.db);
      return c.counter.n;
    };
    const counts = {} as Record<string, [number, number]>;
    for (const [name, f] of [
      ['dashboard', (d: Kysely<DB>, p: typeof small) => dashboard(d, anon, p.planId)],
      ['round', (d: Kysely<DB>, p: typeof small) => readRound(d, anon, p.roundId)],
      ['report', (d: Kysely<DB>, p: typeof small) => buildStatusReport(d, anon, p.roundId, { charts: true })],
    ] as const) {
      counts[name] = [await measure((d) => f(d, small)), await measure((d) => f(d, large))];
    }
    expect(Object.keys(counts)).toHaveLength(3);
    console.info(`queries (5 indicators, 40 indicators) on ${engine}: ${JSON.stringify(counts)}`);
    for (const [name, [five, forty]] of Object.entries(counts)) {
      expect(five, name).toBeGreaterThan(0);
      expect(forty, `${name}: 5 indicators ${five} queries, 40 indicators ${forty}`).toBe(five);
    }
    // The 40 indicators really were evaluated (each template kind present), not skipped.
    const d = await dashboard(db, anon, large.planId);
    expect(d.items).toHaveLength(40);
    expect(new Set(d.items.map((i) => i.evaluation.kind))).toEqual(
      new Set(['niveau', 'placering', 'benchmark', 'andel', 'milepæl', 'optælling']),
    );
    expect(d.items.filter((i) => i.evaluation.latest !== null).length).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it("judges Fredericia against Region Syddanmark's rate as a ratio of sums (2026M07)", async () => {
    const p = await makePlan(db, 'fredericia-region', 0);
    const plan = (await readPlan(db, { user: null }, p.planId)).plan;
    const ind = {
      id: 'x',
      title: 'Forsikrede ledige under regionsgennemsnittet',
      kind: 'benchmark',
      config: {
        measure: 'y25i01.ledige_pct_dagpenge',
        area: '607',
        compareWith: 'sammenligningsområde',
        direction: 'lower',
        deadline: '2026-12-31',
      },
    };
    const ev = (await evaluateIndicators(db, plan, [ind], new Map(), '2026-08-31')).get('x')!;
    expect(ev.latest).toMatchObject({ value: 2.2, period: '2026M07' });
    // Exact fractions over the 22 municipalities of Region Syddanmark in 2026M07:
    // Σ ledige 13.474 ÷ Σ (ledige ÷ pct/100) = 600.052,73… → 2,2454693225573…% (the plain mean is 1,9909…%).
    expect(ev.comparison!.name).toBe('Region Syddanmark');
    expect(ev.comparison!.basis).toBe('afledt nævner');
    expect(ev.comparison!.value).toBeCloseTo(2.245469322557332, 10);
    expect(ev.status).toBe('opfyldt');
    expect(ev.whatItTakes!.change).toBe(0);
    expect(ev.basis.map((b) => b.figure)).toContain('Region Syddanmarks værdi');
  });

  it('says København needs −1,3 percentage points to reach the national unemployment rate (2026M07)', async () => {
    const r = await rank(db, { measure: 'y25i01.ledige_pct', period: parsePeriod('2026M07'), area: '101' });
    // datasets: København 4,3 %, Hele landet (published, 000) 3,0 %.
    expect(r.value).toBe(4.3);
    expect(r.nationalRate).toBe(3);
    expect(r.nationalBasis).toBe('hele landet');
    expect(r.toNationalAverage).toBe(-1.3);
    expect(r.changeUnit).toBe('procentpoint');
    expect(r.toNationalAverageText).toBe('−1,3 procentpoint for at nå landsgennemsnittet');
    expect(r.direction).toBe('lower');
  });

  it('answers Y30R21 forskel exactly: Frederiksberg 0 to rank 10, Ballerup −0,49 pp to rank 1 (2021QMAT02)', async () => {
    const q = { measure: 'y30r21.forskel_andel.i_alt', period: parsePeriod('2021QMAT02') };
    const frb = await rank(db, { ...q, area: '147', targetRank: 10 });
    expect(frb.rank).toBe(3);
    expect(frb.toTargetRank).toBe(0);
    // Ballerup −0,81 at rank 2; rank 1 is Brøndby with −1,30: −1,30 − (−0,81) = −0,49.
    const bal = await rank(db, { ...q, area: '151', targetRank: 1 });
    expect(bal.rank).toBe(2);
    expect(bal.toTargetRank).toBe(-0.49);
    expect(bal.rankAfter).toBe(1);
    expect(bal.changeUnit).toBe('procentpoint');
  });

  it('gives the national Y30R21 share as a population-weighted ratio of sums, and counts no national average', async () => {
    const r = await rank(db, {
      measure: 'y30r21.faktisk_andel.i_alt',
      period: parsePeriod('2021QMAT02'),
      area: '607',
    });
    // Σ faktisk antal ÷ Σ (antal ÷ andel) over 98 municipalities = 9,5793…% (the plain mean is 9,404 %).
    expect(r.nationalRate).toBeCloseTo(9.579356263508293, 10);
    expect(r.nationalBasis).toBe('summen af kommunerne (afledt nævner)');
    const c = await rank(db, {
      measure: 'y60a02.fuldtidspersoner',
      period: parsePeriod('2026M07'),
      area: '101',
    });
    expect(c.nationalRate).toBeNull();
    expect(c.toNationalAverage).toBeNull();
    expect(c.nationalBasis).toBe('et antal har intet landsgennemsnit');
  });

  it('develops y25i01 over rolling years from the months, and refuses an incomplete one with its reason', async () => {
    const d = await developmentRow(db, {
      measure: 'y25i01.ledige_fuldtidspersoner',
      area: '101',
      from: parsePeriod('2022QMAT03'),
      to: parsePeriod('2023QMAT03'),
    });
    // 2021M10–2022M09: 157.873/12 = 13.156,083…; 2022M10–2023M09: 39.677/3 = 13.225,666…
    expect(d.municipality.from).toBeCloseTo(157873 / 12, 9);
    expect(d.municipality.to).toBeCloseTo(39677 / 3, 9);
    expect(d.municipality.change).toBeCloseTo(39677 / 3 - 157873 / 12, 9);
    // Hele landet: 152.925/2 → 244.795/3.
    expect(d.country.from).toBeCloseTo(152925 / 2, 9);
    expect(d.country.to).toBeCloseTo(244795 / 3, 9);
    expect(d.country.basis).toBe('importeret');
    // 2022QMAT02 needs 2021M07, one month before the data set starts.
    await expect(
      developmentRow(db, {
        measure: 'y25i01.ledige_fuldtidspersoner',
        area: '101',
        from: parsePeriod('2022QMAT02'),
        to: parsePeriod('2023QMAT02'),
      }),
    ).rejects.toThrow(/ikke komplet: højst 11 af 12 måneder/);
  });

  it('refuses a rank whose denominator has no data in the period with a Danish 400, not a 500', async () => {
    // folk1am.befolkning ends 2026M02.
    await expect(
      rank(db, {
        measure: 'y60a02.fuldtidspersoner',
        period: parsePeriod('2026M07'),
        area: '101',
        denominator: 'folk1am.befolkning',
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/nævneren folk1am\.befolkning/),
    });
  });
});
