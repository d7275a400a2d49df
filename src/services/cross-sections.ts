// Cross-sections (all areas of one measure in one period) read once per import generation and kept in
// memory, shared by rank, benchmark, evaluation and reports. An import that commits drops them: locally at
// once, and on every other app server through PostgreSQL LISTEN/NOTIFY (see src/db/notify.ts). The cache is
// bounded by the number of values it holds; the least recently used cross-sections go first.
import type { Kysely } from 'kysely';
import * as repo from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';

export interface CrossSectionValue {
  area: string;
  value: number | null;
  missing: string | null;
  version: number;
  importId: string;
  importedAt: Date;
}

export type CrossSection = readonly CrossSectionValue[];

/** Values kept at most (98 municipalities + regions ≈ 110 a cross-section: some 900 cross-sections). */
const MAX_CACHED_VALUES = 100_000;

/** Values kept at most in whole measures (all periods and areas of a measure, what evaluations read). */
export const MAX_MEASURE_VALUES = 500_000;

class StatisticsCache {
  generation = 0;
  values = 0;
  measureValues = 0;
  readonly wholeMeasures = new Map<string, { map: Promise<unknown>; size: number }>();
  readonly sections = new Map<string, { rows: Promise<CrossSection>; size: number }>();
  measures: Promise<Map<string, repo.MeasureRecord>> | undefined;
  latestImport: Promise<string> | undefined;
  readonly results = new Map<string, Promise<unknown>>();
  readonly answers = new Map<string, CachedAnswer>();
  answerBytes = 0;

  clear() {
    this.generation++;
    this.results.clear();
    this.answers.clear();
    this.answerBytes = 0;
    this.sections.clear();
    this.wholeMeasures.clear();
    this.measureValues = 0;
    this.values = 0;
    this.measures = undefined;
    this.latestImport = undefined;
  }

  remember(key: string, rows: Promise<CrossSection>, generation: number) {
    if (generation !== this.generation) return;
    const entry = { rows, size: 0 };
    this.sections.set(key, entry);
    rows.then(
      (r) => {
        if (this.sections.get(key) !== entry) return;
        entry.size = r.length;
        this.values += r.length;
        for (const [k, e] of this.sections) {
          if (this.values <= MAX_CACHED_VALUES) break;
          this.sections.delete(k);
          this.values -= e.size;
        }
      },
      () => this.sections.delete(key),
    );
  }

  hit(key: string) {
    const e = this.sections.get(key);
    if (e) {
      // Most recently used last: eviction walks the map from the front.
      this.sections.delete(key);
      this.sections.set(key, e);
    }
    return e?.rows;
  }
}

const caches = new WeakMap<Kysely<DB>, StatisticsCache>();

function cacheOf(db: Kysely<DB>): StatisticsCache {
  let c = caches.get(db);
  if (!c) {
    c = new StatisticsCache();
    caches.set(db, c);
  }
  return c;
}

const keyOf = (measure: string, period: string) => `${measure}\u0000${period}`;

function present(r: {
  area_id: string;
  value: number | null;
  missing: string | null;
  version: number;
  import_id: string | number;
  started_at: Date;
}): CrossSectionValue {
  return {
    area: r.area_id,
    value: r.value,
    missing: r.missing,
    version: r.version,
    importId: String(r.import_id),
    importedAt: r.started_at,
  };
}

/** All current values of one measure in one period (every area that has one), from memory when read before. */
export function crossSection(db: Kysely<DB>, measure: string, period: string): Promise<CrossSection> {
  return crossSections(db, [{ measure, period }]).then((m) => m.get(keyOf(measure, period)) ?? []);
}

/**
 * Several cross-sections at once: those not in memory are read in one query. The map is keyed by
 * `crossSectionKey(measure, period)`.
 */
export async function crossSections(
  db: Kysely<DB>,
  wanted: readonly { measure: string; period: string }[],
): Promise<Map<string, CrossSection>> {
  const cache = cacheOf(db);
  const out = new Map<string, CrossSection>();
  const pending: Promise<void>[] = [];
  const missing: { measure: string; period: string }[] = [];
  for (const w of wanted) {
    const key = keyOf(w.measure, w.period);
    if (out.has(key)) continue;
    const hit = cache.hit(key);
    if (hit) pending.push(hit.then((rows) => void out.set(key, rows)));
    else if (!missing.some((m) => m.measure === w.measure && m.period === w.period)) missing.push(w);
  }
  if (missing.length) {
    const generation = cache.generation;
    const all = repo.crossSectionsOf(db, missing).then((rows) => {
      const by = new Map<string, CrossSectionValue[]>(missing.map((m) => [keyOf(m.measure, m.period), []]));
      for (const r of rows) by.get(keyOf(r.measure_id, r.period))?.push(present(r));
      return by;
    });
    for (const m of missing) {
      const key = keyOf(m.measure, m.period);
      const rows = all.then((by) => by.get(key) ?? []);
      cache.remember(key, rows, generation);
      pending.push(rows.then((r) => void out.set(key, r)));
    }
  }
  await Promise.all(pending);
  return out;
}

export const crossSectionKey = keyOf;

/** The measure catalogue from memory (refreshed after each import: `--create-measures` adds to it). */
export async function cachedMeasure(db: Kysely<DB>, id: string): Promise<repo.MeasureRecord | undefined> {
  const cache = cacheOf(db);
  if (!cache.measures) {
    const generation = cache.generation;
    const p = repo.listMeasures(db).then((ms) => new Map(ms.map((m) => [m.id, m])));
    cache.measures = p;
    p.catch(() => {
      if (cache.generation === generation) cache.measures = undefined;
    });
  }
  return (await cache.measures).get(id);
}

