// The dashboard answer (a plan with every indicator evaluated), serialised once and kept while nothing it is
// built from changes. Its key holds everything the answer depends on: the plan's content version (bumped by
// the database on every change to the plan, migration 0013, whoever writes), the reader's role in the
// municipality (members see drafts and unpublished rounds, editors may edit), the statistics generation (the
// newest import, shared by all app servers through LISTEN/NOTIFY) and today's date in Copenhagen (the as-of
// date of a plan without rounds). Checking it costs one indexed read; the evaluation runs on a miss only.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { Dashboard } from '../contract/plans.ts';
import * as plans from '../db/repositories/plans.ts';
import type { DB } from '../db/schema.ts';
import { todayInCopenhagen } from '../domain/dates.ts';
import { type Actor, planReader } from './access.ts';
import { statisticsGeneration } from './cross-sections.ts';
import { notFound } from './errors.ts';
import { dashboardView } from './plans/dashboard.ts';

export interface DashboardAnswer {
  /** The JSON body as sent (UTF-8 bytes, encoded once). */
  body: Buffer;
  /** A weak ETag naming the key the body was built for. */
  etag: string;
  /** The body gzipped (what browsers ask for), made on first use and kept with the answer. */
  gzipped(): Buffer;
}

function answerOf(body: Buffer, etag: string): DashboardAnswer {
  let gz: Buffer | undefined;
  return {
    body,
    etag,
    gzipped: () => {
      gz ??= gzipSync(body, { level: 6 });
      return gz;
    },
  };
}

/** Bytes of JSON kept at most (a 40-indicator dashboard is ~130 kB); least recently used go first. */
export const MAX_CACHED_BYTES = 16 * 2 ** 20;

class DashboardCache {
  bytes = 0;
  readonly answers = new Map<string, { answer: Promise<DashboardAnswer>; bytes: number }>();

  get(key: string) {
    const e = this.answers.get(key);
    if (e) {
      this.answers.delete(key);
      this.answers.set(key, e);
    }
    return e?.answer;
  }

  put(key: string, answer: Promise<DashboardAnswer>) {
    const entry = { answer, bytes: 0 };
    this.answers.set(key, entry);
    answer.then(
      (a) => {
        if (this.answers.get(key) !== entry) return;
        entry.bytes = a.body.length;
        this.bytes += entry.bytes;
        for (const [k, e] of this.answers) {
          if (this.bytes <= MAX_CACHED_BYTES || k === key) break;
          this.answers.delete(k);
          this.bytes -= e.bytes;
        }
      },
      () => {
        if (this.answers.get(key) === entry) this.answers.delete(key);
      },
    );
  }
}

const caches = new WeakMap<Kysely<DB>, DashboardCache>();

function cacheOf(db: Kysely<DB>) {
  let c = caches.get(db);
  if (!c) {
    c = new DashboardCache();
    caches.set(db, c);
  }
  return c;
}

/**
 * The dashboard of a plan as the actor may see it, from memory when nothing it depends on changed since it
 * was built. Access is checked on every call, before the cache is consulted.
 */
export async function dashboardAnswer(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
): Promise<DashboardAnswer> {
  const head = await plans.planHead(db, planId);
  if (!head) throw notFound('Planen');
  const role = planReader(actor, head);
  const generation = await statisticsGeneration(db);
  const key = [planId, head.version, role ?? '-', todayInCopenhagen(), generation].join('|');
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit) return hit;
  // Checked against the contract when built, as the route's serializer would (unknown keys dropped).
  const answer = dashboardView(db, actor, planId).then((d) =>
    answerOf(
      Buffer.from(JSON.stringify(Dashboard.parse(d)), 'utf8'),
      `W/"d${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"`,
    ),
  );
  cache.put(key, answer);
  return answer;
}

/** How much is kept (tests and the memory bench). */
export function dashboardCacheStats(db: Kysely<DB>) {
  const c = caches.get(db);
  return { answers: c?.answers.size ?? 0, bytes: c?.bytes ?? 0 };
}
