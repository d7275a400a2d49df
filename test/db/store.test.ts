import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { countObservations, series } from '../../src/db/repositories/statistics.ts';
import { parseLongCsv } from '../../src/importers/long-csv.ts';
import { runImport } from '../../src/services/imports.ts';
import { datasetPath, readDerivedCsv } from '../helpers/datasets.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const REVISIONS = 'jobindsats/revisioner_hentet_2026-08-18_vs_2026-08-22.csv';
const MEASURE_OF: Record<string, string> = {
  ledige_fuldtidspersoner_i_alt: 'y25i01.ledige_fuldtidspersoner',
  ledige_pct_af_arbejdsstyrken_i_alt: 'y25i01.ledige_pct',
  ledige_fuldtidspersoner_dagpenge: 'y25i01.ledige_fuldtidspersoner_dagpenge',
  ledige_pct_dagpenge: 'y25i01.ledige_pct_dagpenge',
  ledige_fuldtidspersoner_kontanthjaelp: 'y25i01.ledige_fuldtidspersoner_kontanthjaelp',
  ledige_pct_kontanthjaelp: 'y25i01.ledige_pct_kontanthjaelp',
  langtidsledige_i_alt: 'y25i09.langtidsledige',
  langtidsledige_dagpenge: 'y25i09.langtidsledige_dagpenge',
  langtidsledige_kontanthjaelp: 'y25i09.langtidsledige_kontanthjaelp',
};

/** One fetch of the revision file as Måltavle's long CSV (the real values as published that day). */
function fetchAsLongCsv(column: 'vaerdi_hentet_2026-08-18' | 'vaerdi_hentet_2026-08-22'): Buffer {
  const rows = readDerivedCsv(REVISIONS);
  const lines = rows.map(
    (r) => `${r.kommunekode};${MEASURE_OF[r.maal!]};${r.periode};${r[column]!.replace('.', ',')}`,
  );
  return Buffer.from(`area;measure;period;value\n${lines.join('\n')}\n`);
}

describe.each(ENGINES)('statistics store on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => t?.cleanup());

  it('runs migrations once: running them again applies nothing', async () => {
    expect(await migrate(t.database.db)).toEqual([]);
  });

  it('knows every measure the revision file uses', () => {
    const used = new Set(readDerivedCsv(REVISIONS).map((r) => r.maal!));
    expect(used.size).toBe(9);
    for (const m of used) expect(MEASURE_OF[m], m).toBeDefined();
  });

  it('stores the 2,042 real revisions between two fetches four days apart as new versions', async () => {
    const db = t.database.db;
    const known = new Set(Object.values(MEASURE_OF));
    // Counted from what the other tests of this database left, so the tests pass in any order.
    const base = await countObservations(db);
    const first = parseLongCsv(fetchAsLongCsv('vaerdi_hentet_2026-08-18'), {
      file: 'hentet-2026-08-18.csv',
      knownMeasures: known,
    });
    expect(first.rows).toHaveLength(2042);
    const s1 = await runImport(db, first, { createdBy: 'test' });
    expect([s1.new, s1.revised, s1.unchanged]).toEqual([2042, 0, 0]);

    // A re-import of the same data changes nothing.
    const again = await runImport(db, first, { createdBy: 'test' });
    expect([again.new, again.revised, again.unchanged]).toEqual([0, 0, 2042]);

    const second = parseLongCsv(fetchAsLongCsv('vaerdi_hentet_2026-08-22'), {
      file: 'hentet-2026-08-22.csv',
      knownMeasures: known,
    });
    const s2 = await runImport(db, second, { createdBy: 'test' });
    expect([s2.new, s2.revised, s2.unchanged]).toEqual([0, 2042, 0]);
    expect(await countObservations(db)).toEqual({ current: base.current + 2042, all: base.all + 4084 });

    // SOURCES.md: "Hele landet 2021M09: 88,379 → 88,380".
    const now = await series(db, { measure: 'y25i01.ledige_fuldtidspersoner', area: '000' });
    const sep = now.find((p) => p.period === '2021M09')!;
    expect(sep.value).toBe(88380);
    expect(sep.version).toBe(2);
    expect(sep.importId).toBe(s2.importId);
    // What a report written after the first fetch used:
    const then = await series(db, {
      measure: 'y25i01.ledige_fuldtidspersoner',
      area: '000',
      asOfImport: s1.importId,
    });
    const sepThen = then.find((p) => p.period === '2021M09')!;
    expect(sepThen.value).toBe(88379);
    expect(sepThen.version).toBe(1);
  });

  it('keeps a suppressed value as missing, never zero, and counts a later figure as a revision', async () => {
    const db = t.database.db;
    const known = new Set(['y60a02.fuldtidspersoner']);
    const csv = (v: string) =>
      Buffer.from(`area;measure;period;value\n825;y60a02.fuldtidspersoner;2026M07;${v}\n`);
    const a = await runImport(db, parseLongCsv(csv('..'), { file: 'a.csv', knownMeasures: known }), {
      createdBy: 'test',
    });
    expect(a.new).toBe(1);
    const [p] = await series(db, { measure: 'y60a02.fuldtidspersoner', area: '825' });
    expect(p!.value).toBeNull();
    expect(p!.missing).toBe('..');
    const b = await runImport(db, parseLongCsv(csv('12'), { file: 'b.csv', knownMeasures: known }), {
      createdBy: 'test',
    });
    expect(b.revised).toBe(1);
  });

  it('validates without writing on --dry-run', async () => {
    const db = t.database.db;
    const before = await countObservations(db);
    const parsed = parseLongCsv(readFileSync(datasetPath('../test/fixtures/long.csv')), {
      file: 'long.csv',
      knownMeasures: new Set(['y60a02.fuldtidspersoner']),
    });
    const s = await runImport(db, parsed, { createdBy: 'test', dryRun: true });
    expect(s.dryRun).toBe(true);
    expect(s.new).toBeGreaterThan(0);
    expect(await countObservations(db)).toEqual(before);
  });
});
