import type { MeasureRecord, StagedObservation } from '../domain/statistics.ts';

/** What a parser or fetcher produced, ready to be validated and written in one transaction. */
export interface ParsedImport {
  source: string;
  parameters: Record<string, unknown>;
  rows: StagedObservation[];
  /** Measures to create with the import (`--create-measures`, or an importer's own catalogue). */
  measures: MeasureRecord[];
  /** Rows left out on purpose, e.g. StatBank's "Abroad" or provinces, by reason. */
  skipped: Record<string, number>;
  sourceUpdatedAt: Date | null;
}

/**
 * An import read as a stream (a long file): rows arrive in batches and are staged as they come, so the
 * whole file is never in memory. `measures`, `parameters` and `skipped` are complete once `batches` is
 * exhausted; a parse error is thrown from `batches` and rolls the import back.
 */
export interface StreamedImport {
  source: string;
  parameters: Record<string, unknown>;
  batches: AsyncIterable<StagedObservation[]>;
  measures: MeasureRecord[];
  skipped: Record<string, number>;
  sourceUpdatedAt: Date | null;
  /** How far the reading has come, for progress while the total number of rows is unknown. */
  progress?: { bytesRead: number; totalBytes: number | undefined };
}

export type AnyImport = ParsedImport | StreamedImport;

export const isStreamed = (p: AnyImport): p is StreamedImport => 'batches' in p;
