// `maaltavle admin reset-password <user>` on the command line: prints a new one-time password that logs in
// (and must be changed), and says in Danish when the user does not exist.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { insertUser } from '../../src/db/repositories/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { createServices } from '../../src/services/index.ts';
import { ROOT } from '../helpers/datasets.ts';

const run = promisify(execFile);

describe('maaltavle admin reset-password', () => {
  it('prints a one-time password that works and must be changed; an unknown user is refused', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'maaltavle-cli-admin-')), 'data');
    const env = { ...process.env, MAALTAVLE_DATA_DIR: dataDir, DATABASE_URL: '' };
    let db = await openDatabase({ dataDir });
    await insertUser(db.db, {
      email: 'admin',
      name: 'Administrator',
      passwordHash: await hash('glemt-kode-123'),
      isSuperadmin: true,
    });
    await db.close();

    const ok = await run(process.execPath, ['bin/maaltavle.js', 'admin', 'reset-password', 'admin'], {
      cwd: ROOT,
      env,
    });
    const pw = /Ny engangsadgangskode til "admin": (\S+)/.exec(ok.stdout)?.[1];
    expect(pw).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ok.stdout).toContain('Den virker i 48 timer og skal skiftes ved første login.');

    const bad = await run(process.execPath, ['bin/maaltavle.js', 'admin', 'reset-password', 'ingen'], {
      cwd: ROOT,
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(1);
    expect((bad as { stderr: string }).stderr).toContain('Fejl: Brugeren "ingen" findes ikke.');

    db = await openDatabase({ dataDir });
    const app = await buildApp({ services: await createServices(db), loginLimit: 100 });
    try {
      const old = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin', password: 'glemt-kode-123' },
      });
      expect(old.statusCode).toBe(401);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin', password: pw },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().mustChangePassword).toBe(true);
    } finally {
      await app.close();
      await db.close();
    }
  }, 180_000);
});
