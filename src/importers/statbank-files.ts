// Statistics Denmark StatBank files and API answers: CSV (lang=da or en, BOM, CRLF, ".." for missing)
// and JSON-stat (dataset.dimension with id/size/role inside), mapped to one measure.
import { resolveArea } from '../data/areas.ts';
import { parseDanishNumber } from '../domain/numbers.ts';
import { periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import type { StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { decodeText, splitCsv } from './text.ts';
import type { ParsedImport } from './types.ts';

export interface StatbankMapping {
  /** The measure every value becomes. */
  measure: string;
  /** Fixed values of the other dimensions, e.g. { KØN: 'Total' }; a dimension with several values needs one. */
  filter?: Record<string, string>;
  /** Where the data came from, for the import record. */
  origin: string;
  /**
   * One dimension whose value picks the measure (e.g. YDELSESTYPE code → measure id), for answers that
   * hold several series; values not listed are refused.
   */
  measureBy?: { column: string; measures: Record<string, string> };
}

const AREA_COLUMNS = ['OMRÅDE', 'OMR', 'KOMK', 'KOMMUNE', 'BOPKOM', 'REGION', 'AREA'];
const TIME_COLUMNS = ['TID', 'TIME', 'Tid'];
const VALUE_COLUMNS = ['INDHOLD', 'CONTENTS', 'VALUE'];

/** Areas StatBank lists that are not in Måltavle's catalogue: counted as skipped, never an error. */
function skippedAreaReason(label: string): string | undefined {
  if (/^(Province|Landsdel) /i.test(label)) return 'landsdel';
  if (/^(Not stated|Uoplyst)/i.test(label) || label === '950' || label === '997') return 'uoplyst kommune';
  if (/^(Abroad|Udlandet)$/i.test(label) || label === '998' || label === '999') return 'udlandet';
  if (/^Christiansø$/i.test(label) || label === '411') return 'Christiansø';
  return undefined;
}

function staged(
  measure: string,
  areaId: string,
  periodText: string,
  raw: string | number | null,
  line?: number,
): StagedObservation {
  const period = tryParsePeriod(periodText);
  if (!period)
    throw new ImportError(`Perioden "${periodText}" kan ikke læses`, line !== undefined ? { line } : {});
  const parsed =
    typeof raw === 'number'
      ? { kind: 'number' as const, value: raw }
      : parseDanishNumber(raw, { decimal: ',' });
  if (parsed.kind === 'invalid')
    throw new ImportError(`Værdien ${parsed.reason}`, line !== undefined ? { line } : {});
  return {
    measureId: measure,
    areaId,
    period: periodCode(period),
    periodOrd: periodOrdinal(period),
    value: parsed.kind === 'number' ? parsed.value : null,
    missing: parsed.kind === 'missing' ? parsed.marker || 'tom' : null,
  };
}

export function parseStatbankCsv(bytes: Uint8Array, map: StatbankMapping): ParsedImport {
  const { text } = decodeText(bytes);
  const records = splitCsv(text, ';');
  const header = records.shift();
  if (!header) throw new ImportError('Filen er tom', { line: 1 });
  const cols = header.cells.map((c) => c.trim());
  const find = (names: string[]) =>
    cols.findIndex((c) => names.includes(c.toUpperCase()) || names.includes(c));
  const iArea = find(AREA_COLUMNS);
  const iTime = find(TIME_COLUMNS);
  const iValue = find(VALUE_COLUMNS);
  // A table without an area variable is national (e.g. STRAF42): its values belong to the country.
  if (iTime < 0 || iValue < 0) {
    throw new ImportError(
      `Forventede en StatBank-fil med kolonnerne TID og INDHOLD (og evt. OMRÅDE); fandt ${cols.join(';')}`,
      { line: header.line },
    );
  }
  if (cols.length < 2)
    throw new ImportError(`Overskriften har for få kolonner: ${cols.join(';')}`, { line: header.line });
  const iMeasure = map.measureBy ? cols.indexOf(map.measureBy.column) : -1;
  if (map.measureBy && iMeasure < 0)
    throw new ImportError(`Filen mangler kolonnen ${map.measureBy.column}; fandt ${cols.join(';')}`, {
      line: header.line,
    });
  const others = cols
    .map((c, i) => ({ c, i }))
    .filter(({ i }) => i !== iArea && i !== iTime && i !== iValue && i !== iMeasure);
  const seenValues = new Map<string, Set<string>>(others.map(({ c }) => [c, new Set()]));
  const rows: StagedObservation[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Map<string, number>();
  for (const r of records) {
    if (r.cells.length !== cols.length) {
      throw new ImportError(`Forventede ${cols.length} felter, fandt ${r.cells.length}`, { line: r.line });
    }
    let keep = true;
    for (const { c, i } of others) {
      const v = r.cells[i]!.trim();
      const wanted = map.filter?.[c];
      if (wanted !== undefined && v !== wanted) keep = false;
      else seenValues.get(c)!.add(v);
    }
    if (!keep) continue;
    const areaText = iArea >= 0 ? r.cells[iArea]!.trim() : '000';
    const area = resolveArea(areaText);
    if (!area) {
      const reason = skippedAreaReason(areaText);
      if (!reason) throw new ImportError(`Ukendt område "${areaText}"`, { line: r.line });
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      continue;
    }
    let measure = map.measure;
    if (map.measureBy) {
      const code = r.cells[iMeasure]!.trim();
      const m = map.measureBy.measures[code];
      if (!m)
        throw new ImportError(
          `${map.measureBy.column} "${code}" blev ikke bedt om (kendte: ${Object.keys(map.measureBy.measures).join(', ')})`,
          { line: r.line },
        );
      measure = m;
    }
    const obs = staged(measure, area.id, r.cells[iTime]!.trim(), r.cells[iValue]!, r.line);
    const key = `${obs.measureId}|${obs.areaId}|${obs.period}`;
    if (seen.has(key))
      throw new ImportError(`Samme område og periode står også i linje ${seen.get(key)}`, { line: r.line });
    seen.set(key, r.line);
    rows.push(obs);
  }
  for (const [dim, values] of seenValues) {
    if (values.size > 1) {
      throw new ImportError(
        `Filen har flere værdier for ${dim} (${[...values].slice(0, 4).join(', ')}…); vælg én med et filter, fx ${dim}=${[...values][0]}`,
      );
    }
  }
  if (rows.length === 0) throw new ImportError('Filen har ingen datalinjer for kendte områder');
  return {
    source: 'statbank',
    parameters: { origin: map.origin, measure: map.measure, filter: map.filter ?? {} },
    rows,
    measures: [],
    skipped,
    sourceUpdatedAt: null,
  };
}

interface JsonStatDimension {
  label?: string;
  category: { index: Record<string, number> | string[]; label?: Record<string, string> };
}

interface JsonStatDataset {
  dimension: Record<string, JsonStatDimension> & {
    id?: string[];
    size?: number[];
    role?: { time?: string[]; metric?: string[] };
  };
  id?: string[];
  size?: number[];
  role?: { time?: string[]; metric?: string[] };
  value: (number | null)[] | Record<string, number | null>;
  updated?: string;
}

/** JSON-stat as StatBank serves it (version 1 "dataset" wrapper, id/size/role inside dimension) or JSON-stat 2. */
export function parseJsonStat(json: unknown, map: StatbankMapping): ParsedImport {
  const root = json as { dataset?: JsonStatDataset } & JsonStatDataset;
  const ds: JsonStatDataset | undefined = root?.dataset ?? (root?.dimension ? root : undefined);
  if (!ds?.dimension) throw new ImportError('Svaret er ikke JSON-stat (mangler dataset.dimension)');
  const ids = ds.dimension.id ?? ds.id;
  const sizes = ds.dimension.size ?? ds.size;
  const role = ds.dimension.role ?? ds.role;
  if (!ids || !sizes || ids.length !== sizes.length) throw new ImportError('JSON-stat mangler id og size');
  const timeId = role?.time?.[0] ?? ids.find((d) => TIME_COLUMNS.includes(d));
  const areaId = ids.find((d) => AREA_COLUMNS.includes(d.toUpperCase()));
  if (!timeId) throw new ImportError('JSON-stat har ingen tidsdimension');
  const cats = ids.map((id) => {
    const dim = ds.dimension[id] as JsonStatDimension | undefined;
    if (!dim) throw new ImportError(`JSON-stat mangler dimensionen ${id}`);
    const index = dim.category.index;
    const codes = Array.isArray(index)
      ? index
      : Object.entries(index)
          .sort((a, b) => a[1] - b[1])
          .map(([k]) => k);
    return { id, codes, labels: dim.category.label ?? {} };
  });
  const total = sizes.reduce((a, b) => a * b, 1);
  const values = ds.value;
  const valueAt = (i: number) => (Array.isArray(values) ? values[i] : values[String(i)]);
  const rows: StagedObservation[] = [];
  const skipped: Record<string, number> = {};
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    const pos: number[] = new Array(ids.length);
    for (let d = ids.length - 1; d >= 0; d--) {
      pos[d] = rest % sizes[d]!;
      rest = Math.floor(rest / sizes[d]!);
    }
    let keep = true;
    let area = areaId ? undefined : resolveArea('000');
    let timeCode = '';
    cats.forEach((c, d) => {
      const code = c.codes[pos[d]!]!;
      const label = c.labels[code] ?? code;
      if (c.id === timeId) timeCode = code;
      else if (c.id === areaId) {
        area = resolveArea(code) ?? resolveArea(label);
        if (!area) {
          const reason = skippedAreaReason(label) ?? skippedAreaReason(code);
          if (!reason) throw new ImportError(`Ukendt område "${label}" (${code})`);
          skipped[reason] = (skipped[reason] ?? 0) + 1;
          keep = false;
        }
      } else if (map.filter?.[c.id] !== undefined && map.filter[c.id] !== code && map.filter[c.id] !== label)
        keep = false;
      else if (map.filter?.[c.id] === undefined && c.codes.length > 1 && !role?.metric?.includes(c.id)) {
        throw new ImportError(`Svaret har flere værdier for ${c.id}; vælg én med et filter`);
      }
    });
    if (!keep || !area) continue;
    const v = valueAt(flat);
    rows.push(
      staged(map.measure, (area as { id: string }).id, timeCode, v === null || v === undefined ? '..' : v),
    );
  }
  return {
    source: 'statbank',
    parameters: { origin: map.origin, measure: map.measure, filter: map.filter ?? {} },
    rows,
    measures: [],
    skipped,
    sourceUpdatedAt: ds.updated ? new Date(ds.updated) : null,
  };
}
