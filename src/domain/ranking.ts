// Ranking the 98 municipalities on a rate (numerator ÷ denominator) or a level, and "what it takes":
// the smallest whole change of one municipality's numerator that reaches a target rank or an average.

export type RankDirection = 'lower' | 'higher';

export interface RankInput {
  area: string;
  /** e.g. full-time persons on public support; null = missing or suppressed. */
  numerator: number | null;
  /** e.g. population 16–66; 1 (or omitted) for ranking on the level itself. */
  denominator?: number | null;
}

export interface RankedArea {
  area: string;
  numerator: number;
  denominator: number;
  value: number;
  /** Competition ranking ("1224"): ties share the best rank, the next rank skips. */
  rank: number;
}

export interface Ranking {
  ranking: RankedArea[];
  /** Areas left out because a value was missing (never treated as zero). */
  missing: string[];
  direction: RankDirection;
}

/** Compares two rates n1/d1 and n2/d2 exactly by cross-multiplication (denominators positive). */
function cmpRate(n1: number, d1: number, n2: number, d2: number): number {
  return n1 * d2 - n2 * d1;
}

export function rankAreas(inputs: readonly RankInput[], direction: RankDirection = 'lower'): Ranking {
  const missing: string[] = [];
  const rows: Omit<RankedArea, 'rank'>[] = [];
  for (const i of inputs) {
    const den = i.denominator === undefined ? 1 : i.denominator;
    if (i.numerator === null || den === null || !(den > 0) || !Number.isFinite(i.numerator)) {
      missing.push(i.area);
      continue;
    }
    rows.push({ area: i.area, numerator: i.numerator, denominator: den, value: i.numerator / den });
  }
  const sign = direction === 'lower' ? 1 : -1;
  rows.sort(
    (a, b) =>
      sign * cmpRate(a.numerator, a.denominator, b.numerator, b.denominator) ||
      (a.area < b.area ? -1 : a.area > b.area ? 1 : 0),
  );
  const ranking: RankedArea[] = [];
  rows.forEach((r, i) => {
    const prev = ranking[i - 1];
    const tied = prev && cmpRate(prev.numerator, prev.denominator, r.numerator, r.denominator) === 0;
    ranking.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  return { ranking, missing, direction };
}

/** Rank of one area's rate among others (competition ranking): 1 + number strictly better. */
export function rankOf(
  numerator: number,
  denominator: number,
  others: readonly { numerator: number; denominator: number }[],
  direction: RankDirection,
): number {
  const sign = direction === 'lower' ? 1 : -1;
  let better = 0;
  for (const o of others)
    if (sign * cmpRate(o.numerator, o.denominator, numerator, denominator) < 0) better++;
  return better + 1;
}

/**
 * Smallest whole change d of the numerator with (n + d)/den at or better than `limitNum/limitDen`.
 * For 'lower', d ≤ 0 (a reduction); for 'higher', d ≥ 0. 0 means the rate is already there.
 */
export function changeToReachRate(
  numerator: number,
  denominator: number,
  limitNum: number,
  limitDen: number,
  direction: RankDirection,
): number {
  const ok = (d: number) => {
    const c = cmpRate(numerator + d, denominator, limitNum, limitDen);
    return direction === 'lower' ? c <= 0 : c >= 0;
  };
  if (ok(0)) return 0;
  // Start from the floating-point estimate, then correct exactly: ok() is monotone in d.
  const exact = (limitNum / limitDen) * denominator - numerator;
  if (direction === 'lower') {
    let d = Math.floor(exact);
    while (!ok(d)) d--;
    while (ok(d + 1)) d++;
    return d;
  }
  let d = Math.ceil(exact);
  while (!ok(d)) d++;
  while (ok(d - 1)) d--;
  return d;
}

export interface WhatItTakes {
  /**
   * Smallest change of the municipality's own value that reaches the target: for 'whole' a whole change of the
   * numerator (persons, full-time persons; negative = a reduction, rounded away from zero so it is never too
   * small); for 'exact' the change of the value itself in the measure's unit (percentage points). 0 = already there.
   */
  change: number;
  /** Rank after the change, found by ranking again (ties share the better rank). */
  rankAfter: number;
}

/**
 * How a change is counted: 'whole' changes the numerator in whole units with the denominator fixed (counts of
 * persons, never below 0); 'exact' changes the value itself, which may be a share or a signed difference.
 */
export type ChangeMode = 'whole' | 'exact';

/** a − b without floating-point dust (4,3 − 3,0 = 1,3 exactly as shown, not 1,2999999999999998). */
export function cleanDifference(a: number, b: number): number {
  return Number((a - b).toPrecision(12));
}

/**
 * What it takes for `area` to reach rank ≤ targetRank, all other areas held fixed.
 * With others sorted best-first as o1…oN, rank ≤ R exactly when the area's rate is at or better than o_R
 * (ties share the better rank). The answer is checked by ranking again with the changed value.
 */
export function changeToReachRank(
  ranking: Ranking,
  area: string,
  targetRank: number,
  mode: ChangeMode = 'whole',
): WhatItTakes | undefined {
  const self = ranking.ranking.find((r) => r.area === area);
  if (!self) return undefined;
  const others = ranking.ranking.filter((r) => r.area !== area);
  const dir = ranking.direction;
  if (targetRank < 1) throw new RangeError('targetRank must be ≥ 1');
  if (self.rank <= targetRank || targetRank > others.length) return { change: 0, rankAfter: self.rank };
  const limit = others[targetRank - 1]!; // others are in rank order
  if (mode === 'exact') {
    // Landing exactly on the limit's value ties with it, which shares its rank: the smallest change.
    const valueAfter = limit.value;
    const rankAfter = rankOf(valueAfter, 1, asValues(others), dir);
    return { change: cleanDifference(valueAfter, self.value), rankAfter };
  }
  let change = changeToReachRate(self.numerator, self.denominator, limit.numerator, limit.denominator, dir);
  if (dir === 'lower' && self.numerator + change < 0) change = -self.numerator;
  const rankAfter = rankOf(self.numerator + change, self.denominator, others, dir);
  return { change, rankAfter };
}

function asValues(rows: readonly RankedArea[]) {
  return rows.map((r) => ({ numerator: r.value, denominator: 1 }));
}

/**
 * The rate of the aggregate: sum of numerators over sum of denominators (not the mean of the rates),
 * which is how the national and regional averages are published (e.g. share of 16–66-year-olds on
 * public support in the whole country).
 */
export function aggregateRate(rows: readonly { numerator: number; denominator: number }[]): {
  numerator: number;
  denominator: number;
  value: number;
} {
  const numerator = rows.reduce((s, r) => s + r.numerator, 0);
  const denominator = rows.reduce((s, r) => s + r.denominator, 0);
  return { numerator, denominator, value: numerator / denominator };
}

/** What it takes to bring the area's rate to or below (above, for 'higher') an average held fixed. */
export function changeToReachAverage(
  ranking: Ranking,
  area: string,
  average: { numerator: number; denominator: number },
  mode: ChangeMode = 'whole',
): number | undefined {
  const self = ranking.ranking.find((r) => r.area === area);
  if (!self) return undefined;
  if (mode === 'exact') {
    const avg = average.numerator / average.denominator;
    const reached = ranking.direction === 'lower' ? self.value <= avg : self.value >= avg;
    return reached ? 0 : cleanDifference(avg, self.value);
  }
  return changeToReachRate(
    self.numerator,
    self.denominator,
    average.numerator,
    average.denominator,
    ranking.direction,
  );
}
