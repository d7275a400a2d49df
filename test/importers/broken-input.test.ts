// Broken input is rejected with the file line and a Danish reason, and the database is exactly as before.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureIds } from '../../src/db/repositories/statistics.ts';
import { ImportError } from '../../src/importers/errors.ts';
import { parseJobindsatsWide } from '../../src/importers/jobindsats-files.ts';
import { parseLongCsv } from '../../src/importers/long-csv.ts';
import { parseStatbankCsv } from '../../src/importers/statbank-files.ts';
import type { ParsedImport } from '../../src/importers/types.ts';
import { runImport } from '../../src/services/imports.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { createTestDb, ENGINES, snapshot, type TestDb } from '../helpers/db.ts';

const HEAD = 'area;measure;period;value\n';
const GOOD = '320;y60a02.fuldtidspersoner;2026M07;542\n607;y60a02.fuldtidspersoner;2026M07;1.171\n';

const LONG_CASES: [name: string, file: string, expected: string][] = [
  [
    'wrong columns',
    'kommune;maal;tid;tal\n320;x;2021M01;1\n',
    'Linje 1: Overskriften skal have kolonnerne area;measure;period;value',
  ],
  ['unknown area', `${HEAD}${GOOD}999;y60a02.fuldtidspersoner;2026M07;5\n`, 'Linje 4: Ukendt område "999"'],
  [
    'Christiansø is not a municipality',
    `${HEAD}411;y60a02.fuldtidspersoner;2026M07;5\n`,
    'Linje 2: Ukendt område "411"',
  ],
  [
    'unknown measure',
    `${HEAD}${GOOD}320;findes.ikke;2026M07;5\n`,
    'Linje 4: Ukendt mål "findes.ikke" (brug --create-measures',
  ],
  [
    'a period that does not parse',
    `${HEAD}${GOOD}320;y60a02.fuldtidspersoner;2026M13;5\n`,
    'Linje 4: Perioden "2026M13" kan ikke læses',
  ],
  [
    'text in a number column',
    `${HEAD}${GOOD}320;y60a02.fuldtidspersoner;2026M06;mange\n`,
    'Linje 4: Værdien "mange" er ikke et tal',
  ],
  [
    'a truncated file (row cut short)',
    `${HEAD}${GOOD}320;y60a02.fuldtids`,
    'Linje 4: Forventede 4 felter, fandt 2',
  ],
  [
    'a truncated file (open quote)',
    `${HEAD}${GOOD}320;y60a02.fuldtidspersoner;2026M06;"55`,
    'Linje 4: Filen slutter inde i et citeret felt',
  ],
  [
    'the same key twice',
    `${HEAD}${GOOD}320;y60a02.fuldtidspersoner;2026M07;543\n`,
    'Linje 4: Samme område, mål og periode står også i linje 2',
  ],
  ['an empty file', '', 'Linje 1: Filen er tom'],
];

describe.each(ENGINES)('broken input on %s', (engine) => {
  let t: TestDb;
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    // Some real data first, so "as before" is not trivially empty.
    const known = await measureIds(t.database.db);
    await runImport(
      t.database.db,
      parseLongCsv(Buffer.from(HEAD + GOOD), { file: 'ok.csv', knownMeasures: known }),
      { createdBy: 'test' },
    );
    await runImport(
      t.database.db,
      parseJobindsatsWide(
        readFileSync(datasetPath('jobindsats/y60c07_aktivering_kommuner_maaned.csv')),
        'y60c07',
        'y60c07.csv',
      ),
      { createdBy: 'test' },
    );
    before = await snapshot(t.database.db);
  });
  afterAll(async () => t?.cleanup());

  it.each(LONG_CASES)('long CSV: %s', async (_name, file, expected) => {
    const known = await measureIds(t.database.db);
    const attempt = async () =>
      runImport(t.database.db, parseLongCsv(Buffer.from(file), { file: 'x.csv', knownMeasures: known }), {
        createdBy: 'test',
      });
    const err = await attempt().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toContain(expected);
    expect(await snapshot(t.database.db)).toEqual(before);
  });

  it('StatBank CSV with wrong columns, an unknown area, or text in INDHOLD', async () => {
    const cases: [string, string][] = [
      ['\uFEFFFOO;BAR\r\nx;y\r\n', 'Linje 1: Forventede en StatBank-fil med kolonnerne TID og INDHOLD'],
      [
        '\uFEFFOMRÅDE;TID;INDHOLD\r\nFaxe;2020Q1;133\r\nAtlantis;2020Q1;5\r\n',
        'Linje 3: Ukendt område "Atlantis"',
      ],
      ['\uFEFFOMRÅDE;TID;INDHOLD\r\nFaxe;2020Q1;mange\r\n', 'Linje 2: Værdien "mange" er ikke et tal'],
      ['\uFEFFOMRÅDE;TID;INDHOLD\r\nFaxe;2020X1;133\r\n', 'Linje 2: Perioden "2020X1" kan ikke læses'],
    ];
    for (const [file, expected] of cases) {
      const err = await (async () =>
        parseStatbankCsv(Buffer.from(file), {
          measure: 'auk01.nettoledige_kontanthjaelp',
          origin: 't',
        }))().catch((e: unknown) => e);
      expect((err as Error).message).toContain(expected);
    }
    expect(await snapshot(t.database.db)).toEqual(before);
  });

  it('reads Windows-1252 and a UTF-8 BOM, with "," as separator', async () => {
    const { parseLongCsv: p } = await import('../../src/importers/long-csv.ts');
    const latin1 = Buffer.from([
      ...Buffer.from('area;measure;period;value\n'),
      ...Buffer.from('Lyngby-Taarb', 'latin1'),
      0xe6,
      ...Buffer.from('k;y60a02.fuldtidspersoner;2026M07;1.234,5\n'),
    ]);
    const r1 = p(latin1, { file: 'cp1252.csv', knownMeasures: new Set(['y60a02.fuldtidspersoner']) });
    expect(r1.parameters.encoding).toBe('windows-1252');
    expect(r1.rows[0]).toMatchObject({ areaId: '173', value: 1234.5 });
    const comma = Buffer.from('\uFEFFarea,measure,period,value\n320,y60a02.fuldtidspersoner,2026M07,542.5\n');
    expect(
      p(comma, { file: 'c.csv', knownMeasures: new Set(['y60a02.fuldtidspersoner']) }).rows[0]!.value,
    ).toBe(542.5);
  });

  it('a failure in the middle of writing rolls back the whole import', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      measureId: 'y60a02.fuldtidspersoner',
      areaId: '320',
      period: `${2000 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
      periodOrd: 24000 + i,
      value: i,
      missing: null,
    }));
    // The last row names an area the database does not have: the foreign key fails after 4,999 rows.
    rows.push({ ...rows[0]!, areaId: 'zzz', period: '1999M01', periodOrd: 1 });
    const parsed: ParsedImport = {
      source: 'test',
      parameters: {},
      rows,
      measures: [],
      skipped: {},
      sourceUpdatedAt: null,
    };
    await expect(runImport(t.database.db, parsed, { createdBy: 'test' })).rejects.toThrow();
    expect(await snapshot(t.database.db)).toEqual(before);
    const failed = await t.database.db
      .selectFrom('imports')
      .select(['status', 'error'])
      .where('status', '=', 'failed')
      .execute();
    expect(failed.length).toBeGreaterThan(0); // the attempt is logged as failed
  });
});