/**
 * The statistics generation: the newest import id, the same on every app server. ETags of statistics
 * answers are built from it, so a browser's copy stays valid until an import lands.
 */
export function statisticsGeneration(db: Kysely<DB>): Promise<string> {
  const cache = cacheOf(db);
  if (!cache.latestImport) {
    const p = repo.latestImportId(db);
    cache.latestImport = p;
    p.catch(() => {
      if (cache.latestImport === p) cache.latestImport = undefined;
    });
  }
  return cache.latestImport;
}

/**
 * A result computed from statistics alone (e.g. a rank answer), kept until the next import like the
 * cross-sections it was built from. At most 1.000 results; the oldest go first.
 */
export function memoByGeneration<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db);
  const hit = cache.results.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const generation = cache.generation;
  const p = compute();
  if (generation === cache.generation) {
    cache.results.set(key, p);
    if (cache.results.size > 1000) cache.results.delete(cache.results.keys().next().value!);
    p.catch(() => cache.results.delete(key));
  }
  return p;
}

/**
 * Whole measures (period → area → value), read together when missing and kept until the next import, at most
 * MAX_MEASURE_VALUES values (least recently used out). The same map objects are handed out until then, so
 * what is derived from them can be kept beside them.
 */
export async function wholeMeasures<
  M extends { size: number; forEach(f: (v: { size: number }) => void): void },
>(
  db: Kysely<DB>,
  measures: readonly string[],
  read: (missing: string[]) => Promise<Map<string, M>>,
): Promise<Map<string, M>> {
  const cache = cacheOf(db);
  const generation = cache.generation;
  const wanted = [...new Set(measures)];
  const hits = new Map<string, Promise<M>>();
  for (const m of wanted) {
    const e = cache.wholeMeasures.get(m);
    if (!e) continue;
    cache.wholeMeasures.delete(m);
    cache.wholeMeasures.set(m, e);
    hits.set(m, e.map as Promise<M>);
  }
  const missing = wanted.filter((m) => !hits.has(m));
  if (missing.length) {
    const batch = read(missing);
    for (const m of missing) {
      const map = batch.then((b) => b.get(m)!);
      hits.set(m, map);
      if (generation !== cache.generation) continue;
      const entry = { map: map as Promise<unknown>, size: 0 };
      cache.wholeMeasures.set(m, entry);
      map.then(
        (x) => {
          if (cache.wholeMeasures.get(m) !== entry) return;
          let size = 0;
          x.forEach((byArea) => {
            size += byArea.size;
          });
          entry.size = size;
          cache.measureValues += size;
          for (const [k, e] of cache.wholeMeasures) {
            if (cache.measureValues <= MAX_MEASURE_VALUES || k === m) break;
            cache.wholeMeasures.delete(k);
            cache.measureValues -= e.size;
          }
        },
        () => {
          if (cache.wholeMeasures.get(m) === entry) cache.wholeMeasures.delete(m);
        },
      );
    }
  }
  const maps = await Promise.all(wanted.map((m) => hits.get(m)!));
  return new Map(wanted.map((m, i) => [m, maps[i]!]));
}

/** A serialised HTTP answer (body, content type, ETag) kept for one statistics generation. */
export interface CachedAnswer {
  body: string;
  contentType: string;
  etag: string;
}

/** Serialised answers kept at most, in bytes of body (the oldest go first). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The cache generation now; pass it to `rememberAnswer` so an answer computed before an import is dropped. */
export function cacheGeneration(db: Kysely<DB>): number {
  return cacheOf(db).generation;
}

/** A serialised answer kept by `rememberAnswer` in this generation, if any. */
export function cachedAnswer(db: Kysely<DB>, key: string): CachedAnswer | undefined {
  return caches.get(db)?.answers.get(key);
}

/**
 * Keeps a serialised answer until the next import, when it was computed in `generation` (no import
 * committed in between). Only for answers that depend on the statistics alone (e.g. rank, whose result is
 * already kept by `memoByGeneration`), so serving the bytes again says nothing the result cache did not.
 */
export function rememberAnswer(db: Kysely<DB>, key: string, answer: CachedAnswer, generation: number): void {
  const cache = cacheOf(db);
  if (generation !== cache.generation || answer.body.length > MAX_ANSWER_BYTES / 16) return;
  const old = cache.answers.get(key);
  if (old) cache.answerBytes -= old.body.length;
  cache.answers.set(key, answer);
  cache.answerBytes += answer.body.length;
  for (const [k, a] of cache.answers) {
    if (cache.answerBytes <= MAX_ANSWER_BYTES && cache.answers.size <= 2000) break;
    cache.answers.delete(k);
    cache.answerBytes -= a.body.length;
  }
}

/** Drops everything cached for this database (an import committed here or on another server). */
export function statisticsChanged(db: Kysely<DB>): void {
  caches.get(db)?.clear();
}

/** How much is cached (for tests and the memory bench). */
export function cacheStats(db: Kysely<DB>) {
  const c = caches.get(db);
  return {
    sections: c?.sections.size ?? 0,
    values: c?.values ?? 0,
    measures: c?.wholeMeasures.size ?? 0,
    measureValues: c?.measureValues ?? 0,
    generation: c?.generation ?? 0,
  };
}
