// jobindsats.dk importers over HTTP on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchJobindsats, type V3Data, type V3TableMeta } from '../../src/importers/jobindsats-api.ts';
import { fetchY30R21 } from '../../src/importers/jobindsats-v2.ts';
import { datasetPath, readDerivedCsv } from '../helpers/datasets.ts';
import { fixtureServer } from '../helpers/http.ts';

const KEY = 'hemmelig-test-noegle-123';

/**
 * No recorded v3 data answer exists (datasets/SOURCES.md). This fixture is BUILT from the documented v3
 * shape — metadata with hierarchies and measures by id, data as { columns, rows } — and carries REAL
 * values: y60a02 full-time persons on kontanthjælp for Hele landet, Faxe and Fredericia, 2026M05–M07,
 * from datasets/jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv, written with Danish decimals.
 */
function v3Fixture() {
  const real = readDerivedCsv('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv').filter(
    (r) =>
      ['000', '320', '607'].includes(r.kommunekode!) &&
      ['2026M05', '2026M06', '2026M07'].includes(r.periode!),
  );
  const meta: V3TableMeta = {
    id: 'y60a02',
    name: 'Kontanthjælp',
    updated: '2026-08-20',
    periods: { m: ['2026M05', '2026M06', '2026M07'] },
    hierarchies: [
      {
        id: '_nykom',
        name: 'Område',
        values: [
          { id: 'hele_landet', name: 'Hele landet' },
          { id: '320', name: 'Faxe' },
          { id: '607', name: 'Fredericia' },
          { id: 'uoplyst', name: 'Uoplyst område' },
        ],
      },
    ],
    measures: [
      { id: 'mgrpa02_1', name: 'Antal personer' },
      { id: 'mgrpa02_3', name: 'Antal fuldtidspersoner' },
    ],
  };
  const rows = real.map((r) => [
    r.periode!,
    r.kommunekode === '000' ? 'hele_landet' : r.kommunekode!,
    Number(r.antal_fuldtidspersoner).toLocaleString('da-DK'),
  ]);
  rows.push(['2026M07', 'uoplyst', '12']); // outside the catalogue: skipped, not an error
  const data: V3Data = { columns: [{ id: 'period' }, { id: '_nykom' }, { id: 'mgrpa02_3' }], rows };
  return { meta, data, real };
}

describe('jobindsats.dk API v3', () => {
  it('sends the key as a Bearer header, finds ids in the metadata and maps columns by id', async () => {
    const { meta, data, real } = v3Fixture();
    const srv = await fixtureServer((req) => {
      if (req.headers.authorization !== `Bearer ${KEY}`)
        return { status: 401, body: '{"code":401,"cause":"Unauthorized"}' };
      if (req.url === '/v3/table/y60a02') return { body: JSON.stringify(meta) };
      // A UTF-8 BOM in front of the JSON, as some STAR answers have.
      if (req.url.startsWith('/v3/data/y60a02?')) return { body: `\uFEFF${JSON.stringify(data)}` };
      return { status: 404, body: '{}' };
    });
    try {
      const r = await fetchJobindsats(srv.base, KEY, 'y60a02', { months: 3 });
      const q = new URL(srv.requests[1]!.url, srv.base).searchParams;
      expect(q.get('mgroup.*')).toBe('*');
      expect(q.get('hierarchy._nykom')).toBe('*');
      expect(q.get('period.M')).toBe('latest:3'); // upper case, as the service wants it
      expect(q.get('format')).toBe('json');
      expect(r.rows).toHaveLength(9);
      expect(r.skipped).toEqual({ 'område uden for kataloget': 1 });
      expect(real).toHaveLength(9);
      for (const x of real) {
        const row = r.rows.find((o) => o.areaId === x.kommunekode && o.period === x.periode)!;
        expect(row.value).toBe(Number(x.antal_fuldtidspersoner)); // "1.211" read as 1211
      }
      expect(r.measures[0]!.id).toBe('y60a02.fuldtidspersoner');
    } finally {
      await srv.close();
    }
  });

  it('retries 429 with back-off and then succeeds', async () => {
    const { meta, data } = v3Fixture();
    let dataCalls = 0;
    const srv = await fixtureServer((req) => {
      if (req.url === '/v3/table/y60a02') return { body: JSON.stringify(meta) };
      dataCalls++;
      return dataCalls < 3
        ? { status: 429, headers: { 'retry-after': '0' }, body: 'Too Many Requests' }
        : { body: JSON.stringify(data) };
    });
    try {
      const r = await fetchJobindsats(srv.base, KEY, 'y60a02', { http: { backoffMs: 1 } });
      expect(dataCalls).toBe(3);
      expect(r.rows.length).toBe(9);
    } finally {
      await srv.close();
    }
  });

  it.each(
    JSON.parse(readFileSync(datasetPath('jobindsats/api-eksempler/v3_fejlsvar.json'), 'utf8')) as {
      http_status: number;
      body: { cause: string };
    }[],
  )('turns the recorded v3 error body $body.cause into a Danish error with the status', async (recorded) => {
    const { meta } = v3Fixture();
    const srv = await fixtureServer((req) =>
      req.url === '/v3/table/y60a02'
        ? { body: JSON.stringify(meta) }
        : { status: recorded.http_status, body: JSON.stringify(recorded.body) },
    );
    try {
      const err = await fetchJobindsats(srv.base, KEY, 'y60a02').catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      // An unknown period type is retried with Q and Y; when all are refused the error says so.
      expect((err as Error).message).toBe(
        recorded.body.cause.startsWith('Unknown period type')
          ? `HTTP 422: Tabellen y60a02 kender ingen af periodetyperne M, Q, Y (HTTP 422: Kilden afviste forespørgslen: ${recorded.body.cause})`
          : `HTTP 422: Kilden afviste forespørgslen: ${recorded.body.cause}`,
      );
      expect((err as Error).message).not.toContain(KEY);
    } finally {
      await srv.close();
    }
  });

  it('refuses to run without a key, and never puts the key in an error', async () => {
    await expect(fetchJobindsats('http://127.0.0.1:9', undefined, 'y60a02')).rejects.toThrow(
      'JOBINDSATS_API_KEY er ikke sat',
    );
    const srv = await fixtureServer(() => ({ status: 401, body: '{"code":401,"cause":"Invalid token"}' }));
    try {
      const err = (await fetchJobindsats(srv.base, KEY, 'ptv_a02').catch((e: Error) => e)) as Error;
      expect(err.message).toBe('HTTP 401: Adgang nægtet af kilden (Invalid token)');
      expect(err.message).not.toContain(KEY);
    } finally {
      await srv.close();
    }
  });
});

