// The `maaltavle` command line: serve, import, backup, …
import { serve } from './serve.ts';

const USAGE = `Brug: maaltavle <kommando> [tilvalg]

Kommandoer:
  serve                     Start webserveren (det er hvad "npm start" kører)
  help                      Vis denne hjælp
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
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
