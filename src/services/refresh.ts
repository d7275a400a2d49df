// Scheduled refresh of the configured sources (MAALTAVLE_REFRESH_HOURS, e.g. 168 for weekly), logged. The
// sources are the ones the Statistik page lists; those that need the Jobindsats key run when it is set.
import type { Config } from '../config.ts';
import { runImport } from './imports.ts';
import type { Services } from './index.ts';
import { jobindsatsKey, SOURCES, setNextRefresh, sourceSettingsFrom } from './statistics-admin.ts';

export interface RefreshResult {
  source: string;
  ok: boolean;
  message: string;
}

/** Fetches every configured source once; a failing source is logged and does not stop the others. */
export async function refreshAll(
  services: Services,
  config: Config,
  log: (m: string) => void,
): Promise<RefreshResult[]> {
  const settings = sourceSettingsFrom(config);
  const db = services.database.db;
  let key: string | undefined;
  try {
    key = await jobindsatsKey(db, settings);
  } catch (err) {
    log(`Jobindsats-nøglen kan ikke bruges: ${err instanceof Error ? err.message : String(err)}`);
  }
  const results: RefreshResult[] = [];
  for (const def of SOURCES) {
    if (def.needsKey && !key) continue;
    try {
      const parsed = { ...(await def.fetch(settings, key, () => {})), source: def.id };
      const s = await runImport(db, parsed, { createdBy: 'planlagt opdatering' });
      const message = `${s.new} nye, ${s.revised} reviderede, ${s.unchanged} uændrede`;
      log(`Opdatering ${def.id}: ${message}`);
      results.push({ source: def.id, ok: true, message });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`Opdatering ${def.id} fejlede: ${message}`);
      results.push({ source: def.id, ok: false, message });
    }
  }
  return results;
}

/** Starts the timer; returns the function that stops it. Off when the interval is 0. */
export function startScheduledRefresh(
  services: Services,
  config: Config,
  log: (m: string) => void,
): () => void {
  if (!(config.refreshIntervalHours > 0)) {
    setNextRefresh(null);
    return () => {};
  }
  const every = config.refreshIntervalHours * 3_600_000;
  setNextRefresh(new Date(Date.now() + every));
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    setNextRefresh(new Date(Date.now() + every));
    try {
      await refreshAll(services, config, log);
    } finally {
      running = false;
    }
  }, every);
  timer.unref();
  log(`Planlagt opdatering hver ${config.refreshIntervalHours}. time`);
  return () => {
    clearInterval(timer);
    setNextRefresh(null);
  };
}
