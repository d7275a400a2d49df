import type { MeasureRecord, StagedObservation } from '../db/repositories/statistics.ts';

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
