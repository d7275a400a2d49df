// The text drafts (issue 10 item 7): exact Danish sentences from real figures. The figures are read here
// straight from the files in datasets/ (a second way beside the database path tested in
// test/server/rounds.test.ts), and each expected sentence was checked by hand against those rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftSentence } from '../../src/domain/drafts.ts';
import { nextRoundDue } from '../../src/domain/follow-up.ts';
import { ROOT } from '../helpers/datasets.ts';

/** One column of one row (municipality code and period) of a semicolon-separated jobindsats file. */
function figure(file: string, code: string, period: string, column: string, extra?: string): number {
  const [head, ...rows] = readFileSync(join(ROOT, 'datasets', 'jobindsats', file), 'utf8')
    .trim()
    .split('\n');
  const cols = head!.split(';');
  const row = rows
    .map((r) => r.split(';'))
    .find((r) => r[0] === code && r[2] === period && (!extra || r.includes(extra)));
  if (!row) throw new Error(`no row ${code} ${period} in ${file}`);
  return Number(row[cols.indexOf(column)]);
}

describe('draft sentences on real data', () => {
  const Y25 = 'y25i01_ledighed_kommuner_maaned.csv';

  it('a share: Faxe unemployment July 2026 against a year before and the country', () => {
    const latest = figure(Y25, '320', '2026M07', 'ledige_pct_af_arbejdsstyrken_i_alt');
    const before = figure(Y25, '320', '2025M07', 'ledige_pct_af_arbejdsstyrken_i_alt');
    const country = figure(Y25, '000', '2026M07', 'ledige_pct_af_arbejdsstyrken_i_alt');
    expect([latest, before, country]).toEqual([2.8, 2.5, 3]);
    expect(
      draftSentence({
        subject: 'Ledigheden',
        area: 'Faxe',
        unit: 'pct.',
        latest: { value: latest, period: 'juli 2026' },
        yearBefore: before,
        country,
      }),
    ).toBe(
      'Ledigheden i Faxe var 2,8 % i juli 2026, 0,3 procentpoint højere end året før og under landsgennemsnittet på 3,0 %.',
    );
  });

  it('a share with a target not yet reached, and a forecast', () => {
    expect(
      draftSentence({
        subject: 'Ledigheden',
        area: 'Faxe',
        unit: 'pct.',
        latest: { value: 2.8, period: 'juli 2026' },
        yearBefore: 2.5,
        country: 3,
        target: { value: 2.4, direction: 'at-most' },
        forecast: { value: 2.6, period: 'december 2027' },
      }),
    ).toBe(
      'Ledigheden i Faxe var 2,8 % i juli 2026, 0,3 procentpoint højere end året før og under landsgennemsnittet på 3,0 %. Målet er højst 2,4 %, så der mangler et fald på 0,4 procentpoint. Fremskrivningen peger på 2,6 % i december 2027.',
    );
  });

  it('a count: full-time persons on kontanthjælp in Faxe, 464 → 542', () => {
    const file = 'y60a02_kontanthjaelp_kommuner_maaned.csv';
    const latest = figure(file, '320', '2026M07', 'antal_fuldtidspersoner');
    const before = figure(file, '320', '2025M07', 'antal_fuldtidspersoner');
    expect([latest, before]).toEqual([542, 464]);
    expect(
      draftSentence({
        subject: 'Antallet af fuldtidspersoner på kontanthjælp',
        area: 'Faxe',
        unit: 'fuldtidspersoner',
        latest: { value: latest, period: 'juli 2026' },
        yearBefore: before,
        // A country average of counts says nothing: it is left out for counts.
        country: 1234,
        target: { value: 500, direction: 'at-most' },
      }),
    ).toBe(
      'Antallet af fuldtidspersoner på kontanthjælp i Faxe var 542 i juli 2026, 78 fuldtidspersoner flere end året før. Målet er højst 500, så der mangler et fald på 42 fuldtidspersoner.',
    );
  });

  it('a rank: Faxe on the benchmark list for kontanthjælp (Y30R21)', () => {
    const rank = figure(
      'y30r21_benchmark_2020QMAT02-2022QMAT04.csv',
      '320',
      '2022QMAT04',
      'placering_benchmarkrangliste',
      'Kontanthjælp mv.',
    );
    expect(rank).toBe(24);
    expect(
      draftSentence({
        subject: 'Placeringen',
        area: 'Faxe',
        unit: 'placering',
        latest: { value: rank, period: '4 kvartaler til og med 4. kvartal 2022' },
        rank: { rank, of: 98, period: '4 kvartaler til og med 4. kvartal 2022' },
      }),
    ).toBe('Faxe var nr. 24 af 98 kommuner i 4 kvartaler til og med 4. kvartal 2022.');
  });

  it('the same level as a year before and a target reached', () => {
    expect(
      draftSentence({
        subject: 'Ledigheden',
        area: 'Faxe',
        unit: 'pct.',
        latest: { value: 2.5, period: 'juli 2025' },
        yearBefore: 2.54,
        country: 2.5,
        target: { value: 2.6, direction: 'at-most' },
      }),
    ).toBe(
      'Ledigheden i Faxe var 2,5 % i juli 2025, det samme som året før og på niveau med landsgennemsnittet på 2,5 %. Målet om højst 2,6 % er nået.',
    );
  });
});

describe('next round due', () => {
  it('a quarter or a half year after the last round, at the end of the month', () => {
    expect(nextRoundDue('kvartalsvis', '2026-08-31', 2026)).toBe('2026-11-30');
    expect(nextRoundDue('halvårlig', '2026-08-31', 2026)).toBe('2027-02-28');
    expect(nextRoundDue('kvartalsvis', '2027-11-15', 2027)).toBe('2028-02-29');
  });
  it('without a round: the end of the plan’s first quarter or half year; without a frequency: none', () => {
    expect(nextRoundDue('kvartalsvis', null, 2026)).toBe('2026-03-31');
    expect(nextRoundDue('halvårlig', null, 2026)).toBe('2026-06-30');
    expect(nextRoundDue(null, '2026-08-31', 2026)).toBe(null);
  });
});
