// Opening the application's database and services, used by `serve` and the CLI commands.
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connection.ts';

/** A running Måltavle holds the embedded database (the CLI then asks that server instead). */
export { DatabaseLockedError } from '../db/lock.ts';

import { hasAnyPlan } from '../db/repositories/plans.ts';
import { countObservations } from '../db/repositories/statistics.ts';
import { loadDemoStatistics } from './demo-data.ts';
import { loadDemoPlans } from './demo-plans.ts';
import { createServices, type Services } from './index.ts';

export async function openServices(config: Config, log: (msg: string) => void = () => {}): Promise<Services> {
  log(
    config.databaseUrl
      ? 'Forbinder til PostgreSQL-serveren'
      : `Åbner den indlejrede database i ${config.dataDir}`,
  );
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await createServices(database);
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** On the first start of an empty database: load the real statistics of the demo data set. */
export async function loadDemoIfEmpty(services: Services, log: (msg: string) => void): Promise<boolean> {
  const { all } = await countObservations(services.database.db);
  if (all > 0 || (await hasAnyPlan(services.database.db))) return false;
  log('Tom database: indlæser demodata (rigtige tal fra Jobindsats.dk og Danmarks Statistik)');
  await loadDemoStatistics(services.database.db, (label, s) =>
    log(
      `  ${label}: ${s.new} nye, ${s.revised} reviderede, ${s.unchanged} uændrede (${s.seconds.toFixed(1)} s)`,
    ),
  );
  log('Indlæser demoplaner (Faxe, Fredericia, Lyngby-Taarbæk fra de tre kildedokumenter)');
  await loadDemoPlans(services.database.db, log);
  return true;
}

/**
 * `serve`'s start: loads the demo into an empty database and, on the embedded database, then closes it and
 * opens it again. The first-start import grows the PGlite worker's memory (WebAssembly memory only grows,
 * and compiled code and the worker's heap stay); a fresh worker starts from the size of a restart
 * (issue 13 item 5). Returns the services to use from here on (the given ones when nothing was reopened).
 */
export async function loadDemoAndSettle(
  services: Services,
  config: Config,
  log: (msg: string) => void,
): Promise<{ services: Services; loaded: boolean; reopened: boolean }> {
  const loaded = await loadDemoIfEmpty(services, log);
  if (!loaded || services.database.engine !== 'pglite') return { services, loaded, reopened: false };
  await services.close();
  return { services: await openServices(config), loaded, reopened: true };
}
