// `maaltavle backup FILE`: a plain-SQL dump of the database, from either engine.
import type { Services } from '../services/index.ts';
import type { CliIo } from './io.ts';

export function backupPrecheck(argv: string[], io: CliIo): number | undefined {
  if (argv[0]) return undefined;
  io.stderr('Brug: maaltavle backup FIL\n');
  return 2;
}

export async function backupCommand(argv: string[], services: Services, io: CliIo): Promise<number> {
  const file = argv[0]!;
  const sqlText = await services.database.dump();
  io.writeFile(file, sqlText);
  io.stdout(
    `Sikkerhedskopi skrevet til ${file} (${(sqlText.length / 1024).toFixed(0)} KB, ${services.database.engine}).\n`,
  );
  return 0;
}
