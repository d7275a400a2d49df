// Targets (resultatniveauer): absolute ("højst 428 personer"), relative to a baseline ("fald på 20 pct."),
// or a number of persons ("svarende til 107 personer"); and a consistency check of what a plan states.
import { formatNumber, roundHalfAway } from './numbers.ts';

/** at-most: lower is better (a fall, "højst"); at-least: higher is better (a rise, "mindst"). */
export type Direction = 'at-most' | 'at-least';

export type TargetSpec =
  | { kind: 'absolute'; value: number; direction: Direction }
  | { kind: 'relative'; baseline: number; pct: number; direction: Direction }
  | { kind: 'persons'; baseline: number; persons: number; direction: Direction };

/**
 * The target level. `pct` and `persons` are signed changes from the baseline
 * (−20 = a fall of 20 %, +1 = a rise of one person).
 */
export function targetValue(spec: TargetSpec): number {
  switch (spec.kind) {
    case 'absolute':
      return spec.value;
    case 'relative':
      return spec.baseline * (1 + spec.pct / 100);
    case 'persons':
      return spec.baseline + spec.persons;
  }
}

/** Whether a value meets a target in its direction. */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'at-most' ? value <= target : value >= target;
}

/** What a plan states about a goal; any part may be missing. Changes are signed (fall negative). */
export interface StatedTarget {
  baseline?: number;
  /** Signed percentage change as stated, e.g. −20 for "fald på 20 pct." */
  pct?: number;
  /** Decimals the percentage was stated with (0 for "20 pct."). */
  pctDecimals?: number;
  /** Signed change in persons as stated, e.g. −107. */
  persons?: number;
  /** The target level, e.g. 428. */
  target?: number;
  direction: Direction;
}

export interface ConsistencyIssue {
  field: 'pct' | 'persons' | 'target' | 'direction';
  stated: number;
  expected: number;
  /** stated − expected, in the field's unit (percentage points or persons). */
  difference: number;
  /** Danish explanation for the user. */
  message: string;
}

export interface ConsistencyResult {
  /** True when every stated part agrees with the others within rounding. */
  consistent: boolean;
  /** False when too little was stated to cross-check anything. */
  checkable: boolean;
  /** The values implied by what was stated (baseline possibly derived from target and persons). */
  derived: { baseline?: number; target?: number; pct?: number; persons?: number };
  issues: ConsistencyIssue[];
}

const pctText = (v: number, d: number) => `${formatNumber(Math.abs(v), { decimals: d })} pct.`;
const changeWord = (v: number) => (v < 0 ? 'fald' : 'stigning');

/**
 * Checks that baseline, percentage, persons and target agree. Tolerances follow how the figures are
 * printed: a percentage stated with d decimals may be off by half a unit in its last place, plus what
 * rounding the persons to a whole number moves it (0,5 / baseline); persons and targets are whole
 * persons, so ±0,5. When the baseline is not stated it is derived as
 * target − persons (both stated), which is how the Lyngby-Taarbæk annex (seed 004) writes its goals.
 */
export function checkTargetConsistency(s: StatedTarget): ConsistencyResult {
  const issues: ConsistencyIssue[] = [];
  const d = s.pctDecimals ?? 0;
  const pctTol = 0.5 / 10 ** d + 1e-9;
  const personTol = 0.5 + 1e-9;

  let baseline = s.baseline;
  if (baseline === undefined && s.target !== undefined && s.persons !== undefined)
    baseline = s.target - s.persons;
  if (baseline === undefined && s.target !== undefined && s.pct !== undefined && s.pct !== -100) {
    baseline = s.target / (1 + s.pct / 100);
  }
  const derived: ConsistencyResult['derived'] = {
    baseline,
    target: s.target,
    pct: s.pct,
    persons: s.persons,
  };
  if (baseline === undefined) {
    return { consistent: true, checkable: false, derived, issues };
  }

  let checks = 0;
  if (s.persons !== undefined && s.pct !== undefined && baseline !== 0) {
    checks++;
    const impliedPct = (s.persons / baseline) * 100;
    // Persons are whole: their own rounding moves the implied percentage by up to 0,5 / baseline.
    const tol = pctTol + (0.5 / Math.abs(baseline)) * 100;
    if (Math.abs(impliedPct - s.pct) > tol) {
      issues.push({
        field: 'pct',
        stated: s.pct,
        expected: impliedPct,
        difference: s.pct - impliedPct,
        message:
          `${formatNumber(Math.abs(s.persons))} personer af ${formatNumber(baseline)} er et ${changeWord(s.persons)} på ` +
          `${pctText(impliedPct, Math.max(d, 1))}, ikke ${pctText(s.pct, d)} ` +
          `(afvigelse ${formatNumber(Math.abs(s.pct - impliedPct), { decimals: 1 })} procentpoint). ` +
          `${pctText(s.pct, d)} af ${formatNumber(baseline)} svarer til ${formatNumber(Math.abs((baseline * s.pct) / 100), { decimals: 1 })} personer.`,
      });
    }
  }
  if (s.target !== undefined && s.persons !== undefined && s.baseline !== undefined) {
    checks++;
    const expected = s.baseline + s.persons;
    if (Math.abs(expected - s.target) > personTol) {
      issues.push({
        field: 'target',
        stated: s.target,
        expected,
        difference: s.target - expected,
        message: `Baseline ${formatNumber(s.baseline)} ${s.persons < 0 ? '−' : '+'} ${formatNumber(Math.abs(s.persons))} personer giver ${formatNumber(expected)}, ikke ${formatNumber(s.target)}.`,
      });
    }
  }
  if (s.target !== undefined && s.pct !== undefined && s.persons === undefined) {
    checks++;
    const expected = baseline * (1 + s.pct / 100);
    // The target is a whole number of persons: allow rounding of the percentage and of the target.
    const tol = (baseline * pctTol) / 100 + personTol;
    if (Math.abs(expected - s.target) > tol) {
      issues.push({
        field: 'target',
        stated: s.target,
        expected,
        difference: s.target - expected,
        message: `Et ${changeWord(s.pct)} på ${pctText(s.pct, d)} fra ${formatNumber(baseline)} giver ${formatNumber(expected, { decimals: 1 })}, ikke ${formatNumber(s.target)}.`,
      });
    }
  }
  const change = s.persons ?? s.pct;
  if (change !== undefined && change !== 0) {
    const improves = s.direction === 'at-most' ? change < 0 : change > 0;
    const target = s.target ?? baseline + (s.persons ?? (baseline * (s.pct ?? 0)) / 100);
    const worsening = !improves && (s.direction === 'at-most' ? target > baseline : target < baseline);
    if (worsening) {
      checks++;
      issues.push({
        field: 'direction',
        stated: change,
        expected: 0,
        difference: change,
        message:
          s.direction === 'at-most'
            ? `Målet tillader en stigning fra ${formatNumber(baseline)} til ${formatNumber(roundHalfAway(target))}, selv om lavere er bedre.`
            : `Målet tillader et fald fra ${formatNumber(baseline)} til ${formatNumber(roundHalfAway(target))}, selv om højere er bedre.`,
      });
    }
  }
  // A direction note is information, not a disagreement between stated figures.
  const disagreements = issues.filter((i) => i.field !== 'direction');
  return { consistent: disagreements.length === 0, checkable: checks > 0, derived, issues };
}
