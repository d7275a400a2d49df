// Reading an uploaded file for a preview: Måltavle's long CSV line by line, so that a bad line is refused
// with its reason while the good lines are kept (each line goes through the same parser as the CLI, so the
// rules are the parser's own); StatBank CSV/JSON-stat and Jobindsats exports as a whole (a bad line
// refuses the file, with its line number).
import type { MeasureRecord } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { parseJobindsatsWide } from './jobindsats-files.ts';
import { parseLongCsv } from './long-csv.ts';
import { parseJsonStat, parseStatbankCsv } from './statbank-files.ts';
import { decodeText, detectSeparator, splitCsv } from './text.ts';
import type { ParsedImport } from './types.ts';

export type UploadKind = 'long-csv' | 'statbank' | 'jobindsats';

export interface RefusedLine {
  line: number;
  reason: string;
}

export interface UploadParse {
  parsed: ParsedImport;
  refused: RefusedLine[];
}

const quote = (c: string, sep: string) =>
  /["\r\n]/.test(c) || c.includes(sep) ? `"${c.replace(/"/g, '""')}"` : c;

function parseLongCsvLenient(
  bytes: Uint8Array,
  opts: { file: string; knownMeasures: ReadonlySet<string> },
): UploadParse {
  const { text } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.trim()) throw new ImportError('Filen er tom', { line: 1 });
  const sep = detectSeparator(firstLine);
  const records = splitCsv(text, sep);
  const header = records.shift()!;
  const head = header.cells.map((c) => quote(c, sep)).join(sep);
  const refused: RefusedLine[] = [];
  const rows: ParsedImport['rows'] = [];
  const measures = new Map<string, MeasureRecord>();
  const seen = new Map<string, number>();
  let base: ParsedImport | undefined;
  for (const r of records) {
    if (r.cells.length === 1 && r.cells[0]!.trim() === '') continue;
    const one = new TextEncoder().encode(`${head}\n${r.cells.map((c) => quote(c, sep)).join(sep)}\n`);
    try {
      const p = parseLongCsv(one, {
        file: opts.file,
        knownMeasures: opts.knownMeasures,
        createMeasures: true,
      });
      base ??= p;
      const row = p.rows[0]!;
      const key = `${row.measureId}|${row.areaId}|${row.period}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        refused.push({ line: r.line, reason: `Samme område, mål og periode står også i linje ${prev}` });
        continue;
      }
      seen.set(key, r.line);
      rows.push(row);
      for (const m of p.measures) if (!measures.has(m.id)) measures.set(m.id, m);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      // The header was checked with this line: a header error is the file's, not the line's.
      if (err.where.line === 1) throw err;
      refused.push({ line: r.line, reason: err.message.replace(/^Linje \d+: /, '') });
    }
  }
  if (rows.length === 0 && refused.length === 0)
    throw new ImportError('Filen har ingen datalinjer', { line: header.line + 1 });
  return {
    parsed: {
      source: 'file:long-csv',
      parameters: { ...(base?.parameters ?? {}), file: opts.file, refusedLines: refused.length },
      rows,
      measures: [...measures.values()],
      skipped: refused.length ? { 'afviste linjer': refused.length } : {},
      sourceUpdatedAt: null,
    },
    refused,
  };
}

export function parseUpload(
  bytes: Uint8Array,
  input: {
    kind: UploadKind;
    file: string;
    measure?: string;
    filter?: Record<string, string>;
    table?: string;
  },
  knownMeasures: ReadonlySet<string>,
): UploadParse {
  switch (input.kind) {
    case 'long-csv':
      return parseLongCsvLenient(bytes, { file: input.file, knownMeasures });
    case 'jobindsats': {
      if (!input.table) throw new ImportError('Vælg hvilken Jobindsats-tabel filen er eksporteret fra');
      return { parsed: parseJobindsatsWide(bytes, input.table.toLowerCase(), input.file), refused: [] };
    }
    case 'statbank': {
      if (!input.measure) throw new ImportError('Vælg hvilket mål StatBank-filen skal blive til');
      const map = { measure: input.measure, filter: input.filter ?? {}, origin: input.file };
      const start = new TextDecoder()
        .decode(bytes.subarray(0, 64))
        .replace(/^\uFEFF/, '')
        .trimStart();
      if (start.startsWith('{')) {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
        } catch {
          throw new ImportError('Filen begynder som JSON-stat, men er ikke gyldig JSON');
        }
        return { parsed: { ...parseJsonStat(json, map), source: 'file:statbank' }, refused: [] };
      }
      return { parsed: { ...parseStatbankCsv(bytes, map), source: 'file:statbank' }, refused: [] };
    }
  }
}
