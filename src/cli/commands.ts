// The commands that work on the database. Each runs with open services and a CliIo, so the same code runs in
// the `maaltavle` process or, when a running server holds the embedded database, inside that server.
import { loadConfig } from '../config.ts';
import { loadDemoStatistics } from '../services/demo-data.ts';
import { loadDemoPlans } from '../services/demo-plans.ts';
import type { Services } from '../services/index.ts';
import { allPlans } from '../services/lookups.ts';
import { refreshAll } from '../services/refresh.ts';
import { backupCommand, backupPrecheck } from './backup.ts';
import { formatSummary, importCommand, importInputs, importPrecheck } from './import.ts';
import type { CliIo } from './io.ts';
import { reportCommand, reportPrecheck } from './report.ts';

export interface DbCommand {
  /** Usage errors answered before the database is opened: an exit code, or undefined to go on. */
  precheck?(argv: string[], io: CliIo): number | undefined;
  /** Files the command reads, sent along when a server runs it. */
  inputs?(argv: string[]): string[];
  run(argv: string[], services: Services, io: CliIo): Promise<number>;
}

async function plans(argv: string[], s: Services, io: CliIo): Promise<number> {
  const rows = await allPlans(s.database.db);
  const out = rows.map((p) => ({
    id: String(p.id),
    municipality: p.municipality,
    slug: p.slug,
    title: p.title,
    status: p.status,
  }));
  if (argv.includes('--json')) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  else for (const p of out) io.stdout(`${p.id}\t${p.municipality}\t${p.slug}\t${p.status}\t${p.title}\n`);
  return 0;
}

async function demo(_argv: string[], s: Services, io: CliIo): Promise<number> {
  await loadDemoStatistics(s.database.db, (label, summary) =>
    io.stdout(`${label}\n${formatSummary(summary)}\n`),
  );
  await loadDemoPlans(s.database.db, (m) => io.stdout(`${m}\n`));
  return 0;
}

async function refresh(_argv: string[], s: Services, io: CliIo): Promise<number> {
  const results = await refreshAll(s, loadConfig(), (m) => io.stdout(`${m}\n`));
  return results.every((r) => r.ok) ? 0 : 1;
}

export const DB_COMMANDS: Record<string, DbCommand> = {
  plans: { run: plans },
  demo: { run: demo },
  refresh: { run: refresh },
  import: { precheck: importPrecheck, inputs: importInputs, run: importCommand },
  report: { precheck: reportPrecheck, run: reportCommand },
  backup: { precheck: backupPrecheck, run: backupCommand },
};
