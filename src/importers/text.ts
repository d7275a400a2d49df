// Decoding files as they arrive: UTF-8 with or without BOM, or Windows-1252; ';' or ',' separators.
import iconv from 'iconv-lite';
import { ImportError } from './errors.ts';

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The separator of a header line: ';' when present (Danish CSV), else ',' or a tab. */
export function detectSeparator(headerLine: string): ';' | ',' | '\t' {
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(',')) return ',';
  throw new ImportError('Kan ikke finde skilletegnet i overskriftslinjen (forventede ";" eller ",")', {
    line: 1,
  });
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records with their 1-based file line numbers. Handles quotes and CRLF. A quote left
 * open at the end of the text is a truncated file and is refused.
 */
export function splitCsv(text: string, sep: string): CsvRecord[] {
  if (!text.includes('"')) return splitPlain(text, sep);
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      any = true;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (any || cell !== '') out.push({ line: startLine, cells });
      cells = [];
      cell = '';
      any = false;
      line++;
      startLine = line;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted)
    throw new ImportError('Filen slutter inde i et citeret felt (afkortet fil?)', { line: startLine });
  if (any || cell !== '') {
    cells.push(cell);
    out.push({ line: startLine, cells });
  }
  return out;
}

/** Fast path for files without quotes: every line is one record. */
function splitPlain(text: string, sep: string): CsvRecord[] {
  const lines = text.split('\n');
  const out: CsvRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l === '') continue;
    out.push({ line: i + 1, cells: l.split(sep) });
  }
  return out;
}
