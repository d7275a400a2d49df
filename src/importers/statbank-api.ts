// Statistics Denmark StatBank API (api.statbank.dk/v1, no key): tableinfo for metadata and the table's
// "updated" date, then data as CSV, or as BULK (streamed CSV) above the 1,000,000-cell limit.
import { MUNICIPALITIES, REGIONS } from '../data/areas.ts';
import { ImportError } from './errors.ts';
import { fetchWithRetry, type HttpOptions } from './http.ts';
import { parseStatbankCsv } from './statbank-files.ts';
import type { ParsedImport } from './types.ts';

export interface TableInfo {
  id: string;
  text: string;
  unit: string;
  updated: string;
  variables: { id: string; text: string; time?: boolean; values: { id: string; text: string }[] }[];
}

/** What to fetch from a StatBank table into one measure. */
export interface StatbankRequest {
  table: string;
  measure: string;
  /** Variable values other than area and time, by value id, e.g. { YDELSESTYPE: ['TOT'], KØN: ['TOT'] }. */
  values: Record<string, string[]>;
  /** Time values; default '*' (all). */
  time?: string[];
}

export const CELL_LIMIT = 1_000_000;

/** The built-in StatBank requests: the tables the issue names, mapped to Måltavle measures. */
const STATBANK_PRESETS: Record<string, (info: TableInfo) => StatbankRequest> = {
  AUK01: (info) => ({
    table: 'AUK01',
    measure: 'auk01.nettoledige_kontanthjaelp',
    values: {
      YDELSESTYPE: [
        findValue(info, 'YDELSESTYPE', /nettoledige kontanthjælp|net unemployed recipients of social/i),
      ],
      KØN: [findValue(info, 'KØN', /^(i alt|total)$/i)],
      ALDER: [findValue(info, 'ALDER', /^(alder i alt|age, total|i alt)$/i)],
    },
  }),
  FOLK1AM: (info) => ({
    table: 'FOLK1AM',
    measure: 'folk1am.befolkning',
    values: {
      KØN: [findValue(info, 'KØN', /^(i alt|total)$/i)],
      ALDER: [findValue(info, 'ALDER', /^(alder i alt|age, total|i alt)$/i)],
    },
  }),
};

/** Finds a value id by its label in the table's metadata, instead of hard-coding ids. */
export function findValue(info: TableInfo, variable: string, label: RegExp): string {
  const v = info.variables.find((x) => x.id.toUpperCase() === variable.toUpperCase());
  if (!v) throw new ImportError(`Tabellen ${info.id} har ingen variabel ${variable}`);
  const hit = v.values.find((x) => label.test(x.text));
  if (!hit) throw new ImportError(`Tabellen ${info.id} har ingen værdi for ${variable} der matcher ${label}`);
  return hit.id;
}

export async function tableInfo(base: string, table: string, http: HttpOptions = {}): Promise<TableInfo> {
  const res = await fetchWithRetry(
    `${base}/v1/tableinfo?id=${encodeURIComponent(table)}&format=JSON&lang=da`,
    {},
    http,
  );
  return (await res.json()) as TableInfo;
}

export async function fetchStatbank(
  base: string,
  preset: string,
  http: HttpOptions = {},
): Promise<ParsedImport> {
  const build = STATBANK_PRESETS[preset.toUpperCase()];
  if (!build)
    throw new ImportError(
      `Ukendt StatBank-tabel "${preset}" (kendte: ${Object.keys(STATBANK_PRESETS).join(', ')})`,
    );
  const info = await tableInfo(base, preset.toUpperCase(), http);
  const req = build(info);
  const areaVar = info.variables.find((v) => /^(OMRÅDE|KOMK|REGION)$/i.test(v.id));
  const timeVar = info.variables.find((v) => v.time || /^tid$/i.test(v.id));
  if (!areaVar || !timeVar) throw new ImportError(`Tabellen ${info.id} har ikke både område og tid`);
  // Only the areas Måltavle knows: the country, the regions and the 98 municipalities.
  const wanted = new Set(['000', ...REGIONS.map((r) => r.id), ...MUNICIPALITIES.map((m) => m.id)]);
  const areaValues = areaVar.values.map((v) => v.id).filter((id) => wanted.has(id));
  const timeValues = req.time ?? timeVar.values.map((v) => v.id);
  const cells =
    areaValues.length * timeValues.length * Object.values(req.values).reduce((n, v) => n * v.length, 1);
  const format = cells > CELL_LIMIT ? 'BULK' : 'CSV';
  const body = {
    table: info.id,
    format,
    lang: 'da',
    valuePresentation: 'Code',
    variables: [
      { code: areaVar.id, values: areaValues },
      ...Object.entries(req.values).map(([code, values]) => ({ code, values })),
      { code: timeVar.id, values: timeValues },
    ],
  };
  const res = await fetchWithRetry(
    `${base}/v1/data`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    http,
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  const parsed = parseStatbankCsv(bytes, { measure: req.measure, origin: `${base}/v1/data ${info.id}` });
  return {
    ...parsed,
    source: 'statbank',
    parameters: { table: info.id, format, cells, values: req.values },
    sourceUpdatedAt: info.updated ? new Date(info.updated) : null,
  };
}
