// "What it takes" checked by ranking again, on random cross-sections of the three kinds of measure:
// signed values (Y30R21 forskel, may be negative), percentages without a denominator, and counts over a
// denominator (whole persons). The answer must reach the target rank, be the smallest such change, and be 0
// when the rank is already reached.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeToReachRank, type RankDirection, rankAreas, rankOf } from '../../src/domain/ranking.ts';

const areas = (n: number) => Array.from({ length: n }, (_, i) => String(100 + i));
const direction = fc.constantFrom<RankDirection>('lower', 'higher');

/** Rank of `area` after setting its value (denominator 1) to `value`, others fixed. */
function rankWithValue(values: number[], i: number, value: number, dir: RankDirection) {
  const others = values.filter((_, j) => j !== i).map((v) => ({ numerator: v, denominator: 1 }));
  return rankOf(value, 1, others, dir);
}

describe('what it takes, verified by re-ranking', () => {
  it('signed and percentage values: exact change, reaches the rank, nothing smaller does', () => {
    fc.assert(
      fc.property(
        // Values with two decimals as published (−1,30 … 15,00), signed and unsigned.
        fc.array(fc.integer({ min: -300, max: 1500 }), { minLength: 3, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        direction,
        (cents, a, t, dir) => {
          const values = cents.map((c) => c / 100);
          const names = areas(values.length);
          const i = a % values.length;
          const target = (t % values.length) + 1;
          const ranking = rankAreas(
            names.map((area, j) => ({ area, numerator: values[j]!, denominator: 1 })),
            dir,
          );
          const self = ranking.ranking.find((r) => r.area === names[i])!;
          const w = changeToReachRank(ranking, names[i]!, target, 'exact')!;
          if (self.rank <= target) {
            expect(w.change).toBe(0);
            return;
          }
          // Reaches the target rank when applied (the value after is the limit itself, tied).
          const after = Number((values[i]! + w.change).toFixed(2));
          expect(rankWithValue(values, i, after, dir)).toBeLessThanOrEqual(target);
          expect(w.rankAfter).toBeLessThanOrEqual(target);
          // The smallest: one hundredth less does not reach it.
          const less = Number((after + (dir === 'lower' ? 0.01 : -0.01)).toFixed(2));
          expect(rankWithValue(values, i, less, dir)).toBeGreaterThan(target);
          // Sign: a better rank under 'lower' needs a lower value.
          expect(Math.sign(w.change)).toBe(dir === 'lower' ? -1 : 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts over a denominator: whole persons, rounded away from zero, minimal, never below 0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ n: fc.integer({ min: 0, max: 5000 }), d: fc.integer({ min: 100, max: 60000 }) }),
          {
            minLength: 3,
            maxLength: 40,
          },
        ),
        fc.nat(),
        fc.nat(),
        direction,
        (rows, a, t, dir) => {
          const names = areas(rows.length);
          const i = a % rows.length;
          const target = (t % rows.length) + 1;
          const ranking = rankAreas(
            names.map((area, j) => ({ area, numerator: rows[j]!.n, denominator: rows[j]!.d })),
            dir,
          );
          const self = ranking.ranking.find((r) => r.area === names[i])!;
          const w = changeToReachRank(ranking, names[i]!, target, 'whole')!;
          expect(Number.isInteger(w.change)).toBe(true);
          const others = rows.filter((_, j) => j !== i).map((r) => ({ numerator: r.n, denominator: r.d }));
          const rankAt = (d: number) => rankOf(rows[i]!.n + d, rows[i]!.d, others, dir);
          if (self.rank <= target) {
            expect(w.change).toBe(0);
            return;
          }
          expect(rows[i]!.n + w.change).toBeGreaterThanOrEqual(0);
          if (rows[i]!.n + w.change === 0) return; // cannot go below zero persons
          expect(rankAt(w.change)).toBeLessThanOrEqual(target);
          expect(w.rankAfter).toBe(rankAt(w.change));
          // One person fewer in the change does not reach it.
          expect(rankAt(w.change + (dir === 'lower' ? 1 : -1))).toBeGreaterThan(target);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts without a denominator: whole persons on the level itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 3, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        direction,
        (counts, a, t, dir) => {
          const names = areas(counts.length);
          const i = a % counts.length;
          const target = (t % counts.length) + 1;
          const ranking = rankAreas(
            names.map((area, j) => ({ area, numerator: counts[j]! })),
            dir,
          );
          const w = changeToReachRank(ranking, names[i]!, target, 'whole')!;
          const self = ranking.ranking.find((r) => r.area === names[i])!;
          if (self.rank <= target) {
            expect(w.change).toBe(0);
            return;
          }
          expect(Number.isInteger(w.change)).toBe(true);
          expect(rankWithValue(counts, i, counts[i]! + w.change, dir)).toBeLessThanOrEqual(target);
          if (counts[i]! + w.change > 0 || dir === 'higher')
            expect(
              rankWithValue(counts, i, counts[i]! + w.change + (dir === 'lower' ? 1 : -1), dir),
            ).toBeGreaterThan(target);
        },
      ),
      { numRuns: 500 },
    );
  });
});
