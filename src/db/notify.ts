// Cross-server notice that the statistics changed: every import transaction sends NOTIFY on
// STATISTICS_CHANNEL (delivered at commit); each app server on PostgreSQL keeps one LISTEN connection and
// drops its caches when a notice arrives, or when that connection is lost (a notice may have been missed).
// PGlite is one process: the importing process invalidates locally.
import type { Kysely } from 'kysely';
import pg from 'pg';
import { bulkAccess } from './connection.ts';
import { STATISTICS_CHANNEL } from './repositories/import-writer.ts';
import type { DB } from './schema.ts';

/** Starts listening; returns the function that stops it. A no-op on PGlite. */
export async function listenForStatisticsChanges(
  db: Kysely<DB>,
  onChange: () => void,
  retryMs = 1000,
): Promise<() => Promise<void>> {
  const access = bulkAccess(db);
  const url = access?.url;
  if (!url) return async () => {};
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      onChange();
      if (!stopped) timer = setTimeout(() => void connect().catch(() => undefined), retryMs).unref();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      // Our own imports dropped the cache at commit already.
      if (n.channel === STATISTICS_CHANNEL && n.payload !== access.instance) onChange();
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${STATISTICS_CHANNEL}`);
      // Anything committed while we were not listening is unknown: start from an empty cache.
      onChange();
    } catch {
      lost(); // retried in the background; until then the local invalidation still works
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}
