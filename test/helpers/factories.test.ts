// The factories themselves, on both engines: the world they build is what the services see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KINDS } from '../../src/domain/indicators.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import { readPlan, readRound } from '../../src/services/plans.ts';
import { observations } from '../../src/services/statistics.ts';
import { readDerivedCsv } from './datasets.ts';
import { createTestDb, ENGINES, type TestDb } from './db.ts';
import { createMunicipality, createPlan, createRound, createSeries, loadDataset } from './factories.ts';

describe.each(ENGINES)('test factories on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  }, 300_000);
  afterAll(async () => t?.cleanup());

  it('a municipality has an administrator, a redaktør and a læser, each with that role only', async () => {
    const m = await createMunicipality(t.services, '320');
    const roles = [m.administrator, m.editor, m.reader].map((u) => u.actor.user!.memberships);
    expect(roles).toEqual([
      [{ municipality: '320', role: 'administrator' }],
      [{ municipality: '320', role: 'redaktør' }],
      [{ municipality: '320', role: 'læser' }],
    ]);
    expect(new Set([m.administrator.email, m.editor.email, m.reader.email]).size).toBe(3);
  });

  it('a plan holds one indicator of each kind, and a round evaluates every one of them', async () => {
    await loadDataset(t.services, 'Jobindsats Y25I01');
    await loadDataset(t.services, 'Jobindsats Y30R21');
    const m = await createMunicipality(t.services, '320');
    const plan = await createPlan(t.services, m, { adoptedOn: '2020-01-30' });
    expect(plan.indicators.map((i) => i.kind)).toEqual([...INDICATOR_KINDS]);
    const read = await readPlan(t.database.db, m.reader.actor, plan.id);
    expect(read.plan.status).toBe('vedtaget');
    expect(read.indicators.map((i) => i.kind)).toEqual([...INDICATOR_KINDS]);
    const count = plan.indicators.find((i) => i.kind === 'optælling')!.id;
    const round = await createRound(t.services, m, plan, {
      asOf: '2021-04-30',
      entries: { [count]: { text: 'Pr. april 2021 gennemført 239 virksomhedsbesøg', value: 239 } },
      publish: true,
    });
    const view = await readRound(t.database.db, { user: null }, round.id);
    expect(view.round.status).toBe('offentliggjort');
    expect(view.items).toHaveLength(INDICATOR_KINDS.length);
    const counted = view.items.find((i) => i.indicator.kind === 'optælling')!;
    // Seed 002: 239 of 450 visits by April 2021 over 2020-2021.
    expect(counted.evaluation.progressText).toBe('239 af 450 besøg (53 %)');
    expect(counted.entry?.text).toBe('Pr. april 2021 gennemført 239 virksomhedsbesøg');
  });

  it('a real dataset lands with its published figures', async () => {
    const summary = await loadDataset(t.services, 'Jobindsats Y25I01');
    expect(summary.new + summary.unchanged).toBeGreaterThan(0);
    const faxe = readDerivedCsv('jobindsats/y25i01_ledighed_kommuner_maaned.csv').find(
      (r) => r.kommunekode === '320' && r.periode === '2021M08',
    )!;
    const { points } = await observations(t.database.db, {
      measure: 'y25i01.ledige_pct_dagpenge',
      area: '320',
      from: parsePeriod('2021M08'),
      to: parsePeriod('2021M08'),
    });
    expect(points.map((p) => p.value)).toEqual([Number(faxe.ledige_pct_dagpenge)]); // 2,3 %
  });

  it('a test series is stored under its own measure, labelled as generated', async () => {
    const { measure, summary } = await createSeries(t.services, {
      '320': { '2024M01': 10, '2024M02': 12, '2024M03': null },
      '607': { '2024M01': 7 },
    });
    expect(summary.new).toBe(4);
    const { measure: record, points } = await observations(t.database.db, { measure, area: '320' });
    expect(record.source).toBe('Testdata (genereret)');
    expect(points.map((p) => [p.period, p.value])).toEqual([
      ['2024M01', 10],
      ['2024M02', 12],
      ['2024M03', null],
    ]);
  });
});
