// `npm start` runs `maaltavle serve`: it must listen on PORT and stop cleanly on SIGINT and SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/datasets.ts';
import { freePort } from '../helpers/ports.ts';

async function waitFor(url: string, timeoutMs = 60_000): Promise<Response> {
  const start = Date.now();
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      if (Date.now() - start > timeoutMs) throw new Error(`no answer from ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe.each(['SIGTERM', 'SIGINT'] as const)('maaltavle serve and %s', (signal) => {
  it('serves /healthz and /api/v1/areas on PORT, then exits 0', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'maaltavle-start-'));
    const child = spawn(process.execPath, ['bin/maaltavle.js', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MAALTAVLE_DATA_DIR: dataDir,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const health = await waitFor(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const areas = await fetch(`http://127.0.0.1:${port}/api/v1/areas`);
      expect(((await areas.json()) as { areas: unknown[] }).areas.length).toBe(112);
    } finally {
      // bin/maaltavle.js runs tsx in a child: signal the whole group as a terminal would.
      child.kill(signal);
    }
    expect(await exited, output).toBe(0);
  }, 120_000);
});
