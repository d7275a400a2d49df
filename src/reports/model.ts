// One report model, several renderers (Word, PDF, HTML, Excel). Text is Danish and already formatted;
// tables also keep the raw numbers so Excel gets numbers, not text.

export interface Cell {
  /** The text as printed (Danish format). */
  text: string;
  /** The number behind the text, for Excel. */
  value?: number | null;
  /** Extra lines (e.g. dated status texts), printed below the text. */
  lines?: string[];
  bold?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'small' }
  | {
      kind: 'table';
      id: string;
      caption: string;
      columns: { header: string; numeric?: boolean; width?: number }[];
      rows: Cell[][];
      source: string;
    }
  | {
      kind: 'figure';
      caption: string;
      svg: string;
      /** The PNG for formats that need one (Word's fallback); drawn on the first call. */
      png: () => Uint8Array;
      width: number;
      height: number;
      source: string;
    };

export interface Report {
  title: string;
  subtitle: string;
  /** Lines for the title page: municipality, plan, round, when the statistics were fetched. */
  meta: string[];
  blocks: Block[];
  /** Footnotes: sources of every figure and the statistics' fetch dates. */
  footnotes: string[];
}

export const cell = (text: string, value?: number | null): Cell =>
  value === undefined ? { text } : { text, value };
