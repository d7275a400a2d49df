// The v3 client against both metadata shapes and both column styles, served over HTTP on 127.0.0.1.
// THE FIXTURES ARE BUILT FROM DOCUMENTATION AND PUBLIC CLIENTS, NOT RECORDED: no v3 metadata or data
// answer was ever recorded (datasets/SOURCES.md). Shape "hierarchy_id/value_id/level_id/is_required",
// `{columns, rows}` with Danish labels, `mgroup.*=*`, `period.M=latest:N` and the retry on 422 "Unknown
// period type" follow what public v3 clients read and send. Values: y60a02 rows are REAL
// (datasets/jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv); the ptv_a02 values are SYNTHETIC test
// values (no ptv_a02 figures exist in datasets/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchJobindsats } from '../../src/importers/jobindsats-api.ts';
import { datasetPath, readDerivedCsv } from '../helpers/datasets.ts';
import { type Answer, fixtureServer, type Recorded } from '../helpers/http.ts';

const KEY = 'hemmelig-v3-noegle';
const AREAS: [string, string][] = [
  ['000', 'Hele landet'],
  ['320', 'Faxe'],
  ['607', 'Fredericia'],
];
const real = readDerivedCsv('jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv').filter(
  (r) => AREAS.some(([c]) => c === r.kommunekode) && ['2026M05', '2026M06', '2026M07'].includes(r.periode!),
);
const recorded422 = (
  JSON.parse(readFileSync(datasetPath('jobindsats/api-eksempler/v3_fejlsvar.json'), 'utf8')) as {
    body: { cause: string };
  }[]
).find((e) => e.body.cause.startsWith('Unknown period type'))!.body;

/** Metadata as public clients read it: hierarchy_id, levels with level_id, members with value_id. */
const metaHierarchyId = {
  table_id: 'y60a02',
  table_name: 'Kontanthjælp',
  updated: '2026-08-20',
  hierarchies: [
    {
      hierarchy_id: '_nykom',
      hierarchy_name: 'Område',
      is_required: false,
      levels: [
        {
          level_id: 'land',
          level_name: 'Hele landet',
          values: [{ value_id: '_hele_landet', name: 'Hele landet' }],
        },
        {
          level_id: 'kom',
          level_name: 'Kommune',
          values: [
            { value_id: '_320', name: 'Faxe' },
            { value_id: '_607', name: 'Fredericia' },
            { value_id: '_uopl', name: 'Uoplyst område' },
          ],
        },
      ],
    },
    {
      hierarchy_id: '_kon',
      hierarchy_name: 'Køn',
      is_required: true,
      values: [
        { value_id: '/', name: 'Køn i alt' },
        { value_id: 'k', name: 'Kvinder' },
      ],
    },
  ],
  measures: [
    { measure_id: 'mgrpa02_1', name: 'Antal personer' },
    { measure_id: 'mgrpa02_3', name: 'Antal fuldtidspersoner' },
  ],
};
/** Metadata in the shape Måltavle read first. */
const metaIdValues = {
  id: 'y60a02',
  name: 'Kontanthjælp',
  updated: '2026-08-20',
  hierarchies: [
    {
      id: '_nykom',
      name: 'Område',
      values: AREAS.map(([c, n]) => ({ id: c === '000' ? 'hele_landet' : c, name: n })),
    },
  ],
  measures: [
    { id: 'mgrpa02_1', name: 'Antal personer' },
    { id: 'mgrpa02_3', name: 'Antal fuldtidspersoner' },
  ],
};
const da = (x: string) => Number(x).toLocaleString('da-DK');
/** Columns as Danish labels, areas as names (as public clients read them). */
const dataByLabel = {
  columns: ['Periode', 'Område', 'Antal personer', 'Antal fuldtidspersoner'],
  rows: [
    ...real.map((r) => [
      r.periode,
      AREAS.find(([c]) => c === r.kommunekode)![1],
      da(r.antal_personer!),
      da(r.antal_fuldtidspersoner!),
    ]),
    ['2026M07', 'Uoplyst område', '3', '2'],
  ],
};
/** Columns as objects with ids, areas as value ids. */
const dataById = {
  columns: [{ id: 'period' }, { id: '_nykom' }, { id: 'mgrpa02_3' }],
  rows: real.map((r) => [
    r.periode,
    r.kommunekode === '000' ? 'hele_landet' : r.kommunekode,
    da(r.antal_fuldtidspersoner!),
  ]),
};

async function run(meta: unknown, data: unknown, opts: { rejectM?: boolean } = {}) {
  const srv = await fixtureServer((req: Recorded): Answer => {
    if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 401, body: '{"code":401}' };
    if (req.url.startsWith('/v3/table/')) return { body: JSON.stringify(meta) };
    if (opts.rejectM && req.url.includes('period.M='))
      return { status: 422, body: JSON.stringify(recorded422) };
    if (req.url.startsWith('/v3/data/')) return { body: JSON.stringify(data) };
    return { status: 404, body: '{}' };
  });
  try {
    const r = await fetchJobindsats(srv.base, KEY, 'y60a02', { months: 3, http: { retries: 0 } }).catch(
      (e: Error) => e,
    );
    return { r, requests: srv.requests };
  } finally {
    await srv.close();
  }
}

function expectReal(r: unknown) {
  if (r instanceof Error) throw r;
  const rows = (r as { rows: { areaId: string; period: string; value: number }[] }).rows;
  expect(rows).toHaveLength(real.length);
  expect(real.length).toBe(9);
  for (const x of real)
    expect(rows.find((o) => o.areaId === x.kommunekode && o.period === x.periode)!.value).toBe(
      Number(x.antal_fuldtidspersoner),
    );
}

