// The app as a user meets it: `maaltavle serve` on a free port with its own embedded data dir, ready when
// /healthz answers. Shared by the browser tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/ports.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface RunningServer {
  base: string;
  server: ChildProcess;
}

/** Starts the server (demo data unless `env` says otherwise) and waits until /healthz answers. */
export async function startServer(
  prefix: string,
  password: string,
  env: Record<string, string> = {},
  tries = 600,
): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['bin/maaltavle.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MAALTAVLE_DATA_DIR: join(mkdtempSync(join(tmpdir(), prefix)), 'data'),
      DATABASE_URL: '',
      MAALTAVLE_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return { base, server };
}
