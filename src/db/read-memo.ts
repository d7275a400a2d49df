// Reads kept until the next write, on the embedded database only. There the server's one connection is the
// only way into the data (the data directory is locked to this process; the CLI beside the server asks the
// server), so "nothing was written since" is known exactly: every statement that is not a plain read, and
// every COMMIT/ROLLBACK, moves a counter before it is sent and again when it has finished. A kept read is used
// while the counter has not moved since the read was asked. On a PostgreSQL server other processes write, so
// nothing is kept there. Used for the two reads of every request (the session, a plan's head): on PGlite each
// crosses to the worker thread and runs in WebAssembly, and 50 requests at a time queue on the one connection.
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';

/** The write counter of one embedded database. */
export interface WriteCounter {
  epoch: number;
}

const counters = new WeakMap<object, WriteCounter>();

/** Statements that change nothing: a read, or the start of a transaction (its end moves the counter). */
const READ = /^\s*(?:select|show|begin|start transaction)\b/i;

export const isReadOnlyStatement = (text: string) =>
  READ.test(text) && !/\bfor\s+(?:update|share)\b/i.test(text);

/**
 * Counts writes on every client the pool opens (PGlite). A new connection counts as a write too: whatever
 * happened while none was open is unknown.
 */
export function countWrites(pool: pg.Pool): WriteCounter {
  const counter: WriteCounter = { epoch: 0 };
  pool.on('connect', (client) => {
    counter.epoch++;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const bump = () => {
      counter.epoch++;
    };
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (typeof text === 'string' && isReadOnlyStatement(text)) return query(...args);
      bump();
      const result = query(...args);
      // Registered before the caller's own continuation, so the counter has moved when the caller goes on.
      if (result && typeof (result as Promise<unknown>).then === 'function')
        (result as Promise<unknown>).then(bump, bump);
      else if (result && typeof (result as { on?: unknown }).on === 'function') {
        (result as NodeJS.EventEmitter).on('end', bump).on('finish', bump).on('error', bump);
      }
      return result;
    };
  });
  return counter;
}

/** Ties the counter to the database handle (connection.ts). */
export function registerWriteCounter(db: Kysely<DB>, counter: WriteCounter) {
  counters.set(db, counter);
}

/**
 * `read(db, key)` asked through `fetch` and kept until the next write (embedded database, outside a
 * transaction); elsewhere always asked. A failed read is not kept. At most `max` keys, oldest first out.
 */
export function memoUntilWrite<R>(
  fetch: (db: Kysely<DB>, key: string) => Promise<R>,
  max = 1000,
): (db: Kysely<DB>, key: string) => Promise<R> {
  const kept = new WeakMap<WriteCounter, Map<string, { epoch: number; value: Promise<R> }>>();
  return (db, key) => {
    const counter = counters.get(db);
    if (!counter) return fetch(db, key);
    let map = kept.get(counter);
    if (!map) {
      map = new Map();
      kept.set(counter, map);
    }
    const hit = map.get(key);
    if (hit && hit.epoch === counter.epoch) return hit.value;
    const entry = { epoch: counter.epoch, value: fetch(db, key) };
    map.delete(key);
    map.set(key, entry);
    if (map.size > max) map.delete(map.keys().next().value!);
    const m = map;
    entry.value.catch(() => {
      if (m.get(key) === entry) m.delete(key);
    });
    return entry.value;
  };
}
