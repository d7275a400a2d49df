// The application's use cases, wired to a database. Routes and the CLI call these, never SQL.
import { AREAS } from '../data/areas.ts';
import { auk01BenefitMeasures } from '../data/auk01-benefit-types.ts';
import { ATTRIBUTION_DST, MEASURES } from '../data/measures.ts';
import type { Database } from '../db/connection.ts';
import { listenForStatisticsChanges } from '../db/notify.ts';
import { ping } from '../db/repositories/health.ts';
import * as repo from '../db/repositories/statistics.ts';
import { statisticsChanged } from './cross-sections.ts';

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
  statisticsChanged(database.db);
  // Imports committed by other app servers (or the CLI) drop this server's cached cross-sections.
  const stopListening = await listenForStatisticsChanges(database.db, () => statisticsChanged(database.db));
  // Whoever closes the database (services or the caller directly) ends the listening connection first.
  const closeDatabase = database.close.bind(database);
  database.close = async () => {
    await stopListening();
    await closeDatabase();
  };
  return {
    database,
    ping: () => ping(database.db),
    close: () => database.close(),
  };
}
