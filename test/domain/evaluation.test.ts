// The pure evaluation engine on small hand-made fact snapshots: as-of dates, judging only up to the
// deadline, "ikke vurderet", and group rates as ratios of sums.
import { describe, expect, it } from 'vitest';
import { todayInCopenhagen } from '../../src/domain/dates.ts';
import { evaluationDate } from '../../src/domain/evaluation/as-of.ts';
import { evaluatePlan, factNeeds } from '../../src/domain/evaluation/engine.ts';
import type { Facts } from '../../src/domain/evaluation/facts.ts';
import { parseIndicator } from '../../src/domain/evaluation/parse.ts';
import { groupValue } from '../../src/domain/evaluation/rates.ts';

const facts = (series: Record<string, [string, number][]>): Facts => ({
  measures: new Map([
    [
      'm.count',
      {
        id: 'm.count',
        name: 'Ledige',
        unit: 'fuldtidspersoner',
        better: 'lower',
        frequency: 'month',
        attribution: 'Kilde: test',
      },
    ],
  ]),
  series: new Map(
    Object.entries(series).map(([k, pts]) => [
      k,
      pts.map(([period, value]) => ({ period, value, importId: '1' })),
    ]),
  ),
  crossSections: new Map(),
  memberships: () => undefined,
  membersOf: () => [],
  areaName: (id) => id,
});

describe('as-of date', () => {
  it("is the round's date, else the plan's end when passed, else today in Copenhagen", () => {
    const now = new Date('2026-11-23T23:30:00Z'); // already 24 November in Copenhagen
    expect(todayInCopenhagen(now)).toBe('2026-11-24');
    expect(evaluationDate({ year_to: 2021 }, '2021-04-30', now)).toBe('2021-04-30');
    expect(evaluationDate({ year_to: 2015 }, null, now)).toBe('2015-12-31');
    expect(evaluationDate({ year_to: 2027 }, null, now)).toBe('2026-11-24');
  });
});

describe('judging up to the deadline', () => {
  const level = parseIndicator({
    id: '1',
    title: 'Niveau',
    kind: 'niveau',
    config: {
      measure: 'm.count',
      area: '101',
      baselinePeriod: '2019Q4',
      target: { kind: 'absolute', value: 90 },
      direction: 'at-most',
      deadline: '2020-02-29',
    },
  });
  const f = facts({
    'm.count|101': [
      ['2019M10', 100],
      ['2019M11', 110],
      ['2019M12', 120],
      ['2020M01', 95],
      ['2020M02', 92],
      ['2020M03', 80],
    ],
  });

  it('reads what it needs, judges on February 2020 and shows March beside it as "efter fristen"', () => {
    expect(factNeeds([level]).series).toEqual([{ measure: 'm.count', area: '101' }]);
    const [ev] = evaluatePlan([level], f, {
      asOf: '2020-12-31',
      planStart: '2019-01-01',
      entries: new Map(),
    });
    expect(ev!.judgedAt).toBe('2020-02-29');
    expect(ev!.latest).toMatchObject({ value: 92, period: '2020M02' });
    expect(ev!.status).toBe('ikke opfyldt'); // 92 > 90 at the deadline; March's 80 does not count
    expect(ev!.afterDeadline).toMatchObject({ value: 80, period: '2020M03', label: 'efter fristen' });
    // Baseline 2019Q4 of a monthly measure: the mean of its three months.
    expect(ev!.baseline).toEqual({ value: 110, period: '2019Q4' });
    expect(ev!.development).toMatchObject({ change: -18, unit: 'fuldtidspersoner' });
    expect(JSON.parse(JSON.stringify(ev))).toEqual(ev); // a plain serialisable object
  });

  it('gives no after-deadline value before the deadline', () => {
    const [ev] = evaluatePlan([level], f, {
      asOf: '2020-01-31',
      planStart: '2019-01-01',
      entries: new Map(),
    });
    expect(ev!.latest).toMatchObject({ value: 95, period: '2020M01' });
    expect(ev!.afterDeadline).toBeNull();
  });
});

