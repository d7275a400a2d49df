// `maaltavle backup FILE`: a plain-SQL dump of the database, from either engine.
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openServices } from '../services/bootstrap.ts';

export async function backupCommand(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write('Brug: maaltavle backup FIL\n');
    return 2;
  }
  const services = await openServices(loadConfig());
  try {
    const sqlText = await services.database.dump();
    writeFileSync(file, sqlText);
    process.stdout.write(
      `Sikkerhedskopi skrevet til ${file} (${(sqlText.length / 1024).toFixed(0)} KB, ${services.database.engine}).\n`,
    );
    return 0;
  } finally {
    await services.close();
  }
}
