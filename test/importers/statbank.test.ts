// StatBank importers against recorded real answers (datasets/statbank, see SOURCES.md) served over HTTP.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { series } from '../../src/db/repositories/statistics.ts';
import { CELL_LIMIT, fetchStatbank, type TableInfo, tableInfo } from '../../src/importers/statbank-api.ts';
import { parseJsonStat, parseStatbankCsv } from '../../src/importers/statbank-files.ts';
import { runImport } from '../../src/services/imports.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { createTestDb, ENGINES, snapshot, type TestDb } from '../helpers/db.ts';
import { fixtureServer } from '../helpers/http.ts';

const AUK01_CSV = readFileSync(
  datasetPath('statbank/AUK01_nettoledige_kontanthjaelpsmodtagere_2007Q1-2025Q4_en.csv'),
);
const STRAF42_TABLEINFO = readFileSync(
  datasetPath('statbank/api-eksempler/tableinfo_STRAF42_da.json'),
  'utf8',
);

/**
 * No tableinfo for AUK01 was recorded; this one is built in the recorded STRAF42 tableinfo's shape with the
 * area and time values of the real AUK01 file, and AUK01's Danish value labels. Ids are what matter.
 */
function auk01TableInfo(): TableInfo {
  const shape = JSON.parse(STRAF42_TABLEINFO) as TableInfo;
  const lines = AUK01_CSV.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1);
  const times = [...new Set(lines.map((l) => l.split(';')[4]!))];
  const codes = ['000', '081', '082', '083', '084', '085', '101', '147', '173', '320', '607', '825'];
  return {
    ...shape,
    id: 'AUK01',
    text: 'Offentligt forsørgede (fuldtidsmodtagere)',
    updated: '2025-06-18T08:00:00',
    variables: [
      { id: 'OMRÅDE', text: 'område', values: codes.map((id) => ({ id, text: id })) },
      {
        id: 'YDELSESTYPE',
        text: 'ydelsestype',
        values: [
          { id: 'TOT', text: 'Offentligt forsørgede i alt' },
          { id: 'LEDKT', text: 'Nettoledige kontanthjælpsmodtagere' },
        ],
      },
      {
        id: 'KØN',
        text: 'køn',
        values: [
          { id: 'TOT', text: 'I alt' },
          { id: 'M', text: 'Mænd' },
        ],
      },
      { id: 'ALDER', text: 'alder', values: [{ id: 'TOT', text: 'Alder i alt' }] },
      { id: 'Tid', text: 'tid', time: true, values: times.map((t) => ({ id: t, text: t })) },
    ],
  };
}