/**
 * v2 Y30R21: the answer body is rebuilt as CSV from the recorded rows (the .jsonl is Node-RED's parse of
 * the API's CSV answer: keys and value strings exactly as served; see SOURCES.md).
 */
function y30r21CsvAnswer(): string {
  const lines = readFileSync(datasetPath('jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.jsonl'), 'utf8')
    .trim()
    .split('\n');
  const objs = lines.map((l) => JSON.parse(l) as Record<string, string | number>);
  const keys = Object.keys(objs[0]!);
  return [keys.join(';'), ...objs.map((o) => keys.map((k) => String(o[k])).join(';'))].join('\r\n');
}

describe('jobindsats.dk API v2 Y30R21', () => {
  it('posts the recorded request and reads all 98 municipalities × 6 periods × 4 groups', async () => {
    const request = JSON.parse(
      readFileSync(datasetPath('jobindsats/api-eksempler/v2_y30r21_request.json'), 'utf8'),
    );
    const srv = await fixtureServer((req) =>
      req.headers.authorization === KEY
        ? { body: y30r21CsvAnswer() }
        : { status: 401, body: 'Forkert nøgle eller nøglen er udløbet.' },
    );
    try {
      const r = await fetchY30R21(srv.base, KEY);
      expect(srv.requests[0]!.url).toBe('/v2/data/y30r21/csv/');
      expect(JSON.parse(srv.requests[0]!.body)).toEqual(request.body);
      expect(r.rows).toHaveLength(2352 * 6);
      const derived = readDerivedCsv('jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.csv').find(
        (x) =>
          x.kommunekode === '607' && x.periode === '2021QMAT04' && x.ydelsesgruppe === 'Ydelsesgrupper i alt',
      )!;
      const rank = r.rows.find(
        (x) => x.measureId === 'y30r21.placering.i_alt' && x.areaId === '607' && x.period === '2021QMAT04',
      )!;
      expect(rank.value).toBe(Number(derived.placering_benchmarkrangliste));
      const share = r.rows.find(
        (x) =>
          x.measureId === 'y30r21.faktisk_andel.i_alt' && x.areaId === '607' && x.period === '2021QMAT04',
      )!;
      expect(share.value).toBe(Number(derived.faktisk_andel_pct)); // "9,39"-style decimal comma
    } finally {
      await srv.close();
    }
  });

  it('explains the recorded invalid-key answer', async () => {
    const body = readFileSync(datasetPath('jobindsats/api-eksempler/v2_fejl_ugyldig_noegle.txt'), 'utf8');
    const srv = await fixtureServer(() => ({ status: 401, body }));
    try {
      await expect(fetchY30R21(srv.base, 'forkert')).rejects.toThrow(
        'HTTP 401: Adgang nægtet af kilden (Forkert nøgle eller nøglen er udløbet.)',
      );
    } finally {
      await srv.close();
    }
  });
});
