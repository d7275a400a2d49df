// A `kill -9` of the process during an import leaves no partial import behind; a stale lock is taken over.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { countObservations } from '../../src/db/repositories/statistics.ts';
import { ROOT } from '../helpers/datasets.ts';

describe('kill -9 during an import (embedded database)', () => {
  it('leaves nothing of the import behind, and the next process opens the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maaltavle-crash-'));
    const dataDir = join(dir, 'data');
    // A large file for a test measure (not a statistic: it exists only to make the import take time).
    const lines = ['area;measure;period;value;unit'];
    for (let y = 1990; y < 2020; y++)
      for (let m = 1; m <= 12; m++)
        for (let a = 0; a < 400; a++) {
          if (lines.length > 150_000) break;
          lines.push(
            `${['320', '607', '173', '101'][a % 4]};test.crash.${Math.floor(a / 4)};${y}M${String(m).padStart(2, '0')};${a};antal`,
          );
        }
    const file = join(dir, 'big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const child = spawn(process.execPath, ['bin/maaltavle.js', 'import', 'csv', file, '--create-measures'], {
      cwd: ROOT,
      env: { ...process.env, MAALTAVLE_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const writing = new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        err += d;
        if (/Skriver: [1-9]0 %/.test(err)) resolve();
      }),
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    await writing; // some batches are in the transaction
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const db = await openDatabase({ dataDir }); // takes over the stale lock left by the killed process
    try {
      expect(await countObservations(db.db)).toEqual({ current: 0, all: 0 });
      const measures = await db.db
        .selectFrom('measures')
        .select('id')
        .where('id', 'like', 'test.crash.%')
        .execute();
      expect(measures).toEqual([]);
      const imports = await db.db.selectFrom('imports').selectAll().execute();
      expect(imports).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('refuses a directory that is not a Måltavle database, and cleans up an interrupted initialisation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maaltavle-init-'));
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'not a database');
    await expect(openDatabase({ dataDir: foreign })).rejects.toThrow(
      'findes, men er ikke en Måltavle-database',
    );
    // What a process killed during initdb leaves: a temporary sibling, never a half-made data directory.
    mkdirSync(join(dir, '.data.init-99999'));
    writeFileSync(join(dir, '.data.init-99999', 'PG_VERSION'), '18');
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    await db.close();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.includes('.init-'))).toEqual([]);
  }, 120_000);
});