describe('jobindsats v3 client: what the service sends', () => {
  it.each([
    ['hierarchy_id/value_id metadata', metaHierarchyId],
    ['id/values metadata', metaIdValues],
  ])('%s with Danish column labels', async (_n, meta) => {
    const { r, requests } = await run(meta, dataByLabel);
    expectReal(r);
    const q = new URL(requests[1]!.url, 'http://x').searchParams;
    expect(q.get('mgroup.*')).toBe('*');
    expect(q.get('hierarchy._nykom')).toBe('*');
    expect(q.get('period.M')).toBe('latest:3');
    expect(q.get('format')).toBe('json');
    if (meta === metaHierarchyId) expect(q.get('hierarchy._kon')).toBe('/'); // is_required → the total
    expect((r as { skipped: Record<string, number> }).skipped).toEqual({ 'område uden for kataloget': 1 });
  });

  it.each([
    ['hierarchy_id/value_id metadata', metaHierarchyId],
    ['id/values metadata', metaIdValues],
  ])('%s with columns by id', async (_n, meta) => {
    // With hierarchy_id metadata the answer's area cells are value ids like "_607" that are no codes:
    // the client maps them through the metadata's labels.
    const data =
      meta === metaHierarchyId
        ? {
            ...dataById,
            rows: dataById.rows.map((r) => [
              r[0],
              r[1] === 'hele_landet' ? '_hele_landet' : `_${r[1]}`,
              r[2],
            ]),
          }
        : dataById;
    const { r } = await run(meta, data);
    expectReal(r); // "mgrpa02_3" found through the metadata's measure of that label
  });

  it('names the columns it found when the value column matches neither id nor label', async () => {
    const { measures: _m, ...noMeasures } = metaHierarchyId;
    const { r } = await run(noMeasures, dataById);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toBe(
      'Svaret fra Jobindsats mangler kolonnen for målet /^antal fuldtidspersoner$/i; kolonnerne er "period", "_nykom", "mgrpa02_3"',
    );
  });

  it('retries a 422 "Unknown period type" (the recorded body) with Q', async () => {
    const { r, requests } = await run(metaHierarchyId, dataByLabel, { rejectM: true });
    expectReal(r);
    const asked = requests.filter((q) => q.url.startsWith('/v3/data/')).map((q) => q.url);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toContain('period.M=latest%3A3');
    expect(asked[1]).toContain('period.Q=latest%3A1');
  });

  it('fails on a third metadata shape with the fields it found', async () => {
    const { r } = await run(
      { table: 'y60a02', dimensions: [{ code: '_nykom', items: [{ key: '607', title: 'Fredericia' }] }] },
      dataByLabel,
    );
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toBe(
      'Uventet metadata for Jobindsats-tabellen y60a02: forventede hierarchies[].id med values[] eller hierarchy_id med value_id; fandt felterne table, dimensions, dimensions[].code, dimensions[].items, dimensions[].items[].key, dimensions[].items[].title',
    );
  });

  it('fails on a third data shape with the fields it found', async () => {
    const { r } = await run(metaIdValues, { data: [{ Periode: '2026M07' }] });
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toBe(
      'Uventet svar fra Jobindsats: forventede columns og rows; fandt felterne data, data[].Periode',
    );
  });

  it('ptv_a02: finds the benefit-group hierarchy by its label when the id is not the guessed one', async () => {
    const meta = {
      ...metaHierarchyId,
      table_id: 'ptv_a02',
      hierarchies: [
        metaHierarchyId.hierarchies[0],
        {
          hierarchy_id: '_ygrpptv3',
          hierarchy_name: 'Ydelsesgrupper',
          values: [
            { value_id: '/', name: 'Ydelsesgrupper i alt' },
            { value_id: 'ad', name: 'A-dagpenge mv.' },
            { value_id: 'x', name: 'Efterløn' },
          ],
        },
      ],
    };
    const data = {
      columns: ['Periode', 'Område', 'Ydelsesgruppe', 'Antal fuldtidspersoner'],
      rows: [
        ['2018K2', 'Fredericia', 'Ydelsesgrupper i alt', '100'],
        ['2018K2', 'Fredericia', 'A-dagpenge mv.', '10'],
        ['2018K2', 'Fredericia', 'Efterløn', '1'],
      ],
    };
    const srv = await fixtureServer((req) =>
      req.url.startsWith('/v3/table/') ? { body: JSON.stringify(meta) } : { body: JSON.stringify(data) },
    );
    try {
      const r = await fetchJobindsats(srv.base, KEY, 'ptv_a02', { months: 12 });
      const q = new URL(srv.requests[1]!.url, 'http://x').searchParams;
      expect(q.get('hierarchy._ygrpptv3')).toBe('*');
      expect(q.get('period.Q')).toBe('latest:4'); // ptv_a02 is asked quarterly first
      expect(r.rows.map((x) => [x.measureId, x.areaId, x.period, x.value])).toEqual([
        ['ptv_a02.fuldtidspersoner.i_alt', '607', '2018Q2', 100],
        ['ptv_a02.fuldtidspersoner.a_dagpenge', '607', '2018Q2', 10],
      ]);
      expect(r.skipped).toEqual({ 'anden ydelsesgruppe': 1 });
    } finally {
      await srv.close();
    }
  });
});
