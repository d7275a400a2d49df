// Use case: write a fetched or parsed import in one transaction (all of it lands or none of it does),
// or validate it without writing (--dry-run: the same work, rolled back). Large files arrive as a stream
// (`StreamedImport`) and are staged with COPY batch by batch; fetched imports arrive as arrays.
import type { Kysely } from 'kysely';
import {
  bulkWriteImport,
  DuplicateKeyError,
  UnknownReferenceError,
} from '../db/repositories/import-writer.ts';
import {
  type ImportCounts,
  insertMissingMeasures,
  measureIds,
  recordFailedImport,
  type StagedObservation,
} from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { ImportError } from '../importers/errors.ts';
import { type AnyImport, isStreamed } from '../importers/types.ts';
import { statisticsChanged } from './cross-sections.ts';

export interface ImportSummary extends ImportCounts {
  dryRun: boolean;
  skipped: Record<string, number>;
  measuresCreated: string[];
  /** Direction of better given to each created measure (inferred unless the importer set it). */
  measuresCreatedBetter: { id: string; better: 'lower' | 'higher'; inferred: boolean }[];
  seconds: number;
}

class DryRunRollback extends Error {
  constructor(readonly counts: ImportCounts) {
    super('dry run');
  }
}

export interface RunImportOptions {
  createdBy: string;
  dryRun?: boolean;
  /**
   * Progress: rows written so far and the total. For a streamed file the total is an estimate from the
   * bytes read until the file is read to its end.
   */
  onProgress?: (written: number, total: number) => void;
}

/** Rows of an array import handed to COPY at a time. */
const ARRAY_BATCH = 50_000;

function* arrayBatches(rows: readonly StagedObservation[]) {
  for (let i = 0; i < rows.length; i += ARRAY_BATCH) yield rows.slice(i, i + ARRAY_BATCH);
}

/** The Danish text stored for a failed import (the import list is public: never a raw database error). */
function failureText(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  const code = (err as { code?: string }).code;
  return `Importen blev afvist af databasen${code ? ` (fejlkode ${code})` : ''}; intet blev skrevet.`;
}

export async function runImport(
  db: Kysely<DB>,
  parsed: AnyImport,
  opts: RunImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const meta = {
    source: parsed.source,
    parameters: parsed.parameters,
    createdBy: opts.createdBy,
    startedAt: new Date(started),
    sourceUpdatedAt: parsed.sourceUpdatedAt,
  };
  const streamed = isStreamed(parsed);
  if (!streamed) {
    const known = await measureIds(db);
    for (const m of parsed.measures) known.add(m.id);
    const unknown = [...new Set(parsed.rows.map((r) => r.measureId).filter((id) => !known.has(id)))];
    if (unknown.length) {
      throw new ImportError(
        `Ukendt mål: ${unknown.slice(0, 5).join(', ')} (brug --create-measures for at oprette dem)`,
      );
    }
  }
  const total = streamed ? undefined : parsed.rows.length;
  const read = streamed ? parsed.progress : undefined;
  const onStaged = (rows: number) => {
    if (!opts.onProgress) return;
    if (total !== undefined) return opts.onProgress(rows, total);
    const estimate =
      read?.totalBytes && read.bytesRead > 0 ? Math.round((rows * read.totalBytes) / read.bytesRead) : rows;
    opts.onProgress(rows, Math.max(rows, estimate));
  };
  let counts: ImportCounts;
  try {
    counts = await bulkWriteImport(db, meta, streamed ? parsed.batches : arrayBatches(parsed.rows), {
      onStaged,
      // A streamed file names its new measures only once it is read: create them before the merge.
      beforeMerge: (trx) => insertMissingMeasures(trx, parsed.measures),
      afterMerge: async (_trx, c) => {
        if (opts.dryRun) throw new DryRunRollback(c);
      },
    });
  } catch (err) {
    if (err instanceof DryRunRollback) counts = { ...err.counts, importId: '' };
    else {
      const e =
        err instanceof DuplicateKeyError
          ? new ImportError(`Samme område, mål og periode står også i linje ${err.firstLine}`, {
              line: err.line,
            })
          : err instanceof UnknownReferenceError
            ? new ImportError(err.kind === 'area' ? `Ukendt område "${err.id}"` : `Ukendt mål "${err.id}"`, {
                line: err.line,
              })
            : err;
      await recordFailedImport(db, { ...meta, parameters: parsed.parameters }, failureText(e)).catch(
        () => undefined,
      );
      statisticsChanged(db); // the import list changed
      throw e;
    }
  }
  if (!opts.dryRun) statisticsChanged(db);
  return {
    ...counts,
    dryRun: !!opts.dryRun,
    skipped: parsed.skipped,
    measuresCreated: parsed.measures.map((m) => m.id),
    measuresCreatedBetter: parsed.measures.map((m) => ({
      id: m.id,
      better: m.better,
      inferred: m.betterInferred ?? false,
    })),
    seconds: (Date.now() - started) / 1000,
  };
}
