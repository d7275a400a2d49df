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
 * Splits CSV text into records with their 1-based file line numbers. Handles quotes and CRLF, LF and
 * CR-only line ends. A quote left open at the end of the text is a truncated file and is refused.
 */
export function splitCsv(text: string, sep: string): CsvRecord[] {
  return new CsvTokenizer(sep).feed(text, true);
}

/**
 * Incremental CSV splitter: feed text as it arrives, get back the records completed so far. A record cut
 * by the end of a chunk waits for the next one. Line ends: CRLF, LF or a lone CR (old Excel on the Mac).
 */
export class CsvTokenizer {
  private rest = '';
  /** File line on which `rest` starts. */
  private line = 1;
  constructor(readonly sep: string) {}

  feed(text: string, final = false): CsvRecord[] {
    const t = this.rest + text;
    this.rest = '';
    const out = t.includes('"') ? this.quoted(t, final) : this.plain(t, final);
    if (t.includes('\0')) refuseNul(out);
    return out;
  }

  /** Fast path for text without quotes: every line is one record. */
  private plain(t: string, final: boolean): CsvRecord[] {
    let body = t;
    if (!final) {
      // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
      const limit = t.endsWith('\r') ? t.length - 2 : t.length - 1;
      const lastBreak = Math.max(t.lastIndexOf('\n', limit), t.lastIndexOf('\r', limit));
      if (lastBreak < 0) {
        this.rest = t;
        return [];
      }
      body = t.slice(0, lastBreak + 1);
      this.rest = t.slice(lastBreak + 1);
    }
    const lines = body.split(/\r\n|\r|\n/);
    const out: CsvRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l !== '') out.push({ line: this.line + i, cells: l.split(this.sep) });
    }
    this.line += lines.length - 1;
    return out;
  }

  private quoted(t: string, final: boolean): CsvRecord[] {
    const sep = this.sep;
    const out: CsvRecord[] = [];
    let cells: string[] = [];
    let cell = '';
    let quoted = false;
    let line = this.line;
    let startLine = line;
    let startIndex = 0;
    let any = false;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      const last = i === t.length - 1;
      if (quoted) {
        if (ch === '"') {
          if (last && !final) return this.keep(out, t, startIndex, startLine);
          if (t[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n' || (ch === '\r' && t[i + 1] !== '\n')) line++;
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
        if (ch === '\r' && last && !final) return this.keep(out, t, startIndex, startLine);
        if (ch === '\r' && t[i + 1] === '\n') i++;
        cells.push(cell);
        if (any || cell !== '') out.push({ line: startLine, cells });
        cells = [];
        cell = '';
        any = false;
        line++;
        startLine = line;
        startIndex = i + 1;
      } else {
        cell += ch;
        any = true;
      }
    }
    if (!final) return this.keep(out, t, startIndex, startLine);
    if (quoted)
      throw new ImportError('Filen slutter inde i et citeret felt (afkortet fil?)', { line: startLine });
    if (any || cell !== '') {
      cells.push(cell);
      out.push({ line: startLine, cells });
    }
    return out;
  }

  private keep(out: CsvRecord[], t: string, startIndex: number, startLine: number): CsvRecord[] {
    this.rest = t.slice(startIndex);
    this.line = startLine;
    return out;
  }
}

/** A NUL byte cannot be stored in a text column: refuse it with the line and field, in Danish. */
function refuseNul(records: readonly CsvRecord[]) {
  for (const r of records) {
    const i = r.cells.findIndex((c) => c.includes('\0'));
    if (i >= 0)
      throw new ImportError(
        `Felt nr. ${i + 1} indeholder et NUL-tegn (byte 0), som ikke kan gemmes. Gem filen som UTF-8 eller Windows-1252 CSV.`,
        { line: r.line },
      );
  }
}

/**
 * Incremental decoder for files read in chunks: UTF-8 (BOM or not), or Windows-1252 when the bytes are
 * not UTF-8. The choice is made at the first non-UTF-8 byte; a file that was valid, non-ASCII UTF-8 up to
 * there mixes encodings and is refused.
 */
export class StreamDecoder {
  encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  private first = true;
  /** True while everything decoded so far was ASCII (then switching to Windows-1252 changes nothing). */
  private asciiSoFar = true;
  /** Trailing non-ASCII bytes of earlier chunks that the UTF-8 decoder holds as an unfinished character. */
  private held: number[] = [];

  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.first) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        this.asciiSoFar = false; // a BOM says UTF-8: never switch
      }
    }
    if (this.encoding === 'windows-1252') return iconv.decode(Buffer.from(bytes), 'windows-1252');
    try {
      const text = this.utf8.decode(bytes, { stream: !final });
      if (this.asciiSoFar) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
        if (/[^\u0000-\u007f]/.test(text)) this.asciiSoFar = false;
        else this.hold(bytes);
      }
      return text;
    } catch {
      if (!this.asciiSoFar)
        throw new ImportError(
          'Filen er ikke gyldig UTF-8 (den skifter tegnsæt undervejs). Gem den som UTF-8 eller Windows-1252.',
        );
      this.encoding = 'windows-1252';
      return iconv.decode(Buffer.concat([Buffer.from(this.held), Buffer.from(bytes)]), 'windows-1252');
    }
  }

  /** Keeps the trailing run of non-ASCII bytes (at most 3: an unfinished UTF-8 character). */
  private hold(bytes: Uint8Array) {
    let i = bytes.length;
    while (i > 0 && bytes[i - 1]! > 0x7f && bytes.length - i < 3) i--;
    if (i > 0) this.held = [];
    for (let j = i; j < bytes.length; j++) this.held.push(bytes[j]!);
    if (this.held.length > 3) this.held = this.held.slice(-3);
  }
}
