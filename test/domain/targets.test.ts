import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTargetConsistency,
  meetsTarget,
  type StatedTarget,
  targetValue,
} from '../../src/domain/targets.ts';

describe('targets', () => {
  it('computes absolute, relative and persons targets', () => {
    // Seed 004, goal 1: "begrænses til 428 personer … fald på 20 pct. (107 personer)"
    expect(targetValue({ kind: 'absolute', value: 428, direction: 'at-most' })).toBe(428);
    expect(targetValue({ kind: 'relative', baseline: 535, pct: -20, direction: 'at-most' })).toBe(428);
    expect(targetValue({ kind: 'persons', baseline: 535, persons: -107, direction: 'at-most' })).toBe(428);
    // Seed 002: "Andelen … skal stige til 50 %" from 40 %
    expect(targetValue({ kind: 'absolute', value: 50, direction: 'at-least' })).toBe(50);
  });

  it('knows the better direction', () => {
    expect(meetsTarget(428, 428, 'at-most')).toBe(true);
    expect(meetsTarget(429, 428, 'at-most')).toBe(false);
    expect(meetsTarget(49.7, 50, 'at-least')).toBe(false);
  });
});

// Seed 004 (Lyngby-Taarbæk, Beskæftigelsesplan 2015, annex "Mål i Beskæftigelsesplan 2015 fastlæggelse af
// resultatniveauer"). Each goal as stated: target, signed percentage, signed persons.
type Row = {
  goal: string;
  quote: string;
  stated: StatedTarget;
  consistent: boolean;
  checkable: boolean;
  reason: RegExp | null;
};
const LYNGBY: Row[] = [
  {
    goal: '1 unge under 30 år på offentlig forsørgelse',
    quote: 'begrænses til 428 personer i december 2015 svarende til et fald på 20 pct. (107 personer)',
    stated: { target: 428, pct: -20, persons: -107, direction: 'at-most' },
    consistent: true, // 107 / 535 = 20,0 %
    checkable: true,
    reason: null,
  },
  {
    goal: '2 offentlig forsørgelse i mere end 12 måneder',
    quote: 'begrænses til 463 personer i 2015 svarende til et fald på 5 pct. (29 personer)',
    stated: { target: 463, pct: -5, persons: -29, direction: 'at-most' },
    consistent: false, // 29 / 492 = 5,9 %, which rounds to 6, not 5
    checkable: true,
    reason: /29 personer af 492 er et fald på 5,9 pct\., ikke 5 pct\. \(afvigelse 0,9 procentpoint\)/,
  },
  {
    goal: '3 tilgang til førtidspension',
    quote: 'begrænses til 43 personer i december 2015, svarende til en stigning på 2 pct. (1 person)',
    stated: { target: 43, pct: 2, persons: 1, direction: 'at-most' },
    consistent: true, // 1 / 42 = 2,4 %: a rise the goal allows on purpose (lower is better)
    checkable: true,
    reason: /tillader en stigning fra 42 til 43/,
  },
  {
    goal: '4 ledighedsydelse',
    quote: 'begrænses til 68 personer i december 2015 svarende til et fald på 25 pct. (23 personer)',
    stated: { target: 68, pct: -25, persons: -23, direction: 'at-most' },
    consistent: true, // 23 / 91 = 25,3 %
    checkable: true,
    reason: null,
  },
  {
    goal: '5 langtidsledige',
    quote: 'begrænses til 102 personer i december 2015 svarende til et fald på 30 pct. (44 personer)',
    stated: { target: 102, pct: -30, persons: -44, direction: 'at-most' },
    consistent: true, // 44 / 146 = 30,1 %
    checkable: true,
    reason: null,
  },
  {
    goal: '6 kontant- og uddannelseshjælpsmodtagere',
    quote: 'maksimalt 683 personer i december 2015, svarende til et fald på 16 pct. (130 personer)',
    stated: { target: 683, pct: -16, persons: -130, direction: 'at-most' },
    consistent: true, // 130 / 813 = 16,0 %
    checkable: true,
    reason: null,
  },
  {
    goal: '7 ledige akademikere',
    quote: 'maksimalt 209 personer i december 2015 svarende til et fald på 11 pct. (34 personer)',
    stated: { target: 209, pct: -11, persons: -34, direction: 'at-most' },
    consistent: false, // 34 / 243 = 14,0 %, not 11 % (DOMAIN.md)
    checkable: true,
    reason:
      /34 personer af 243 er et fald på 14,0 pct\., ikke 11 pct\. \(afvigelse 3,0 procentpoint\)\. 11 pct\. af 243 svarer til 26,7 personer/,
  },
  {
    goal: '8 samarbejdsgraden',
    quote: 'skal i dec være på X pct. svarende til en stigning på X procentpoint',
    stated: { direction: 'at-least' }, // the level was not yet decided
    consistent: true,
    checkable: false,
    reason: null,
  },
  {
    goal: '9 virksomhedsrettet aktivering',
    quote: 'skal minimum være 65 pct. i december 2015 (status oktober 2014 viser andel på 60 pct.)',
    stated: { baseline: 60, target: 65, direction: 'at-least' }, // an absolute share: nothing to cross-check
    consistent: true,
    checkable: false,
    reason: null,
  },
];

describe('consistency check on the nine Lyngby-Taarbæk goals (seed 004)', () => {
  it.each(LYNGBY)('goal $goal', (row) => {
    const r = checkTargetConsistency(row.stated);
    expect(r.consistent).toBe(row.consistent);
    expect(r.checkable).toBe(row.checkable);
    const text = r.issues.map((i) => i.message).join(' ');
    if (row.reason) expect(text).toMatch(row.reason);
    else expect(r.issues).toEqual([]);
  });

  it('derives the baseline from target and persons (428 + 107 = 535)', () => {
    expect(checkTargetConsistency(LYNGBY[0]!.stated).derived.baseline).toBe(535);
    expect(checkTargetConsistency(LYNGBY[6]!.stated).derived.baseline).toBe(243);
  });

  it('says by how much a goal disagrees', () => {
    const r = checkTargetConsistency(LYNGBY[6]!.stated);
    const pct = r.issues.find((i) => i.field === 'pct')!;
    expect(pct.expected).toBeCloseTo(-13.99, 2);
    expect(pct.difference).toBeCloseTo(2.99, 2);
  });

  it('catches a target that does not follow from baseline and persons', () => {
    const r = checkTargetConsistency({ baseline: 535, persons: -107, target: 438, direction: 'at-most' });
    expect(r.consistent).toBe(false);
    expect(r.issues[0]!.message).toBe('Baseline 535 − 107 personer giver 428, ikke 438.');
  });

  it('accepts every target built from a baseline and a whole percentage, rounded as plans round (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 20000 }),
        fc.integer({ min: 1, max: 60 }),
        (baseline, pctFall) => {
          const persons = Math.round((baseline * pctFall) / 100);
          const r = checkTargetConsistency({
            target: baseline - persons,
            pct: -pctFall,
            persons: -persons,
            direction: 'at-most',
          });
          expect(r.consistent).toBe(true);
        },
      ),
    );
  });
});
