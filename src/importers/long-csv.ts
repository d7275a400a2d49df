// Måltavle's own long CSV: `area;measure;period;value` (+ optional `unit`), one header row.
// area = municipality code, 000 the country, a region code (081–085) or a comparison-area id.
import { createReadStream, statSync } from 'node:fs';
import { resolveArea } from '../data/areas.ts';
import { inferBetter } from '../domain/better.ts';
import { parseDanishNumber } from '../domain/numbers.ts';
import { type Period, periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import type { MeasureRecord, StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import {
  type CsvRecord,
  CsvTokenizer,
  decodeText,
  detectSeparator,
  StreamDecoder,
  splitCsv,
} from './text.ts';
import type { ParsedImport, StreamedImport } from './types.ts';

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

/** Checks the header and turns each data record into a staged observation; errors carry the file line. */
class LongCsvRows {
  readonly newMeasures = new Map<string, MeasureRecord>();
  readonly decimal: ',' | '.';
  private readonly width: number;
  private readonly iArea: number;
  private readonly iMeasure: number;
  private readonly iPeriod: number;
  private readonly iValue: number;
  private readonly iUnit: number;
  // Files repeat the same few areas and periods: resolve each text once.
  private readonly areaCache = new Map<string, ReturnType<typeof resolveArea>>();
  private readonly periodCache = new Map<
    string,
    { code: string; ord: number; kind: Period['kind'] } | undefined
  >();

  constructor(
    private readonly opts: LongCsvOptions,
    header: CsvRecord,
    readonly sep: string,
  ) {
    this.decimal = opts.decimal ?? (sep === ',' ? '.' : ',');
    const cols = header.cells.map((c) => ALIASES[c.trim().toLocaleLowerCase('da')]);
    const missingCols = REQUIRED.filter((r) => !cols.includes(r));
    if (missingCols.length) {
      throw new ImportError(
        `Overskriften skal have kolonnerne area;measure;period;value (mangler: ${missingCols.join(', ')}; fandt: "${header.cells.join(sep)}")`,
        { line: header.line },
      );
    }
    const idx = (name: string) => cols.indexOf(name as (typeof REQUIRED)[number]);
    this.width = header.cells.length;
    [this.iArea, this.iMeasure, this.iPeriod, this.iValue, this.iUnit] = [
      idx('area'),
      idx('measure'),
      idx('period'),
      idx('value'),
      idx('unit'),
    ];
  }

  row(r: CsvRecord): StagedObservation {
    if (r.cells.length !== this.width) {
      throw new ImportError(`Forventede ${this.width} felter, fandt ${r.cells.length}`, { line: r.line });
    }
    const cell = (i: number) => (r.cells[i] ?? '').trim();
    const areaText = cell(this.iArea);
    let area = this.areaCache.get(areaText);
    if (area === undefined && !this.areaCache.has(areaText)) {
      area = resolveArea(areaText);
      this.areaCache.set(areaText, area);
    }
    if (!area) throw new ImportError(`Ukendt område "${areaText}"`, { line: r.line });
    const measureId = cell(this.iMeasure);
    if (!measureId) throw new ImportError('Målet (measure) mangler', { line: r.line });
    if (!this.opts.knownMeasures.has(measureId) && !this.newMeasures.has(measureId))
      this.addMeasure(measureId, r, cell);
    const periodText = cell(this.iPeriod);
    let period = this.periodCache.get(periodText);
    if (period === undefined && !this.periodCache.has(periodText)) {
      const p = tryParsePeriod(periodText);
      period = p ? { code: periodCode(p), ord: periodOrdinal(p), kind: p.kind } : undefined;
      this.periodCache.set(periodText, period);
    }
    if (!period) throw new ImportError(`Perioden "${periodText}" kan ikke læses`, { line: r.line });
    const nm = this.newMeasures.get(measureId);
    if (nm && !nm.description) {
      nm.frequency = period.kind;
      nm.description = `Oprettet ved import af ${this.opts.file}`;
    }
    const valueText = cell(this.iValue);
    // Most values are plain integers: skip the general number parser for them.
    const parsed = isPlainInteger(valueText)
      ? ({ kind: 'number', value: Number(valueText) } as const)
      : parseDanishNumber(valueText, { decimal: this.decimal });
    if (parsed.kind === 'invalid') throw new ImportError(`Værdien ${parsed.reason}`, { line: r.line });
    return {
      measureId,
      areaId: area.id,
      period: period.code,
      periodOrd: period.ord,
      value: parsed.kind === 'number' ? parsed.value : null,
      missing: parsed.kind === 'missing' ? parsed.marker || 'tom' : null,
      line: r.line,
    };
  }

  private addMeasure(measureId: string, r: CsvRecord, cell: (i: number) => string) {
    if (!this.opts.createMeasures) {
      throw new ImportError(`Ukendt mål "${measureId}" (brug --create-measures for at oprette det)`, {
        line: r.line,
      });
    }
    const unit = this.iUnit >= 0 ? cell(this.iUnit) || 'antal' : 'antal';
    if (CONTROL.test(measureId) || CONTROL.test(unit))
      throw new ImportError('Målets navn eller enhed indeholder et kontroltegn, som ikke kan gemmes', {
        line: r.line,
      });
    if (measureId.length > 200 || unit.length > 200)
      throw new ImportError(
        `Målets navn og enhed må højst have 200 tegn (fandt "${measureId}" og "${unit}")`,
        { line: r.line },
      );
    this.newMeasures.set(measureId, {
      id: measureId,
      name: measureId,
      unit,
      source: 'file',
      sourceTable: null,
      dimensions: {},
      frequency: 'month',
      attribution: `Kilde: fil ${this.opts.file}`,
      description: null,
      better: inferBetter(unit, measureId),
      betterInferred: true,
    });
  }
}

/** 1 to 15 digits, optionally signed: exact as a double, read the same in every Danish notation. */
function isPlainInteger(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

function headerOf(records: CsvRecord[], opts: LongCsvOptions, sep: string): LongCsvRows {
  const header = records.shift()!;
  return new LongCsvRows(opts, header, sep);
}

function firstLineOf(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Parses a whole file held in memory (small files, uploads, tests). */
export function parseLongCsv(bytes: Uint8Array, opts: LongCsvOptions): ParsedImport {
  const { text, encoding } = decodeText(bytes);
  const firstLine = firstLineOf(text);
  if (!firstLine.trim()) throw new ImportError('Filen er tom', { line: 1 });
  const sep = detectSeparator(firstLine);
  const records = splitCsv(text, sep);
  const reader = headerOf(records, opts, sep);
  const rows = records.map((r) => reader.row(r));
  if (rows.length === 0) throw new ImportError('Filen har ingen datalinjer', { line: 2 });
  return {
    source: 'file:long-csv',
    parameters: { file: opts.file, encoding, separator: sep, decimal: reader.decimal },
    rows,
    measures: [...reader.newMeasures.values()],
    skipped: {},
    sourceUpdatedAt: null,
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new ImportError(`Filen "${path}" findes ikke eller kan ikke læses`);
  }
}

/** Rows handed to the writer at a time while a file streams in. */
const BATCH_ROWS = 50_000;

/**
 * Reads a long CSV as a stream, never holding the whole file: the rows arrive in batches while the file is
 * read, and the writer stages each batch as it comes. `measures` and `parameters` are complete once the
 * batches are exhausted.
 */
export function streamLongCsv(
  input: string | AsyncIterable<Uint8Array>,
  opts: LongCsvOptions & { totalBytes?: number },
): StreamedImport {
  const totalBytes = opts.totalBytes ?? (typeof input === 'string' ? fileSize(input) : undefined);
  const parameters: Record<string, unknown> = { file: opts.file };
  const measures: MeasureRecord[] = [];
  const progress = { bytesRead: 0, totalBytes };
  async function* batches(): AsyncGenerator<StagedObservation[]> {
    const source = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
    const decoder = new StreamDecoder();
    let tokenizer: CsvTokenizer | undefined;
    let reader: LongCsvRows | undefined;
    let pending = '';
    let batch: StagedObservation[] = [];
    let count = 0;
    const take = function* (records: CsvRecord[]) {
      if (!reader && records.length) reader = headerOf(records, opts, tokenizer!.sep);
      for (const r of records) {
        batch.push(reader!.row(r));
        if (batch.length >= BATCH_ROWS) {
          count += batch.length;
          yield batch;
          batch = [];
        }
      }
    };
    const feed = function* (text: string, final: boolean) {
      if (!tokenizer) {
        pending += text;
        const hasBreak = /\r|\n/.test(pending);
        if (!hasBreak && !final) return;
        const firstLine = firstLineOf(pending);
        if (!firstLine.trim()) throw new ImportError('Filen er tom', { line: 1 });
        const sep = detectSeparator(firstLine);
        tokenizer = new CsvTokenizer(sep);
        parameters.separator = sep;
        text = pending;
        pending = '';
      }
      yield* take(tokenizer.feed(text, final));
    };
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      progress.bytesRead += bytes.length;
      yield* feed(decoder.decode(bytes), false);
    }
    yield* feed(decoder.decode(new Uint8Array(0), true), true);
    if (batch.length) {
      count += batch.length;
      yield batch;
    }
    if (count === 0) throw new ImportError('Filen har ingen datalinjer', { line: 2 });
    parameters.encoding = decoder.encoding;
    parameters.decimal = reader!.decimal;
    measures.push(...reader!.newMeasures.values());
  }
  return {
    source: 'file:long-csv',
    parameters,
    batches: batches(),
    measures,
    skipped: {},
    sourceUpdatedAt: null,
    progress,
  };
}
