// The `maaltavle` command line: serve, import, backup, demo, refresh, plans, report.
import { loadConfig } from '../config.ts';
import { pdfPool } from '../reports/render-pdf.ts';
import { DatabaseLockedError, openServices } from '../services/bootstrap.ts';
import { ADMIN_USAGE, adminCommand } from './admin.ts';
import { DB_COMMANDS } from './commands.ts';
import { IMPORT_USAGE } from './import.ts';
import { localIo } from './io.ts';
import { runThroughServer } from './remote.ts';
import { REPORT_USAGE } from './report.ts';
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

Kører serveren allerede på den indlejrede database, udfører den kommandoerne for dig.

${IMPORT_USAGE}
${REPORT_USAGE}
${ADMIN_USAGE}`;

/**
 * Opens the database and runs the command here; when a running server holds the embedded database, the
 * server runs it instead (same output, progress and errors), and the lock message remains only when no
 * server answers.
 */
async function runDb(name: string, argv: string[]): Promise<number> {
  const command = DB_COMMANDS[name]!;
  const early = command.precheck?.(argv, localIo);
  if (early !== undefined) return early;
  const config = loadConfig();
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices(config);
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) throw err;
    const code = await runThroughServer(config.dataDir, name, argv, command.inputs?.(argv) ?? []);
    if (code === undefined) throw err;
    return code;
  }
  try {
    return await command.run(argv, services, localIo);
  } finally {
    await pdfPool.close();
    await services.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && command in DB_COMMANDS) return runDb(command, rest);
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'admin':
      return adminCommand(rest);
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
