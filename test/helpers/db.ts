// Test databases on both engines: PGlite always; the PostgreSQL server when MAALTAVLE_TEST_DATABASE_URL
// is set. Each call gets a fresh, empty, migrated database (its own PGlite directory, or its own
// PostgreSQL database created on the server and dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/connection.ts';
import { createServices, type Services } from '../../src/services/index.ts';

export type Engine = 'pglite' | 'postgres';

export const ENGINES: Engine[] = process.env.MAALTAVLE_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDb {
  database: Database;
  services: Services;
  /** Where the data lives: a PGlite directory or a database URL. */
  location: { dataDir?: string; url?: string };
  cleanup(): Promise<void>;
}

export async function createTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'maaltavle-test-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir });
    const services = await createServices(database);
    return {
      database,
      services,
      location: { dataDir },
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.MAALTAVLE_TEST_DATABASE_URL!;
  const name = `maaltavle_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  const services = await createServices(database);
  return {
    database,
    services,
    location: { url: url.toString() },
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Everything a failed import must leave exactly as it was. */
export async function snapshot(db: Database['db']) {
  const obs = await db
    .selectFrom('observations')
    .select(['measure_id', 'area_id', 'period', 'value', 'version', 'is_current'])
    .orderBy('id')
    .execute();
  const imports = await db
    .selectFrom('imports')
    .select(['id', 'status'])
    .where('status', '=', 'done')
    .orderBy('id')
    .execute();
  const measures = await db.selectFrom('measures').select('id').orderBy('id').execute();
  return { obs, imports, measures };
}
