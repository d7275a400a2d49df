// The case draft's level phrase follows the direction of better: "mindst" for a count that must be reached,
// "højst" for a level that must fall, "højst en stigning på" for a rise that must stay small.
import { describe, expect, it } from 'vitest';
import { paragraphs, resultLevelPhrase } from '../../src/reports/case-draft.ts';

describe('result level phrase', () => {
  it('a count target must be reached: mindst', () => {
    expect(
      resultLevelPhrase({
        kind: 'optælling',
        config: { target: 600, unit: 'besøg', startDate: '2020-01-01', deadline: '2021-12-31' },
        target: null,
        baseline: null,
        unit: '',
      }),
    ).toBe('mindst 600 besøg');
  });

  it('a level that must fall (Lyngby-Taarbæk goal 1): et fald på mindst … til højst', () => {
    expect(
      resultLevelPhrase({
        kind: 'niveau',
        config: { direction: 'at-most', target: { kind: 'absolute', value: 428, pct: -20, persons: -107 } },
        target: 428,
        baseline: 535,
        unit: 'personer',
      }),
    ).toBe('et fald på mindst 20 % (107 personer) fra 535 personer til højst 428 personer');
  });

  it('a rise that must stay small (goal 3, førtidspension): højst en stigning på', () => {
    expect(
      resultLevelPhrase({
        kind: 'niveau',
        config: { direction: 'at-most', target: { kind: 'absolute', value: 43, pct: 2, persons: 1 } },
        target: 43,
        baseline: 42,
        unit: '',
      }),
    ).toBe('højst en stigning på 2 % (1) fra 42 til højst 43');
  });

  it('a share and a level that must rise: mindst; a plain level: højst', () => {
    expect(
      resultLevelPhrase({
        kind: 'andel',
        config: { direction: 'at-least', targetValue: 65 },
        target: 65,
        baseline: 60,
        unit: 'pct.',
      }),
    ).toBe('mindst 65,0 %');
    expect(
      resultLevelPhrase({
        kind: 'niveau',
        config: { direction: 'at-least', target: { kind: 'relative', pct: 10 } },
        target: 1100,
        baseline: 1000,
        unit: 'fuldtidspersoner',
      }),
    ).toBe(
      'en stigning på mindst 10 % (100 fuldtidspersoner) fra 1.000 fuldtidspersoner til mindst 1.100 fuldtidspersoner',
    );
    expect(
      resultLevelPhrase({
        kind: 'niveau',
        config: { direction: 'at-most', target: { kind: 'absolute', value: 1288 } },
        target: 1288,
        baseline: null,
        unit: '',
      }),
    ).toBe('højst 1.288');
  });

  it('ranks, benchmarks and milestones; no level yet is null', () => {
    expect(
      resultLevelPhrase({
        kind: 'placering',
        config: { targetRank: 75 },
        target: 75,
        baseline: 77,
        unit: 'placering',
      }),
    ).toBe('nr. 75 eller bedre blandt de 98 kommuner');
    expect(
      resultLevelPhrase({
        kind: 'benchmark',
        config: { direction: 'lower', compareWith: 'land' },
        target: null,
        baseline: null,
        unit: '',
      }),
    ).toBe('under landsgennemsnittet');
    expect(
      resultLevelPhrase({
        kind: 'milepæl',
        config: { deadline: '2015-12-31' },
        target: null,
        baseline: null,
        unit: '',
      }),
    ).toBe('gennemført senest 31. december 2015');
    expect(
      resultLevelPhrase({
        kind: 'andel',
        config: { direction: 'at-least' },
        target: null,
        baseline: null,
        unit: 'pct.',
      }),
    ).toBeNull();
  });

  it('keeps paragraphs', () => {
    expect(paragraphs('Første afsnit.\n\nAndet afsnit.\r\nTredje.')).toEqual([
      'Første afsnit.',
      'Andet afsnit.',
      'Tredje.',
    ]);
  });
});
