// Opens the database: a PostgreSQL server when a URL is given, else the embedded PGlite in a worker.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startEmbedded } from './embedded.ts';
import { migrate } from './migrate.ts';
import { countWrites, registerWriteCounter } from './read-memo.ts';
import type { DB } from './schema.ts';

// bigint (int8) columns such as ids and counts come back as strings by default; counts fit in a number.
pg.types.setTypeParser(20, (v) => v);
// Dates (plan adoption, status dates) stay ISO strings: no time zone shifts.
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** A plain-SQL dump of the whole database. */
  dump(): Promise<string>;
  close(): Promise<void>;
}

/**
 * What the bulk import needs beyond Kysely: the pool (to hold one connection for a COPY and the transaction
 * around it) and, on PGlite, COPY from a blob run inside the worker on the same session.
 */
export interface BulkAccess {
  engine: Database['engine'];
  pool: pg.Pool;
  copyBlob?: (sql: string, data: Uint8Array) => Promise<void>;
  /** PostgreSQL: the server's URL, for a dedicated LISTEN connection. */
  url?: string;
  /** This opened database's id, sent with its own import notices so that it can skip them. */
  instance: string;
}

const bulk = new WeakMap<Kysely<DB>, BulkAccess>();

/** The bulk access of a database opened by `openDatabase` (undefined for any other Kysely instance). */
export function bulkAccess(db: Kysely<DB>): BulkAccess | undefined {
  return bulk.get(db);
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 10_000,
    });
    survivePoolErrors(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    bulk.set(db, { engine: 'postgres', pool, url: opts.databaseUrl, instance: randomUUID() });
    const database: Database = {
      db,
      engine: 'postgres',
      dump: () => pgDumpServer(opts.databaseUrl!),
      close: () => db.destroy(),
    };
    return finish(database, opts);
  }
  const embedded = await startEmbedded(opts.dataDir);
  // One connection: PGlite has one. A query outside the current transaction then waits for the pool and
  // fails loudly after the timeout instead of silently running outside the transaction.
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: embedded.port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 15_000,
  });
  survivePoolErrors(pool);
  const writes = countWrites(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  registerWriteCounter(db, writes);
  bulk.set(db, {
    engine: 'pglite',
    pool,
    copyBlob: (sql, data) => embedded.copyBlob(sql, data),
    instance: randomUUID(),
  });
  const database: Database = {
    db,
    engine: 'pglite',
    dump: async () => {
      // pg_dump runs inside the worker on the same single connection: release ours first.
      return embedded.dump();
    },
    close: async () => {
      await db.destroy();
      await embedded.close();
    },
  };
  return finish(database, opts);
}

/**
 * A connection the server closes (restart, failover, a terminated backend) must not crash the process.
 * pg emits 'error' on the pool for idle connections and on the client itself for checked-out ones; an
 * 'error' event without a listener ends the process. With listeners on both, the query in flight fails
 * (the request gets a 503), the pool drops the broken connection on release and opens a new one on the
 * next query, so the server serves again as soon as the database is back.
 */
function survivePoolErrors(pool: pg.Pool) {
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', onConnectionError));
}

let lastLogged = 0;
function onConnectionError(err: Error) {
  if (process.env.NODE_ENV === 'test' || process.env.VITEST) return;
  // One line per few seconds: a lost database closes every connection at once.
  if (Date.now() - lastLogged < 5_000) return;
  lastLogged = Date.now();
  console.error(`Databaseforbindelse lukket: ${err.message}`);
}

async function finish(database: Database, opts: OpenOptions): Promise<Database> {
  try {
    if (opts.migrate !== false) await migrate(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

function pgDumpServer(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--no-owner', '--no-privileges', '--dbname', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', () =>
      reject(
        new Error(
          'pg_dump blev ikke fundet. Installér PostgreSQL-klienten (apt-get install postgresql-client).',
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`pg_dump fejlede: ${err.trim()}`)),
    );
  });
}
