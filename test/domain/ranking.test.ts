import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRate,
  changeToReachAverage,
  changeToReachRank,
  type RankInput,
  rankAreas,
  rankOf,
} from '../../src/domain/ranking.ts';
import { readDerivedCsv } from '../helpers/datasets.ts';

describe('ranking', () => {
  it('uses competition ranking for ties and leaves missing values out', () => {
    const r = rankAreas([
      { area: 'a', numerator: 5, denominator: 100 },
      { area: 'b', numerator: 10, denominator: 200 }, // same rate as a
      { area: 'c', numerator: 3, denominator: 100 },
      { area: 'd', numerator: null, denominator: 100 }, // suppressed: not zero, not ranked
      { area: 'e', numerator: 7, denominator: 100 },
    ]);
    expect(r.ranking.map((x) => [x.area, x.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['e', 4],
    ]);
    expect(r.missing).toEqual(['d']);
  });

  it('ranks higher-is-better when asked', () => {
    const r = rankAreas(
      [
        { area: 'a', numerator: 44 },
        { area: 'b', numerator: 38 },
      ],
      'higher',
    );
    expect(r.ranking[0]!.area).toBe('a');
  });

  it('finds what it takes to reach a rank: the smallest whole reduction', () => {
    const r = rankAreas([
      { area: 'x', numerator: 100, denominator: 1000 }, // 10 %
      { area: 'y', numerator: 80, denominator: 1000 }, // 8 %
      { area: 'z', numerator: 50, denominator: 1000 }, // 5 %
    ]);
    expect(r.ranking.find((a) => a.area === 'x')!.rank).toBe(3);
    expect(changeToReachRank(r, 'x', 2)).toEqual({ change: -20, rankAfter: 2 }); // tie with y shares rank 2
    expect(changeToReachRank(r, 'x', 1)).toEqual({ change: -50, rankAfter: 1 });
    expect(changeToReachRank(r, 'x', 3)).toEqual({ change: 0, rankAfter: 3 });
  });

  it('finds what it takes to reach the average of the aggregate', () => {
    const rows = [
      { area: 'x', numerator: 100, denominator: 1000 },
      { area: 'y', numerator: 50, denominator: 3000 },
    ];
    const r = rankAreas(rows);
    const avg = aggregateRate(rows as { numerator: number; denominator: number }[]); // 150 / 4000 = 3,75 %
    expect(avg.value).toBeCloseTo(0.0375, 10);
    // 100 + d ≤ 37,5 → d = −63 (37 / 1000 = 3,7 %; 38 / 1000 = 3,8 % is still above)
    expect(changeToReachAverage(r, 'x', avg)).toBe(-63);
  });

  const arbInputs = fc
    .array(
      fc.record({
        numerator: fc.integer({ min: 0, max: 5000 }),
        denominator: fc.integer({ min: 1000, max: 60000 }),
      }),
      { minLength: 2, maxLength: 98 },
    )
    .map((rows) => rows.map((r, i) => ({ area: String(i).padStart(3, '0'), ...r })));

  it('property: applying the computed change reaches the target rank, and one person less does not', () => {
    fc.assert(
      fc.property(arbInputs, fc.nat(), fc.nat(), (rows, pick, rankPick) => {
        const r = rankAreas(rows);
        const self = r.ranking[pick % r.ranking.length]!;
        const targetRank = (rankPick % r.ranking.length) + 1;
        const res = changeToReachRank(r, self.area, targetRank)!;
        const others = r.ranking.filter((x) => x.area !== self.area);
        const after = rankOf(self.numerator + res.change, self.denominator, others, 'lower');
        expect(after).toBeLessThanOrEqual(targetRank);
        expect(res.change).toBeLessThanOrEqual(0);
        if (res.change < 0) {
          expect(rankOf(self.numerator + res.change + 1, self.denominator, others, 'lower')).toBeGreaterThan(
            targetRank,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the change to the national average reaches it, and one less does not', () => {
    fc.assert(
      fc.property(arbInputs, fc.nat(), (rows, pick) => {
        const r = rankAreas(rows);
        const self = r.ranking[pick % r.ranking.length]!;
        const avg = aggregateRate(r.ranking);
        const d = changeToReachAverage(r, self.area, avg)!;
        const rate = (n: number) => n * avg.denominator <= avg.numerator * self.denominator;
        expect(rate(self.numerator + d)).toBe(true);
        if (d < 0) expect(rate(self.numerator + d + 1)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: higher-is-better changes are increases that reach the rank', () => {
    fc.assert(
      fc.property(arbInputs, fc.nat(), fc.nat(), (rows, pick, rankPick) => {
        const r = rankAreas(rows, 'higher');
        const self = r.ranking[pick % r.ranking.length]!;
        const targetRank = (rankPick % r.ranking.length) + 1;
        const res = changeToReachRank(r, self.area, targetRank)!;
        const others = r.ranking.filter((x) => x.area !== self.area);
        expect(res.change).toBeGreaterThanOrEqual(0);
        expect(rankOf(self.numerator + res.change, self.denominator, others, 'higher')).toBeLessThanOrEqual(
          targetRank,
        );
        if (res.change > 0) {
          expect(rankOf(self.numerator + res.change - 1, self.denominator, others, 'higher')).toBeGreaterThan(
            targetRank,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('ranking on the real Y30R21 benchmark (datasets/jobindsats, Jobindsats.dk, STAR)', () => {
  const rows = readDerivedCsv('jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.csv');
  const periods = ['2020QMAT02', '2020QMAT04', '2021QMAT02', '2021QMAT04', '2022QMAT02', '2022QMAT04'];

  it.each(periods)(
    'ranks Fredericia on the actual share on public support in %s as an independent count does',
    (period) => {
      const list = rows.filter((r) => r.periode === period && r.ydelsesgruppe === 'Ydelsesgrupper i alt');
      expect(list).toHaveLength(98);
      const inputs: RankInput[] = list.map((r) => ({
        area: r.kommunekode!,
        numerator: Number(r.faktisk_andel_pct),
      }));
      const ranked = rankAreas(inputs, 'lower');
      const fredericia = ranked.ranking.find((x) => x.area === '607')!;
      // Independent: 1 + the number of municipalities with a strictly lower share.
      const share = Number(list.find((r) => r.kommunekode === '607')!.faktisk_andel_pct);
      const independent = 1 + list.filter((r) => Number(r.faktisk_andel_pct) < share).length;
      expect(fredericia.rank).toBe(independent);
      const ties = list.filter((r) => Number(r.faktisk_andel_pct) === share).length;
      expect(ranked.ranking.filter((x) => x.rank === fredericia.rank)).toHaveLength(ties);
    },
  );

  it.each(periods)(
    'agrees with the official benchmark rank on the share-point differences in %s',
    (period) => {
      for (const group of [
        'Ydelsesgrupper i alt',
        'A-dagpenge mv.',
        'Sygedagpenge mv.',
        'Kontanthjælp mv.',
      ]) {
        const list = rows.filter((r) => r.periode === period && r.ydelsesgruppe === group);
        const ranked = rankAreas(
          list.map((r) => ({ area: r.kommunekode!, numerator: Number(r.forskel_andel_pctpoint) })),
          'lower',
        );
        const official = new Map(list.map((r) => [r.kommunekode!, Number(r.placering_benchmarkrangliste)]));
        // Length guard: the loops below must see every municipality, not pass on an empty list.
        expect(list).toHaveLength(98);
        expect(ranked.ranking).toHaveLength(98);
        // No pair in the opposite order: a better (lower) computed rank never has a worse official rank
        // unless the rounded differences tie.
        for (const a of ranked.ranking) {
          for (const b of ranked.ranking) {
            if (a.rank < b.rank) expect(official.get(a.area)!).toBeLessThan(official.get(b.area)!);
          }
          // The official rank lies within the block of tied ranks.
          const tiedCount = ranked.ranking.filter((x) => x.rank === a.rank).length;
          expect(official.get(a.area)!).toBeGreaterThanOrEqual(a.rank);
          expect(official.get(a.area)!).toBeLessThan(a.rank + tiedCount);
        }
      }
    },
  );
});
