// Report downloads for anonymous readers of a published round, cached: the same file is built once and then
// served from memory, and concurrent requests for it wait for that one build (so a crowd of downloads
// starts one renderer, not one each). The key holds what the file depends on besides the round itself: the
// publication time, the newest import (charts and "hentet" lines), and today's date in Copenhagen (the
// "Dannet" line). Entries also expire after a while, so later edits to the plan's texts show up.
import type { Kysely } from 'kysely';
import { findRound } from '../db/repositories/plans.ts';
import { listImports } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { todayInCopenhagen } from '../domain/dates.ts';

export interface CachedFile {
  bytes: Buffer;
  name: string;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 64;

export class ReportCache {
  private readonly entries = new Map<string, { file: Promise<CachedFile>; at: number }>();
  /** For tests: how many files were produced. */
  produced = 0;

  async get(key: string, produce: () => Promise<CachedFile>): Promise<CachedFile> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.file;
    this.produced++;
    const file = produce();
    this.entries.set(key, { file, at: Date.now() });
    file.catch(() => this.entries.delete(key)); // a failure is not cached
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return file;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The cache key of a round's report for anonymous readers, or undefined when the round is not published. */
export async function publishedReportKey(
  db: Kysely<DB>,
  roundId: string,
  format: string,
): Promise<string | undefined> {
  const round = await findRound(db, roundId);
  if (!round || round.status !== 'offentliggjort') return undefined;
  const [latest] = await listImports(db, 1);
  const published = round.published_at ? new Date(round.published_at).toISOString() : '';
  return [roundId, format, published, latest?.id ?? 0, todayInCopenhagen()].join('|');
}
