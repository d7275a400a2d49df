// The three seed plans as demo content, evaluated on the real demo statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlans } from '../../src/db/repositories/plans.ts';
import { loadDemoStatistics } from '../../src/services/demo-data.ts';
import { loadDemoPlans } from '../../src/services/demo-plans.ts';
import { evaluateIndicators } from '../../src/services/evaluation.ts';
import { readPlan, readRound } from '../../src/services/plans.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

describe('demo plans from the seeds', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await loadDemoStatistics(t.database.db);
    expect(await loadDemoPlans(t.database.db)).toBe(3);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it('enters each plan once, with municipality code and slug', async () => {
    expect(await loadDemoPlans(t.database.db)).toBe(0);
    const plans = await listPlans(t.database.db);
    expect(plans.map((p) => `${p.municipality}/${p.slug}`).sort()).toEqual([
      '173/beskaeftigelsesplan-2015',
      '320/beskaeftigelsesplan-2020-2021',
      '607/beskaeftigelsesplan-2019',
    ]);
  });

  it('reproduces the Faxe April 2021 status (seed 002) in a published round', async () => {
    const faxe = (await listPlans(t.database.db, '320'))[0]!;
    const { rounds } = await readPlan(t.database.db, { user: null }, String(faxe.id));
    expect(rounds.map((r) => [r.title, r.status])).toEqual([['Status april 2021', 'offentliggjort']]);
    const round = await readRound(t.database.db, { user: null }, String(rounds[0]!.id));
    const by = (start: string) => round.items.find((i) => i.indicator.title.startsWith(start))!;
    // "Pr. april 2021 gennemført 239 virksomhedsbesøg" of 450.
    expect(by('50 % af kommunens 900').evaluation.progressText).toBe('239 af 450 virksomhedsbesøg (53 %)');
    // "… i Faxe Kommune på 49,7 %" against 50 % by end 2021, from 40 % in July 2019.
    expect(by('Andelen af beskæftigede flygtninge').evaluation.latest!.value).toBe(49.7);
    expect(by('Andelen af beskæftigede flygtninge').evaluation.status).toBe('på rette vej');
    // "15,3 % af fleksjobvisiterede var på ledighedsydelse" against at most 18 %.
    expect(by('Ved udgangen af 2020').evaluation.status).toBe('opfyldt');
    expect(by('Ved udgangen af 2020').evaluation.latest!.value).toBe(15.3);
    expect(by('Alle medarbejdere med borgerkontakt').evaluation.status).toBe('opfyldt');
    expect(round.summary.Opfyldt).toBeGreaterThanOrEqual(4);
  });

  it('flags the Lyngby-Taarbæk goals whose stated figures disagree (seed 004)', async () => {
    const ltk = (await listPlans(t.database.db, '173'))[0]!;
    const plan = await readPlan(t.database.db, { user: null }, String(ltk.id));
    const levels = plan.indicators.filter((i) => i.kind === 'niveau');
    const evs = await evaluateIndicators(t.database.db, plan.plan, levels, new Map(), '2015-03-01');
    const verdicts: Record<string, boolean | null> = {};
    expect(levels.length).toBe(7);
    for (const ind of levels) {
      const goal = plan.goals.find((g) => String(g.id) === ind.goal_id)!;
      const ev = evs.get(ind.id)!;
      verdicts[goal.number] = ev.consistency?.consistent ?? null;
    }
    expect(verdicts).toEqual({
      '1': true,
      '2': false,
      '3': true,
      '4': true,
      '5': true,
      '6': true,
      '7': false,
    });
  });

  it('judges the Fredericia 2019 plan at its deadline, with later Y30R21 ranks shown as after the deadline', async () => {
    const fr = (await listPlans(t.database.db, '607'))[0]!;
    const plan = await readPlan(t.database.db, { user: null }, String(fr.id));
    const ind = plan.indicators.find(
      (i) =>
        i.kind === 'placering' && (i.config as { measure?: string }).measure === 'y30r21.faktisk_andel.i_alt',
    )!;
    const ev = (await evaluateIndicators(t.database.db, plan.plan, [ind], new Map(), '2026-11-23')).get(
      ind.id,
    )!;
    // Deadline 2019-12-31: no Y30R21 period ends by then (the data start with 2020QMAT02).
    expect(ev.judgedAt).toBe('2019-12-31');
    expect(ev.latest).toBeNull();
    expect(ev.status).toBe('kan ikke vurderes');
    expect(ev.afterDeadline!.period).toBe('2022QMAT04');
    expect(ev.afterDeadline!.label).toBe('efter fristen');
    expect(ev.afterDeadline!.value).toBe(92);
    // Its rank over time is there for the chart: the 6 published MAT periods.
    expect(ev.rankHistory.map((r) => r.period)).toEqual([
      '2020QMAT02',
      '2020QMAT04',
      '2021QMAT02',
      '2021QMAT04',
      '2022QMAT02',
      '2022QMAT04',
    ]);
    expect(ev.rankHistory.every((r) => r.of === 98)).toBe(true);
  });
});
