// jobindsats.dk API v2 for the ministry's benchmark Y30R21 (POST /v2/data/y30r21/csv/ with the key in
// the Authorization header). v2 answers carry labels, not ids, so columns are matched on the label
// parts that name the statistic ("Faktisk antal", "Placering på benchmarkranglisten").
import { findArea, resolveArea } from '../data/areas.ts';
import { Y30R21_GROUPS } from '../data/measures.ts';
import { parseDanishNumber } from '../domain/numbers.ts';
import { periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import type { StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { fetchWithRetry, type HttpOptions } from './http.ts';
import { decodeText, splitCsv } from './text.ts';
import type { ParsedImport } from './types.ts';

const Y30R21_PERIODS = ['2020QMAT02', '2020QMAT04', '2021QMAT02', '2021QMAT04', '2022QMAT02', '2022QMAT04'];

const COLUMN_RULES: [RegExp, string][] = [
  [/: Forventet antal$/, 'forventet_antal'],
  [/: Faktisk antal$/, 'faktisk_antal'],
  [/: Forventet andel \(pct\.\)$/, 'forventet_andel'],
  [/: Faktisk andel \(pct\.\)$/, 'faktisk_andel'],
  [/Forskel mellem forventet og faktisk andel/, 'forskel_andel'],
  [/^Placering på benchmarkranglisten$/, 'placering'],
];

function parseY30R21Csv(bytes: Uint8Array, origin: string): ParsedImport {
  const { text } = decodeText(bytes);
  if (/^Forkert nøgle/.test(text.trim())) throw new ImportError(`Jobindsats afviste nøglen: ${text.trim()}`);
  const records = splitCsv(text, ';');
  const header = records.shift();
  if (!header) throw new ImportError('Svaret er tomt', { line: 1 });
  const cols = header.cells.map((c) => c.trim());
  const iArea = cols.findIndex((c) => /^(Area|Område)$/i.test(c));
  const iPeriod = cols.findIndex((c) => /^(Periode|Period)$/i.test(c));
  const iGroup = cols.findIndex((c) => /^Ydelsesgrupper?$/i.test(c));
  if (iArea < 0 || iPeriod < 0 || iGroup < 0)
    throw new ImportError(`Uventede kolonner i Y30R21: ${cols.join(';')}`, { line: header.line });
  const valueCols = cols
    .map((c, i) => ({ i, suffix: COLUMN_RULES.find(([re]) => re.test(c))?.[1] }))
    .filter((x): x is { i: number; suffix: string } => !!x.suffix);
  const rows: StagedObservation[] = [];
  for (const r of records) {
    if (r.cells.length !== cols.length)
      throw new ImportError(`Forventede ${cols.length} felter, fandt ${r.cells.length}`, { line: r.line });
    const area = resolveArea(r.cells[iArea]!) ?? findArea(r.cells[iArea]!);
    if (!area) throw new ImportError(`Ukendt område "${r.cells[iArea]}"`, { line: r.line });
    const period = tryParsePeriod(r.cells[iPeriod]!);
    if (!period) throw new ImportError(`Perioden "${r.cells[iPeriod]}" kan ikke læses`, { line: r.line });
    const group = Y30R21_GROUPS.find(([label]) => label === r.cells[iGroup]!.trim());
    if (!group) throw new ImportError(`Ukendt ydelsesgruppe "${r.cells[iGroup]}"`, { line: r.line });
    for (const { i, suffix } of valueCols) {
      const v = parseDanishNumber(r.cells[i]!);
      if (v.kind === 'invalid')
        throw new ImportError(`Værdien i kolonnen "${cols[i]}" ${v.reason}`, { line: r.line });
      rows.push({
        measureId: `y30r21.${suffix}.${group[1]}`,
        areaId: area.id,
        period: periodCode(period),
        periodOrd: periodOrdinal(period),
        value: v.kind === 'number' ? v.value : null,
        missing: v.kind === 'missing' ? v.marker || 'tom' : null,
      });
    }
  }
  return {
    source: 'jobindsats:y30r21',
    parameters: { origin, api: 'v2' },
    rows,
    measures: [],
    skipped: {},
    sourceUpdatedAt: null,
  };
}

export async function fetchY30R21(
  base: string,
  key: string | undefined,
  http: HttpOptions = {},
): Promise<ParsedImport> {
  if (!key) throw new ImportError('JOBINDSATS_API_KEY er ikke sat; nøglen konfigureres på serveren');
  const body = { area: '*', period: Y30R21_PERIODS, _ygrp_y30r21: Y30R21_GROUPS.map(([label]) => label) };
  const res = await fetchWithRetry(
    `${base}/v2/data/y30r21/csv/`,
    {
      method: 'POST',
      headers: { authorization: key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    http,
  );
  return parseY30R21Csv(new Uint8Array(await res.arrayBuffer()), `${base}/v2/data/y30r21/csv/`);
}
