// Måltavle's own long CSV: `area;measure;period;value` (+ optional `unit`), one header row.
// area = municipality code, 000 the country, a region code (081–085) or a comparison-area id.

import { resolveArea } from '../data/areas.ts';
import type { MeasureRecord, StagedObservation } from '../db/repositories/statistics.ts';
import { inferBetter } from '../domain/better.ts';
import { parseDanishNumber } from '../domain/numbers.ts';
import { type Period, periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import { ImportError } from './errors.ts';
import { decodeText, detectSeparator, splitCsv } from './text.ts';
import type { ParsedImport } from './types.ts';

export interface LongCsvOptions {
  file: string;
  knownMeasures: ReadonlySet<string>;
  createMeasures?: boolean;
  /** Decimal mark: default ',' for ';'-separated files (Danish), '.' for ','-separated files. */
  decimal?: ',' | '.';
}

const REQUIRED = ['area', 'measure', 'period', 'value'] as const;
const ALIASES: Record<string, (typeof REQUIRED)[number] | 'unit'> = {
  area: 'area',
  omraade: 'area',
  område: 'area',
  kommunekode: 'area',
  measure: 'measure',
  maal: 'measure',
  mål: 'measure',
  period: 'period',
  periode: 'period',
  value: 'value',
  vaerdi: 'value',
  værdi: 'value',
  unit: 'unit',
  enhed: 'unit',
};

export function parseLongCsv(bytes: Uint8Array, opts: LongCsvOptions): ParsedImport {
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.trim()) throw new ImportError('Filen er tom', { line: 1 });
  const sep = detectSeparator(firstLine);
  const decimal = opts.decimal ?? (sep === ',' ? '.' : ',');
  const records = splitCsv(text, sep);
  const header = records.shift()!;
  const cols = header.cells.map((c) => ALIASES[c.trim().toLocaleLowerCase('da')]);
  const missingCols = REQUIRED.filter((r) => !cols.includes(r));
  if (missingCols.length) {
    throw new ImportError(
      `Overskriften skal have kolonnerne area;measure;period;value (mangler: ${missingCols.join(', ')}; fandt: ${header.cells.join(sep)})`,
      { line: header.line },
    );
  }
  const idx = (name: string) => cols.indexOf(name as (typeof REQUIRED)[number]);
  const [iArea, iMeasure, iPeriod, iValue, iUnit] = [
    idx('area'),
    idx('measure'),
    idx('period'),
    idx('value'),
    idx('unit'),
  ];
  const rows: StagedObservation[] = [];
  const newMeasures = new Map<string, MeasureRecord>();
  const seen = new Map<string, number>();
  // Files repeat the same few areas and periods: resolve each text once.
  const areaCache = new Map<string, ReturnType<typeof resolveArea>>();
  const periodCache = new Map<string, { code: string; ord: number; kind: Period['kind'] } | undefined>();
  for (const r of records) {
    if (r.cells.length !== header.cells.length) {
      throw new ImportError(`Forventede ${header.cells.length} felter, fandt ${r.cells.length}`, {
        line: r.line,
      });
    }
    const cell = (i: number) => (r.cells[i] ?? '').trim();
    const areaText = cell(iArea);
    let area = areaCache.get(areaText);
    if (area === undefined && !areaCache.has(areaText)) {
      area = resolveArea(areaText);
      areaCache.set(areaText, area);
    }
    if (!area) throw new ImportError(`Ukendt område "${cell(iArea)}"`, { line: r.line });
    const measureId = cell(iMeasure);
    if (!measureId) throw new ImportError('Målet (measure) mangler', { line: r.line });
    if (!opts.knownMeasures.has(measureId)) {
      if (!opts.createMeasures) {
        throw new ImportError(`Ukendt mål "${measureId}" (brug --create-measures for at oprette det)`, {
          line: r.line,
        });
      }
      if (!newMeasures.has(measureId)) {
        newMeasures.set(measureId, {
          id: measureId,
          name: measureId,
          unit: iUnit >= 0 ? cell(iUnit) || 'antal' : 'antal',
          source: 'file',
          sourceTable: null,
          dimensions: {},
          frequency: 'month',
          attribution: `Kilde: fil ${opts.file}`,
          description: null,
          better: inferBetter(iUnit >= 0 ? cell(iUnit) : 'antal', measureId),
          betterInferred: true,
        });
      }
    }
    const periodText = cell(iPeriod);
    let period = periodCache.get(periodText);
    if (period === undefined && !periodCache.has(periodText)) {
      const p = tryParsePeriod(periodText);
      period = p ? { code: periodCode(p), ord: periodOrdinal(p), kind: p.kind } : undefined;
      periodCache.set(periodText, period);
    }
    if (!period) throw new ImportError(`Perioden "${periodText}" kan ikke læses`, { line: r.line });
    const nm = newMeasures.get(measureId);
    if (nm && nm.name === measureId && !nm.description) {
      nm.frequency = period.kind;
      nm.description = `Oprettet ved import af ${opts.file}`;
    }
    const parsed = parseDanishNumber(cell(iValue), { decimal });
    if (parsed.kind === 'invalid') throw new ImportError(`Værdien ${parsed.reason}`, { line: r.line });
    const code = period.code;
    const key = `${measureId}|${area.id}|${code}`;
    const prev = seen.get(key);
    if (prev !== undefined)
      throw new ImportError(`Samme område, mål og periode står også i linje ${prev}`, { line: r.line });
    seen.set(key, r.line);
    rows.push({
      measureId,
      areaId: area.id,
      period: code,
      periodOrd: period.ord,
      value: parsed.kind === 'number' ? parsed.value : null,
      missing: parsed.kind === 'missing' ? parsed.marker || 'tom' : null,
    });
  }
  if (rows.length === 0) throw new ImportError('Filen har ingen datalinjer', { line: header.line + 1 });
  return {
    source: 'file:long-csv',
    parameters: { file: opts.file, encoding, separator: sep, decimal },
    rows,
    measures: [...newMeasures.values()],
    skipped: {},
    sourceUpdatedAt: null,
  };
}
