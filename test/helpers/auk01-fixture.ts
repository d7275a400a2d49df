// AUK01 answers for tests, BUILT FROM THE RECORDED SHAPE, not recorded: no AUK01 tableinfo and no data
// answer with every benefit type was ever recorded (datasets/SOURCES.md).
// - tableinfo: the recorded STRAF42 tableinfo (datasets/statbank/api-eksempler/tableinfo_STRAF42_da.json)
//   with its keys and nesting kept, AUK01's variables put in: OMRÅDE codes, the YDELSESTYPE labels of
//   src/data/auk01-benefit-types.ts (ids: DST's codes where public material names them, else made up),
//   KØN, ALDER, and Tid = the quarters of the real AUK01 file.
// - data: the CSV byte shape of the recorded answer (BOM, ';', CRLF, header OMRÅDE;YDELSESTYPE;KØN;ALDER;TID;INDHOLD)
//   with codes (valuePresentation=Code). Rows of "Nettoledige kontanthjælpsmodtagere" are the REAL values
//   of datasets/statbank/AUK01_…csv. Every other benefit type carries SYNTHETIC TEST VALUES (not
//   statistics): 10 × (the type's position in the list), the same in every area and quarter.
import { readFileSync } from 'node:fs';
import { resolveArea } from '../../src/data/areas.ts';
import { AUK01_BENEFIT_MAPPING } from '../../src/data/auk01-benefit-types.ts';
import type { TableInfo } from '../../src/importers/statbank-api.ts';
import { datasetPath } from './datasets.ts';

const REAL_TYPE = 'Nettoledige kontanthjælpsmodtagere';
const KNOWN_IDS: Record<string, string> = {
  'Nettoledige dagpengemodtagere': 'DP',
  'Sygedagpenge mv.': 'SY',
  'Revalideringsydelse i øvrigt': 'RE',
  Ledighedsydelse: 'LY',
  Ressourceforløb: 'RES',
  Jobafklaringsforløb: 'JA',
};

/** The benefit types in mapping order with the id the fixture gives each. */
export const FIXTURE_TYPES = AUK01_BENEFIT_MAPPING.flatMap((m) => m.labels).map((l, i) => ({
  id: KNOWN_IDS[l.label] ?? `T${i + 1}`,
  label: l.label,
  synthetic: l.label === REAL_TYPE ? null : 10 * (i + 1),
}));

/** Areas in the fixture: the country, the 5 regions and four municipalities (a subset keeps tests quick). */
export const FIXTURE_AREAS = ['000', '081', '082', '083', '084', '085', '101', '173', '320', '607'];

/** Real AUK01 values of the net-unemployed social-assistance type: area code → period → value. */
export function realKontanthjaelp(): Map<string, Map<string, number>> {
  const text = readFileSync(
    datasetPath('statbank/AUK01_nettoledige_kontanthjaelpsmodtagere_2007Q1-2025Q4_en.csv'),
    'utf8',
  ).replace(/^\uFEFF/, '');
  const out = new Map<string, Map<string, number>>();
  for (const line of text.trim().split(/\r\n/).slice(1)) {
    const [area, , , , time, value] = line.split(';');
    const a = resolveArea(area!);
    if (!a) continue;
    if (!out.has(a.id)) out.set(a.id, new Map());
    out.get(a.id)!.set(time!, Number(value));
  }
  return out;
}

export function auk01TableInfo(rename: Record<string, string> = {}): TableInfo {
  const shape = JSON.parse(
    readFileSync(datasetPath('statbank/api-eksempler/tableinfo_STRAF42_da.json'), 'utf8'),
  ) as TableInfo;
  const times = [...realKontanthjaelp().get('000')!.keys()];
  return {
    ...shape,
    id: 'AUK01',
    text: 'Offentligt forsørgede',
    unit: 'Antal',
    updated: '2025-06-18T08:00:00',
    variables: [
      {
        id: 'OMRÅDE',
        text: 'område',
        values: [...FIXTURE_AREAS, '997'].map((id) => ({ id, text: resolveArea(id)?.name ?? 'Uoplyst' })),
      },
      {
        id: 'YDELSESTYPE',
        text: 'ydelsestype',
        values: [
          { id: 'TOT', text: 'I alt' },
          ...FIXTURE_TYPES.map((t) => ({ id: t.id, text: rename[t.label] ?? t.label })),
        ],
      },
      {
        id: 'KØN',
        text: 'køn',
        values: [
          { id: 'TOT', text: 'I alt' },
          { id: 'M', text: 'Mænd' },
          { id: 'K', text: 'Kvinder' },
        ],
      },
      {
        id: 'ALDER',
        text: 'alder',
        values: [
          { id: 'TOT', text: 'Alder i alt' },
          { id: '16-24', text: '16-24 år' },
        ],
      },
      { id: 'Tid', text: 'tid', time: true, values: times.map((t) => ({ id: t, text: t })) },
    ],
  };
}

/** The data answer (CSV bytes) for every fixture area, benefit type and quarter. */
export function auk01DataCsv(): Buffer {
  const real = realKontanthjaelp();
  const times = [...real.get('000')!.keys()];
  const lines = ['OMRÅDE;YDELSESTYPE;KØN;ALDER;TID;INDHOLD'];
  for (const area of FIXTURE_AREAS)
    for (const t of FIXTURE_TYPES)
      for (const time of times) {
        const v = t.synthetic ?? real.get(area)!.get(time)!;
        lines.push(`${area};${t.id};TOT;TOT;${time};${v}`);
      }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** Serves tableinfo and data like api.statbank.dk does (for fixtureServer). */
export function auk01Handler(info = auk01TableInfo(), csv = auk01DataCsv()) {
  return (req: { url: string; method: string }) => {
    if (req.url.startsWith('/v1/tableinfo'))
      return { headers: { 'content-type': 'text/json; charset=utf-8' }, body: JSON.stringify(info) };
    if (req.url === '/v1/data' && req.method === 'POST')
      return { headers: { 'content-type': 'text/csv; charset=utf-8' }, body: csv };
    return { status: 404, body: '{"errorTypeCode":"NotFound","message":"?"}' };
  };
}