describe('a statistic that has not been imported', () => {
  const ctx = { asOf: '2020-12-31', planStart: '2019-01-01', entries: new Map() };
  const config = {
    measure: 'm.count',
    area: '101',
    baselinePeriod: '2019Q4',
    target: { kind: 'absolute', value: 90 },
    direction: 'at-most',
    deadline: '2020-12-31',
  };
  it('says in plain Danish that the figures are missing and what an administrator can do', () => {
    const level = parseIndicator({ id: '1', title: 'Niveau', kind: 'niveau', config });
    const rank = parseIndicator({
      id: '2',
      title: 'Placering',
      kind: 'placering',
      config: { measure: 'm.count', area: '101', targetRank: 10, direction: 'lower', deadline: '2020-12-31' },
    });
    const evs = evaluatePlan([level, rank], facts({}), ctx);
    expect(evs).toHaveLength(2);
    for (const ev of evs) {
      expect(ev.status).toBe('kan ikke vurderes');
      expect(ev.assessment.reason).toBe(
        'Der er ingen tal for kommunen endnu. En administrator kan hente dem under Statistik.',
      );
    }
  });
  it('keeps the ordinary reason when the figures exist', () => {
    const level = parseIndicator({ id: '1', title: 'Niveau', kind: 'niveau', config });
    const [ev] = evaluatePlan([level], facts({ 'm.count|101': [['2020M06', 95]] }), ctx);
    expect(ev!.assessment.reason).not.toContain('En administrator');
  });
});

describe('milestones and counts without a status', () => {
  const ms = parseIndicator({
    id: '2',
    title: 'Milepæl',
    kind: 'milepæl',
    config: { deadline: '2021-12-31' },
  });
  const count = parseIndicator({
    id: '3',
    title: 'Besøg',
    kind: 'optælling',
    config: { target: 450, unit: 'besøg', startDate: '2020-01-01', deadline: '2021-12-31' },
  });
  const entry = (done: boolean | null, value: number | null = null) => ({
    value,
    value_period: null,
    done,
    assessment_override: null,
    override_reason: null,
  });
  const run = (asOf: string, entries: Map<string, ReturnType<typeof entry>>) =>
    evaluatePlan([ms, count], facts({}), { asOf, planStart: '2020-01-01', entries }).map((e) => e.status);

  it('are "ikke vurderet", not "ikke opfyldt", even after the deadline', () => {
    expect(run('2022-06-30', new Map())).toEqual(['ikke vurderet', 'ikke vurderet']);
  });
  it('are judged once a status is given', () => {
    expect(
      run(
        '2022-06-30',
        new Map([
          ['2', entry(false)],
          ['3', entry(null, 239)],
        ]),
      ),
    ).toEqual(['ikke opfyldt', 'ikke opfyldt']);
    expect(
      run(
        '2021-04-30',
        new Map([
          ['2', entry(true)],
          ['3', entry(null, 239)],
        ]),
      ),
    ).toEqual(['opfyldt', 'i risiko']); // 239 of 450 with 485 of 730 days gone: 239 ÷ 299,0 = 0,80 of the straight path
  });
  it('turns unreadable settings into a reason, not a crash', () => {
    const bad = parseIndicator({ id: '4', title: 'X', kind: 'niveau', config: { area: '101' } });
    expect(bad.kind).toBe('ugyldig');
    const [ev] = evaluatePlan([bad], facts({}), {
      asOf: '2021-01-01',
      planStart: '2021-01-01',
      entries: new Map(),
    });
    expect(ev!.status).toBe('kan ikke vurderes');
  });
});

describe('group rates', () => {
  const cs = (rows: Record<string, number>) => new Map([['2026M07', new Map(Object.entries(rows))]]);
  it('are a ratio of sums with a derived denominator, not the mean of the percentages', () => {
    // A: 10 of 1.000 (1 %), B: 300 of 10.000 (3 %). Mean 2 %; the group's rate 310/11.000 = 2,818… %.
    const g = groupValue({
      groupId: 'G',
      members: ['A', 'B'],
      period: '2026M07',
      unit: 'pct.',
      values: cs({ A: 1, B: 3 }),
      shareCount: { id: 'count', values: cs({ A: 10, B: 300 }) },
    });
    expect(g.basis).toBe('afledt nævner');
    expect(g.value).toBeCloseTo((310 / 11000) * 100, 12);
  });
  it("use the group's own published figure when imported, and never fill in a missing member", () => {
    const own = groupValue({
      groupId: 'G',
      members: ['A'],
      period: '2026M07',
      unit: 'pct.',
      values: cs({ A: 1, G: 2.5 }),
    });
    expect(own).toMatchObject({ value: 2.5, basis: 'offentliggjort' });
    const missing = groupValue({
      groupId: 'G',
      members: ['A', 'B'],
      period: '2026M07',
      unit: 'pct.',
      values: cs({ A: 1 }),
      shareCount: { id: 'count', values: cs({ A: 10 }) },
    });
    expect(missing).toMatchObject({ value: null, basis: 'mangler', missing: ['B'] });
  });
  it('of a share without counts are refused rather than averaged', () => {
    const g = groupValue({
      groupId: 'G',
      members: ['A', 'B'],
      period: '2026M07',
      unit: 'pct.',
      values: cs({ A: 1, B: 3 }),
    });
    expect(g.value).toBeNull();
    expect(g.formula).toMatch(/gennemsnit af kommunernes procenter er ikke områdets andel/);
  });
});
