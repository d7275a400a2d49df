// A lock file beside the embedded database directory, so two processes never open the same PGlite data.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class DatabaseLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>.lock`; a lock left by a dead process is taken over. Returns the release function. */
export function acquireLock(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSafe(path));
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) {
        throw new DatabaseLockedError(
          `Databasen i ${dataDir} bruges allerede af en anden Måltavle-proces (pid ${pid}). ` +
            'Stop den først, eller brug en anden mappe med MAALTAVLE_DATA_DIR.',
        );
      }
      if (pid === process.pid) {
        throw new DatabaseLockedError(`Databasen i ${dataDir} er allerede åbnet i denne proces.`);
      }
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        // another process removed it first
      }
    }
  }
  throw new DatabaseLockedError(`Kunne ikke låse databasen i ${dataDir}.`);
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}
