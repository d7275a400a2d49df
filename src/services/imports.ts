// Use case: write a fetched or parsed import in one transaction (all of it lands or none of it does),
// or validate it without writing (--dry-run: the same work, rolled back).
import type { Kysely } from 'kysely';
import {
  type ImportCounts,
  insertMissingMeasures,
  measureIds,
  recordFailedImport,
  writeImport,
} from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { ImportError } from '../importers/errors.ts';
import type { ParsedImport } from '../importers/types.ts';

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
  onProgress?: (written: number, total: number) => void;
}

export async function runImport(
  db: Kysely<DB>,
  parsed: ParsedImport,
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
  const known = await measureIds(db);
  for (const m of parsed.measures) known.add(m.id);
  const unknown = [...new Set(parsed.rows.map((r) => r.measureId).filter((id) => !known.has(id)))];
  if (unknown.length) {
    throw new ImportError(
      `Ukendt mål: ${unknown.slice(0, 5).join(', ')} (brug --create-measures for at oprette dem)`,
    );
  }
  let counts: ImportCounts;
  try {
    counts = await db.transaction().execute(async (trx) => {
      await insertMissingMeasures(trx, parsed.measures);
      const c = await writeImport(trx, meta, parsed.rows, opts.onProgress);
      if (opts.dryRun) throw new DryRunRollback(c);
      return c;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) counts = { ...err.counts, importId: '' };
    else {
      await recordFailedImport(db, meta, err instanceof Error ? err.message : String(err)).catch(
        () => undefined,
      );
      throw err;
    }
  }
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
