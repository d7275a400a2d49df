// Progress and assessment (målopfyldelse) of counted goals and level goals.
import type { Direction } from './targets.ts';

/** The statuses a user may set by hand (an override); "ikke vurderet" is never chosen. */
export const OVERRIDE_STATUSES = [
  'opfyldt',
  'på rette vej',
  'i risiko',
  'ikke på rette vej',
  'ikke opfyldt',
  'kan ikke vurderes',
] as const;

/**
 * Every assessment, in the order summaries list them: the override statuses and "ikke vurderet" (no status
 * given yet: a milestone or a count nobody has reported on). The one list of statuses; everything else
 * imports it or its type.
 */
export const ASSESSMENT_ORDER = [...OVERRIDE_STATUSES, 'ikke vurderet'] as const;

export type AssessmentStatus = (typeof ASSESSMENT_ORDER)[number];

export const ASSESSMENT_LABELS: Record<AssessmentStatus, string> = {
  opfyldt: 'Opfyldt',
  'på rette vej': 'På rette vej',
  'i risiko': 'I risiko',
  'ikke på rette vej': 'Ikke på rette vej',
  'ikke opfyldt': 'Ikke opfyldt',
  'kan ikke vurderes': 'Kan ikke vurderes',
  'ikke vurderet': 'Ikke vurderet',
};

/** Days between two ISO dates (YYYY-MM-DD). */
function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Share of the time from start to deadline that has passed at `asOf`, clamped to 0…1. */
export function elapsedShare(start: string, deadline: string, asOf: string): number {
  const total = days(start, deadline);
  if (!(total > 0)) return 1;
  return Math.min(1, Math.max(0, days(start, asOf) / total));
}

export interface CountProgress {
  count: number;
  target: number;
  /** count ÷ target, e.g. 239 / 450 = 0,531. */
  attainment: number;
  /** Share of the period that has passed. */
  elapsed: number;
  /** What the count would be on a straight path: target × elapsed. */
  expectedByNow: number;
  remaining: number;
}

/** Counted goals: "239 af 450 virksomhedsbesøg" against the time that has passed. */
export function countProgress(
  count: number,
  target: number,
  start: string,
  deadline: string,
  asOf: string,
): CountProgress {
  const elapsed = elapsedShare(start, deadline, asOf);
  return {
    count,
    target,
    attainment: target === 0 ? 1 : count / target,
    elapsed,
    expectedByNow: target * elapsed,
    remaining: Math.max(0, target - count),
  };
}

/** Level goals: the share of the way from baseline to target that has been covered (may be < 0 or > 1). */
export function levelAttainment(baseline: number, target: number, latest: number): number | null {
  if (baseline === target) return null;
  return (latest - baseline) / (target - baseline);
}

export interface AssessmentThresholds {
  /**
   * How far behind the straight path a goal may be and still be "på rette vej",
   * as a share of the whole required change (default 0.10 = 10 %).
   */
  onTrack: number;
  /** Behind the path by more than onTrack but at most this share: "i risiko" (default 0.35). */
  atRisk: number;
}

const DEFAULT_THRESHOLDS: AssessmentThresholds = { onTrack: 0.1, atRisk: 0.35 };

export interface AssessmentInput {
  baseline: number | null;
  /** Date the baseline refers to (ISO), the start of the straight path. */
  baselineDate: string;
  target: number | null;
  direction: Direction;
  deadline: string;
  latest: { value: number; date: string } | null;
  /** The date of the assessment; deadlines are judged against it. */
  asOf: string;
  thresholds?: AssessmentThresholds;
}

export interface Assessment {
  status: AssessmentStatus;
  /** Value on the straight path from baseline to target at the latest value's date. */
  expected: number | null;
  /** How far behind the path the latest value is, as a share of the whole change (≤ 0 = at or ahead). */
  gap: number | null;
  attainment: number | null;
  reason: string;
}

/**
 * Assesses a goal from its latest value against the straight path from baseline to target.
 *
 * Rule (thresholds are parameters, defaults in DEFAULT_THRESHOLDS):
 * 1. No target, no baseline or no latest value → "kan ikke vurderes".
 * 2. The latest value meets the target → "opfyldt" (before or after the deadline).
 * 3. The deadline has passed (asOf ≥ deadline) and the target is not met → "ikke opfyldt".
 * 4. Otherwise let expected = baseline + (target − baseline) × elapsed share at the latest value's date,
 *    and gap = (how far the latest value is behind expected, in the good direction) ÷ |target − baseline|.
 *    gap ≤ onTrack → "på rette vej"; gap ≤ atRisk → "i risiko"; beyond → "ikke på rette vej".
 *    A goal whose latest value is worse than its baseline is never better than "i risiko".
 */
export function assess(input: AssessmentInput): Assessment {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const { baseline, target, latest, direction } = input;
  if (target === null) return none('Målet har intet måltal.');
  if (latest === null) return none('Der er ingen seneste værdi.');
  const met = direction === 'at-most' ? latest.value <= target : latest.value >= target;
  const attainment = baseline === null ? null : levelAttainment(baseline, target, latest.value);
  if (met)
    return {
      status: 'opfyldt',
      expected: target,
      gap: null,
      attainment,
      reason: 'Seneste værdi når måltallet.',
    };
  if (input.asOf >= input.deadline) {
    return {
      status: 'ikke opfyldt',
      expected: target,
      gap: null,
      attainment,
      reason: 'Fristen er overskredet.',
    };
  }
  if (baseline === null) return none('Der er ingen baseline at måle udviklingen fra.');
  const whole = Math.abs(target - baseline);
  if (whole === 0) return none('Baseline og måltal er ens.');
  const share = elapsedShare(input.baselineDate, input.deadline, latest.date);
  const expected = baseline + (target - baseline) * share;
  const sign = direction === 'at-most' ? 1 : -1; // positive behind = worse
  const gap = (sign * (latest.value - expected)) / whole;
  const worseThanBaseline = sign * (latest.value - baseline) > 0;
  let status: AssessmentStatus;
  if (gap <= t.onTrack && !worseThanBaseline) status = 'på rette vej';
  else if (gap <= t.atRisk) status = 'i risiko';
  else status = 'ikke på rette vej';
  const reason =
    gap <= 0
      ? 'Seneste værdi er på eller foran den lige vej mod målet.'
      : `Seneste værdi er ${Math.round(gap * 100)} % af den samlede ændring bagud i forhold til den lige vej mod målet.`;
  return { status, expected, gap, attainment, reason };

  function none(reason: string): Assessment {
    return { status: 'kan ikke vurderes', expected: null, gap: null, attainment: null, reason };
  }
}
