// The application's use cases, wired to a database. Routes and the CLI call these, never SQL.
import { sql } from 'kysely';
import { AREAS } from '../data/areas.ts';
import { auk01BenefitMeasures } from '../data/auk01-benefit-types.ts';
import { ATTRIBUTION_DST, MEASURES } from '../data/measures.ts';
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
  await repo.upsertMeasures(database.db, [...MEASURES, ...auk01BenefitMeasures(ATTRIBUTION_DST)]);
  return {
    database,
    ping: async () => {
      await sql`SELECT 1`.execute(database.db);
    },
    close: () => database.close(),
  };
}
