// Versioned SQL migrations (src/db/migrations/NNNN_name.sql), the same files on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

function migrationFiles(): { version: string; file: string }[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), file: join(DIR, f) }));
}

/** Applies pending migrations, each in its own transaction; an advisory lock serialises app servers. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(727274)`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', m.version)
        .executeTakeFirst();
      if (done) return;
      await sql.raw(readFileSync(m.file, 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: m.version }).execute();
      applied.push(m.version);
    });
  }
  return applied;
}
