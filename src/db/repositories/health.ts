// The database's own health: one round trip, for /healthz.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