describe('StatBank files', () => {
  it('reads the recorded JSON-stat answer (id/size/role inside dataset.dimension)', () => {
    const json = JSON.parse(
      readFileSync(datasetPath('statbank/api-eksempler/data_STRAF42_jsonstat_en.json'), 'utf8'),
    );
    const r = parseJsonStat(json, { measure: 'straf42', origin: 'test' });
    expect(r.rows).toEqual([expect.objectContaining({ areaId: '000', period: '2023', value: 233454 })]);
    expect(r.sourceUpdatedAt?.toISOString()).toBe('2025-03-25T07:00:00.000Z');
  });

  it('reads the recorded CSV answer byte for byte (BOM, CRLF, no area column = the country)', () => {
    const bytes = readFileSync(datasetPath('statbank/api-eksempler/data_STRAF42_csv_en.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = parseStatbankCsv(bytes, { measure: 'straf42', origin: 'test' });
    expect(r.rows).toEqual([expect.objectContaining({ areaId: '000', period: '2023', value: 233454 })]);
  });

  it('reads the raw AUK01 file with English labels, skipping provinces, "Abroad" and "Not stated"', () => {
    const r = parseStatbankCsv(AUK01_CSV, { measure: 'auk01.nettoledige_kontanthjaelp', origin: 'test' });
    expect(r.skipped).toEqual({ landsdel: 11 * 76, 'uoplyst kommune': 76, udlandet: 76 });
    // SOURCES.md: "The COVID peak is visible (Faxe 2020Q1 133 → 2020Q2 197)".
    const faxe = r.rows.filter((x) => x.areaId === '320');
    expect(faxe.find((x) => x.period === '2020Q1')!.value).toBe(133);
    expect(faxe.find((x) => x.period === '2020Q2')!.value).toBe(197);
    expect(r.rows.filter((x) => x.areaId === '000')).toHaveLength(76);
  });
});

describe('StatBank API over HTTP (recorded answers on 127.0.0.1)', () => {
  it('looks up value ids in tableinfo, asks for CSV under the cell limit, and maps the answer', async () => {
    const info = auk01TableInfo();
    const srv = await fixtureServer((req) => {
      if (req.url.startsWith('/v1/tableinfo'))
        return { headers: { 'content-type': 'text/json; charset=utf-8' }, body: JSON.stringify(info) };
      if (req.url === '/v1/data' && req.method === 'POST')
        return { headers: { 'content-type': 'text/csv' }, body: AUK01_CSV };
      return { status: 404, body: '{"errorTypeCode":"NotFound","message":"?"}' };
    });
    try {
      const r = await fetchStatbank(srv.base, 'AUK01');
      const post = JSON.parse(srv.requests.find((q) => q.method === 'POST')!.body);
      expect(post.table).toBe('AUK01');
      expect(post.format).toBe('CSV');
      expect(post.variables).toContainEqual({ code: 'YDELSESTYPE', values: ['LEDKT'] }); // from the label
      expect(post.variables).toContainEqual({ code: 'KØN', values: ['TOT'] });
      expect(post.variables[0]).toEqual({
        code: 'OMRÅDE',
        values: ['000', '081', '082', '083', '084', '085', '101', '147', '173', '320', '607', '825'],
      });
      expect(r.sourceUpdatedAt).not.toBeNull();
      expect(r.rows.find((x) => x.areaId === '320' && x.period === '2020Q2')!.value).toBe(197);
    } finally {
      await srv.close();
    }
  });

  it('switches to BULK above the 1,000,000-cell limit', async () => {
    const info = auk01TableInfo();
    const time = info.variables.find((v) => v.time)!;
    time.values = Array.from({ length: Math.ceil(CELL_LIMIT / 12) + 1 }, (_, i) => ({
      id: `t${i}`,
      text: `t${i}`,
    }));
    const srv = await fixtureServer((req) =>
      req.url.startsWith('/v1/tableinfo') ? { body: JSON.stringify(info) } : { body: AUK01_CSV },
    );
    try {
      await fetchStatbank(srv.base, 'AUK01');
      expect(JSON.parse(srv.requests[1]!.body).format).toBe('BULK');
    } finally {
      await srv.close();
    }
  });

  it('reads the recorded tableinfo shape', async () => {
    const srv = await fixtureServer(() => ({ body: STRAF42_TABLEINFO }));
    try {
      const info = await tableInfo(srv.base, 'STRAF42');
      expect(info.id).toBe('STRAF42');
      expect(info.variables.length).toBeGreaterThan(0);
    } finally {
      await srv.close();
    }
  });
});

describe.each(ENGINES)('StatBank HTTP error halfway on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => t?.cleanup());

  it('imports AUK01, then a failing data call leaves the database exactly as it was', async () => {
    const info = auk01TableInfo();
    const ok = await fixtureServer((req) =>
      req.url.startsWith('/v1/tableinfo') ? { body: JSON.stringify(info) } : { body: AUK01_CSV },
    );
    try {
      const s = await runImport(t.database.db, await fetchStatbank(ok.base, 'AUK01'), { createdBy: 'test' });
      expect(s.new).toBe(7904);
    } finally {
      await ok.close();
    }
    const before = await snapshot(t.database.db);
    const broken = await fixtureServer((req) =>
      req.url.startsWith('/v1/tableinfo')
        ? { body: JSON.stringify(info) }
        : { status: 500, body: 'Internal Server Error' },
    );
    try {
      await expect(fetchStatbank(broken.base, 'AUK01', { retries: 2, backoffMs: 1 })).rejects.toThrow(
        'HTTP 500: Kilden svarede med en fejl: Internal Server Error',
      );
      expect(broken.requests.filter((r) => r.method === 'POST')).toHaveLength(3); // 1 + 2 retries
    } finally {
      await broken.close();
    }
    expect(await snapshot(t.database.db)).toEqual(before);
    const faxe = await series(t.database.db, { measure: 'auk01.nettoledige_kontanthjaelp', area: '320' });
    expect(faxe.length).toBe(76);
  });
});
