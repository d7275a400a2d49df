// The application's use cases, wired to a database. Routes and the CLI call these, never SQL.
import { sql } from 'kysely';
import { AREAS } from '../data/areas.ts';
import { MEASURES } from '../data/measures.ts';
import type { Database } from '../db/connection.ts';
import * as repo from '../db/repositories/statistics.ts';

export interface Services {
  database: Database;
  /** Answers when the database does. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Seeds the catalogue (areas and the built-in measures) and returns the services. */
export async function createServices(database: Database): Promise<Services> {
  await repo.upsertAreas(database.db, AREAS);
  await repo.upsertMeasures(database.db, MEASURES);
  return {
    database,
    ping: async () => {
      await sql`SELECT 1`.execute(database.db);
    },
    close: () => database.close(),
  };
}
