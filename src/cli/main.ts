// The `maaltavle` command line: serve, import, backup, demo, refresh.
import { loadConfig } from '../config.ts';
import { listPlans } from '../db/repositories/plans.ts';
import { openServices } from '../services/bootstrap.ts';
import { loadDemoStatistics } from '../services/demo-data.ts';
import { loadDemoPlans } from '../services/demo-plans.ts';
import { refreshAll } from '../services/refresh.ts';
import { ADMIN_USAGE, adminCommand } from './admin.ts';
import { backupCommand } from './backup.ts';
import { formatSummary, IMPORT_USAGE, importCommand } from './import.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';
import { serve } from './serve.ts';

const USAGE = `Brug: maaltavle <kommando> [tilvalg]

Kommandoer:
  serve                     Start webserveren (det er hvad "npm start" kører)
  import <kilde> …          Importér statistik (se "maaltavle import --help")
  demo                      Indlæs demodata (rigtige tal fra datasets/ og de tre demoplaner) igen
  plans [--json]            List alle planer med id, kommunekode og kortnavn
  refresh                   Hent alle konfigurerede kilder nu (som den planlagte opdatering)
  backup FIL                Skriv en SQL-sikkerhedskopi af databasen
  admin reset-password BRUGER  Ny engangsadgangskode til en bruger (fx en glemt administratorkode)
  report …                  Dan statusrapport, ydelsesgruppetabel eller sagsudkast (Word, PDF, HTML, Excel)
  help                      Vis denne hjælp

${IMPORT_USAGE}
${REPORT_USAGE}
${ADMIN_USAGE}`;

async function withServices(
  fn: (s: Awaited<ReturnType<typeof openServices>>) => Promise<number>,
): Promise<number> {
  const services = await openServices(loadConfig());
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'import':
      return importCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'backup':
      return backupCommand(rest);
    case 'admin':
      return adminCommand(rest);
    case 'demo':
      return withServices(async (s) => {
        await loadDemoStatistics(s.database.db, (label, summary) =>
          process.stdout.write(`${label}\n${formatSummary(summary)}\n`),
        );
        await loadDemoPlans(s.database.db, (m) => process.stdout.write(`${m}\n`));
        return 0;
      });
    case 'plans':
      return withServices(async (s) => {
        const rows = await listPlans(s.database.db);
        const out = rows.map((p) => ({
          id: String(p.id),
          municipality: p.municipality,
          slug: p.slug,
          title: p.title,
          status: p.status,
        }));
        if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        else
          for (const p of out)
            process.stdout.write(`${p.id}\t${p.municipality}\t${p.slug}\t${p.status}\t${p.title}\n`);
        return 0;
      });
    case 'refresh':
      return withServices(async (s) => {
        const results = await refreshAll(s, loadConfig(), (m) => process.stdout.write(`${m}\n`));
        return results.every((r) => r.ok) ? 0 : 1;
      });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`Ukendt kommando: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Fejl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
