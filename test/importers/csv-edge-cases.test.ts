// CSV edge cases (issue 9 item 9) and the streamed import path: NUL bytes are refused in Danish (never an
// English database error in the public import list), huge cells are cut in messages, CR-only line ends are
// read, and a file fed in tiny chunks gives exactly the rows of the whole file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StagedObservation } from '../../src/db/repositories/statistics.ts';
import { listImports, measureIds } from '../../src/db/repositories/statistics.ts';
import { ImportError } from '../../src/importers/errors.ts';
import { parseLongCsv, streamLongCsv } from '../../src/importers/long-csv.ts';
import { runImport } from '../../src/services/imports.ts';
import { createTestDb, ENGINES, snapshot, type TestDb } from '../helpers/db.ts';

const HEAD = 'area;measure;period;value;unit\n';

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(file: Uint8Array, size: number, known = new Set<string>()) {
  const s = streamLongCsv(chunks(file, size), { file: 'x.csv', knownMeasures: known, createMeasures: true });
  const rows: StagedObservation[] = [];
  for await (const b of s.batches) rows.push(...b);
  return { rows, stream: s };
}

describe('CSV edge cases without a database', () => {
  it('reads CR-only line ends (old Excel on the Mac) with the right line numbers', async () => {
    const file = Buffer.from(
      `${HEAD}320;t.a;2026M01;5;antal\r607;t.a;2026M01;7;antal\r`.replace(/\n/g, '\r'),
    );
    const parsed = parseLongCsv(file, { file: 'cr.csv', knownMeasures: new Set(), createMeasures: true });
    expect(parsed.rows.map((r) => [r.areaId, r.value, r.line])).toEqual([
      ['320', 5, 2],
      ['607', 7, 3],
    ]);
    const bad = Buffer.from(`${HEAD}320;t.a;2026M01;5;antal\r607;t.a;2026M13;7;antal\r`.replace(/\n/g, '\r'));
    expect(() =>
      parseLongCsv(bad, { file: 'cr.csv', knownMeasures: new Set(), createMeasures: true }),
    ).toThrow('Linje 3: Perioden "2026M13" kan ikke læses');
  });

  it('refuses a NUL byte in a measure or a unit in Danish, with the line', async () => {
    for (const line of ['320;t.\0nul;2026M01;5;antal', '320;t.a;2026M01;5;ant\0al']) {
      const file = Buffer.from(`${HEAD}607;t.a;2026M01;1;antal\n${line}\n`);
      expect(() =>
        parseLongCsv(file, { file: 'nul.csv', knownMeasures: new Set(), createMeasures: true }),
      ).toThrow(/^Linje 3: Felt nr\. \d indeholder et NUL-tegn/);
    }
  });

  it('cuts a 2 MB cell in the error message and says how long it was', async () => {
    const huge = 'x'.repeat(2_000_000);
    const file = Buffer.from(`${HEAD}320;${huge};2026M01;5;antal\n`);
    const err = (() => {
      try {
        parseLongCsv(file, { file: 'big.csv', knownMeasures: new Set() });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ImportError);
    expect(err!.message.length).toBeLessThan(300);
    expect(err!.message).toContain('Linje 2: Ukendt mål "xxxxxxxx');
    expect(err!.message).toContain('(2.000.000 tegn)');
  });

  it('streamed in chunks of 1 and 7 bytes gives the rows of the whole file (CRLF, quotes, Windows-1252)', async () => {
    const text = `${HEAD}320;t.a;2026M01;"1.234,5";antal\r\n"607";t.a;2026M01;..;antal\r\n173;"t.b";2026M02;-3;"pct; af"\r\n`;
    const latin = Buffer.concat([
      Buffer.from(text),
      Buffer.from('Lyngby-Taarb'),
      Buffer.from([0xe6]),
      Buffer.from('k;t.a;2026M03;9;antal\r\n'),
    ]);
    const whole = parseLongCsv(latin, { file: 'x.csv', knownMeasures: new Set(), createMeasures: true });
    expect(whole.rows).toHaveLength(4);
    expect(whole.parameters.encoding).toBe('windows-1252');
    for (const size of [1, 7, 64 * 1024]) {
      const { rows, stream } = await collect(latin, size);
      expect(rows).toEqual(whole.rows);
      expect(stream.parameters.encoding).toBe('windows-1252');
      expect(stream.measures.map((m) => [m.id, m.unit])).toEqual([
        ['t.a', 'antal'],
        ['t.b', 'pct; af'],
      ]);
    }
  });

  it('a stream that ends inside a quoted field is a truncated file', async () => {
    await expect(collect(Buffer.from(`${HEAD}320;t.a;2026M01;"5`), 3)).rejects.toThrow(
      'Linje 2: Filen slutter inde i et citeret felt',
    );
  });
});

describe.each(ENGINES)('streamed imports on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => t?.cleanup());

  it('a NUL byte with --create-measures is refused in Danish; the public import list shows no database error', async () => {
    const before = await snapshot(t.database.db);
    const file = Buffer.from(`${HEAD}607;t.ok;2026M01;1;antal\n320;t.\0nul;2026M01;5;antal\n`);
    const parsed = streamLongCsv(chunks(file, 16), {
      file: 'nul.csv',
      knownMeasures: await measureIds(t.database.db),
      createMeasures: true,
    });
    await expect(runImport(t.database.db, parsed, { createdBy: 'test' })).rejects.toThrow(
      'Linje 3: Felt nr. 2 indeholder et NUL-tegn',
    );
    expect(await snapshot(t.database.db)).toEqual(before);
    const [last] = await listImports(t.database.db, 1);
    expect(last!.status).toBe('failed');
    expect(last!.error).toMatch(/^Linje 3: Felt nr\. 2 indeholder et NUL-tegn/);
  });

  it('a database refusal is stored in Danish, never as the English database error', async () => {
    const rows = [
      {
        measureId: 'y60a02.fuldtidspersoner',
        areaId: '320',
        period: '2026M01',
        periodOrd: 24313,
        value: 1,
        missing: null,
      },
      // A value with neither a number nor a missing marker breaks the table's check constraint.
      {
        measureId: 'y60a02.fuldtidspersoner',
        areaId: '607',
        period: '2026M01',
        periodOrd: 24313,
        value: null,
        missing: null,
      },
    ];
    const parsed = { source: 'test', parameters: {}, rows, measures: [], skipped: {}, sourceUpdatedAt: null };
    await expect(runImport(t.database.db, parsed, { createdBy: 'test' })).rejects.toThrow();
    const [last] = await listImports(t.database.db, 1);
    expect(last!.status).toBe('failed');
    expect(last!.error).toBe('Importen blev afvist af databasen (fejlkode 23514); intet blev skrevet.');
  });

  it('streams a file into new, revised and unchanged versions like the array path', async () => {
    const known = await measureIds(t.database.db);
    const first = Buffer.from(
      `${HEAD}320;t.s;2026M01;5;antal\n607;t.s;2026M01;7;antal\n173;t.s;2026M01;..;antal\n`,
    );
    const s1 = await runImport(
      t.database.db,
      streamLongCsv(chunks(first, 5), { file: 'a.csv', knownMeasures: known, createMeasures: true }),
      { createdBy: 'test' },
    );
    expect([s1.total, s1.new, s1.revised, s1.unchanged]).toEqual([3, 3, 0, 0]);
    expect(s1.measuresCreated).toEqual(['t.s']);
    const second = Buffer.from(
      `${HEAD}320;t.s;2026M01;5;antal\n607;t.s;2026M01;8;antal\n173;t.s;2026M01;4;antal\n101;t.s;2026M01;1;antal\n`,
    );
    const s2 = await runImport(
      t.database.db,
      streamLongCsv(chunks(second, 5), { file: 'b.csv', knownMeasures: await measureIds(t.database.db) }),
      { createdBy: 'test' },
    );
    expect([s2.total, s2.new, s2.revised, s2.unchanged]).toEqual([4, 1, 2, 1]);
    const versions = await t.database.db
      .selectFrom('observations')
      .select(['area_id', 'value', 'missing', 'version', 'is_current'])
      .where('measure_id', '=', 't.s')
      .orderBy('area_id')
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { area_id: '101', value: 1, missing: null, version: 1, is_current: true },
      { area_id: '173', value: null, missing: '..', version: 1, is_current: false },
      { area_id: '173', value: 4, missing: null, version: 2, is_current: true },
      { area_id: '320', value: 5, missing: null, version: 1, is_current: true },
      { area_id: '607', value: 7, missing: null, version: 1, is_current: false },
      { area_id: '607', value: 8, missing: null, version: 2, is_current: true },
    ]);
  });
});
