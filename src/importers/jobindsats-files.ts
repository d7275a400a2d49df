// Jobindsats series as exported to wide CSV (one row per area × period, one column per measure), as in
// datasets/jobindsats/*.csv: `kommunekode;omraade;periode;<column>…`, decimal point, blank = suppressed.
import { findArea, resolveArea } from '../data/areas.ts';
import { Y30R21_GROUPS } from '../data/measures.ts';
import { parseDanishNumber } from '../domain/numbers.ts';
import { periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import type { StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { decodeText, detectSeparator, splitCsv } from './text.ts';
import type { ParsedImport } from './types.ts';

/** Which measure each column of a known Jobindsats export becomes. */
const JOBINDSATS_FILE_COLUMNS: Record<string, Record<string, string>> = {
  y25i01: {
    ledige_fuldtidspersoner_i_alt: 'y25i01.ledige_fuldtidspersoner',
    ledige_pct_af_arbejdsstyrken_i_alt: 'y25i01.ledige_pct',
    ledige_fuldtidspersoner_dagpenge: 'y25i01.ledige_fuldtidspersoner_dagpenge',
    ledige_pct_dagpenge: 'y25i01.ledige_pct_dagpenge',
    ledige_fuldtidspersoner_kontanthjaelp: 'y25i01.ledige_fuldtidspersoner_kontanthjaelp',
    ledige_pct_kontanthjaelp: 'y25i01.ledige_pct_kontanthjaelp',
  },
  y25i09: {
    langtidsledige_i_alt: 'y25i09.langtidsledige',
    langtidsledige_dagpenge: 'y25i09.langtidsledige_dagpenge',
    langtidsledige_kontanthjaelp: 'y25i09.langtidsledige_kontanthjaelp',
  },
  y60a02: {
    antal_personer: 'y60a02.personer',
    antal_fuldtidspersoner: 'y60a02.fuldtidspersoner',
    fuldtidspersoner_pct_af_arbejdsstyrken_16_66: 'y60a02.pct_arbejdsstyrken',
    fuldtidspersoner_pct_af_befolkningen_16_66: 'y60a02.pct_befolkningen',
  },
  y60c07: {
    aktiveringsgrad: 'y60c07.aktiveringsgrad',
    andel_aktiveringsberoerte: 'y60c07.andel_aktiveringsberoerte',
  },
  y60j01: {
    personer_med_ordinaere_loentimer: 'y60j01.personer_ordinaere_loentimer',
    andel_med_ordinaere_loentimer_pct: 'y60j01.andel_ordinaere_loentimer',
  },
};

const Y30R21_COLUMNS: Record<string, string> = {
  faktisk_antal_fuldtidspersoner: 'faktisk_antal',
  forventet_antal_fuldtidspersoner: 'forventet_antal',
  faktisk_andel_pct: 'faktisk_andel',
  forventet_andel_pct: 'forventet_andel',
  forskel_andel_pctpoint: 'forskel_andel',
  placering_benchmarkrangliste: 'placering',
};

/** Parses a wide Jobindsats CSV of a known table (y25i01, y60a02, …, y30r21). */
export function parseJobindsatsWide(bytes: Uint8Array, table: string, file: string): ParsedImport {
  const { text } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = detectSeparator(firstLine);
  const records = splitCsv(text, sep);
  const header = records.shift();
  if (!header) throw new ImportError('Filen er tom', { line: 1 });
  const cols = header.cells.map((c) => c.trim());
  const iCode = cols.indexOf('kommunekode');
  const iName = cols.indexOf('omraade');
  const iPeriod = cols.indexOf('periode');
  const iGroup = cols.indexOf('ydelsesgruppe');
  if ((iCode < 0 && iName < 0) || iPeriod < 0) {
    throw new ImportError(
      `Forventede kolonnerne kommunekode (eller omraade) og periode; fandt ${cols.join(sep)}`,
      { line: header.line },
    );
  }
  const isY30 = table === 'y30r21';
  const mapping = isY30 ? Y30R21_COLUMNS : JOBINDSATS_FILE_COLUMNS[table];
  if (!mapping) throw new ImportError(`Ukendt Jobindsats-tabel "${table}"`);
  if (isY30 && iGroup < 0)
    throw new ImportError('Y30R21 kræver kolonnen ydelsesgruppe', { line: header.line });
  const valueCols = cols.map((c, i) => ({ c, i, suffix: mapping[c] })).filter((x) => x.suffix);
  if (valueCols.length === 0)
    throw new ImportError(`Ingen kendte målekolonner for ${table} i overskriften`, { line: header.line });
  // These exports write a decimal point (SOURCES.md: derived files use '.').
  const decimal = '.';
  const rows: StagedObservation[] = [];
  for (const r of records) {
    if (r.cells.length !== cols.length)
      throw new ImportError(`Forventede ${cols.length} felter, fandt ${r.cells.length}`, { line: r.line });
    const code = iCode >= 0 ? r.cells[iCode]!.trim() : '';
    const area = code ? findArea(code.padStart(3, '0')) : resolveArea(r.cells[iName]!.trim());
    if (!area) throw new ImportError(`Ukendt område "${code || r.cells[iName]}"`, { line: r.line });
    const period = tryParsePeriod(r.cells[iPeriod]!.trim());
    if (!period) throw new ImportError(`Perioden "${r.cells[iPeriod]}" kan ikke læses`, { line: r.line });
    let groupSuffix = '';
    if (isY30) {
      const g = Y30R21_GROUPS.find(([label]) => label === r.cells[iGroup]!.trim());
      if (!g) throw new ImportError(`Ukendt ydelsesgruppe "${r.cells[iGroup]}"`, { line: r.line });
      groupSuffix = g[1];
    }
    for (const { i, suffix } of valueCols) {
      const parsed = parseDanishNumber(r.cells[i]!, { decimal });
      if (parsed.kind === 'invalid')
        throw new ImportError(`Værdien i kolonnen ${cols[i]} ${parsed.reason}`, { line: r.line });
      rows.push({
        measureId: isY30 ? `y30r21.${suffix}.${groupSuffix}` : suffix!,
        areaId: area.id,
        period: periodCode(period),
        periodOrd: periodOrdinal(period),
        value: parsed.kind === 'number' ? parsed.value : null,
        missing: parsed.kind === 'missing' ? parsed.marker || 'tom' : null,
      });
    }
  }
  return {
    source: `jobindsats:${table}`,
    parameters: { file, table },
    rows,
    measures: [],
    skipped: {},
    sourceUpdatedAt: null,
  };
}
