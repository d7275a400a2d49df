// Scheduled refresh of the configured sources (MAALTAVLE_REFRESH_HOURS, e.g. 168 for weekly), logged.
import type { Config } from '../config.ts';
import { fetchJobindsats, JOBINDSATS_PRESETS } from '../importers/jobindsats-api.ts';
import { fetchY30R21 } from '../importers/jobindsats-v2.ts';
import { fetchStatbank, STATBANK_PRESETS } from '../importers/statbank-api.ts';
import type { ParsedImport } from '../importers/types.ts';
import { runImport } from './imports.ts';
import type { Services } from './index.ts';

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
  const jobs: [string, () => Promise<ParsedImport>][] = [
    ...Object.keys(STATBANK_PRESETS).map(
      (t) =>
        [`statbank:${t}`, () => fetchStatbank(config.statbankBaseUrl, t)] as [
          string,
          () => Promise<ParsedImport>,
        ],
    ),
  ];
  if (config.jobindsatsApiKey) {
    jobs.push(['jobindsats:y30r21', () => fetchY30R21(config.jobindsatsBaseUrl, config.jobindsatsApiKey)]);
    for (const t of Object.keys(JOBINDSATS_PRESETS)) {
      jobs.push([
        `jobindsats:${t}`,
        () => fetchJobindsats(config.jobindsatsBaseUrl, config.jobindsatsApiKey, t),
      ]);
    }
  }
  const results: RefreshResult[] = [];
  for (const [source, fetcher] of jobs) {
    try {
      const parsed = await fetcher();
      const s = await runImport(services.database.db, parsed, { createdBy: 'planlagt opdatering' });
      const message = `${s.new} nye, ${s.revised} reviderede, ${s.unchanged} uændrede`;
      log(`Opdatering ${source}: ${message}`);
      results.push({ source, ok: true, message });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`Opdatering ${source} fejlede: ${message}`);
      results.push({ source, ok: false, message });
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
  if (!(config.refreshIntervalHours > 0)) return () => {};
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await refreshAll(services, config, log);
    } finally {
      running = false;
    }
  }, config.refreshIntervalHours * 3_600_000);
  timer.unref();
  log(`Planlagt opdatering hver ${config.refreshIntervalHours}. time`);
  return () => clearInterval(timer);
}
