// `npm start` runs `maaltavle serve`: it must listen on PORT, load the demo data into an empty database,
// stop cleanly on SIGINT and SIGTERM, and refuse a second process on the same data directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/datasets.ts';
import { freePort } from '../helpers/ports.ts';

async function waitFor(url: string, timeoutMs = 90_000): Promise<Response> {
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

function start(dataDir: string, port: number, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/maaltavle.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MAALTAVLE_DATA_DIR: dataDir,
      DATABASE_URL: '',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { text: '' };
  child.stdout.on('data', (d) => (out.text += d));
  child.stderr.on('data', (d) => (out.text += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

describe('maaltavle serve', () => {
  it('loads the demo data on first start, serves it, refuses a second process, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = join(mkdtempSync(join(tmpdir(), 'maaltavle-start-')), 'data');
    const a = start(dataDir, port);
    try {
      expect((await waitFor(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { database: string };
      expect(health.database).toBe('ok');
      const areas = (await (await fetch(`http://127.0.0.1:${port}/api/v1/areas`)).json()) as {
        areas: unknown[];
      };
      expect(areas.areas).toHaveLength(112);
      const obs = (await (
        await fetch(
          `http://127.0.0.1:${port}/api/v1/observations?measure=y25i01.ledige_fuldtidspersoner&area=000&from=2021M09&to=2021M09`,
        )
      ).json()) as {
        observations: { value: number }[];
      };
      expect(obs.observations[0]!.value).toBe(88380); // datasets/jobindsats/y25i01, Hele landet 2021M09
      expect(a.out.text).toContain('indlæser demodata');

      const b = start(dataDir, await freePort());
      expect(await b.exited).toBe(1);
      expect(b.out.text).toContain(`Databasen i ${dataDir} bruges allerede af en anden Måltavle-proces`);
    } finally {
      a.child.kill('SIGTERM');
    }
    expect(await a.exited, a.out.text).toBe(0);
    expect(a.out.text).toContain('SIGTERM modtaget: lukker ned');
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 180_000);

  it('exits 0 on SIGINT, and a restart finds the data without loading the demo again', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'maaltavle-start-')), 'data');
    for (const round of [1, 2]) {
      const port = await freePort();
      const p = start(dataDir, port, round === 1 ? { MAALTAVLE_DEMO: '0' } : {});
      try {
        expect((await waitFor(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      } finally {
        p.child.kill('SIGINT');
      }
      expect(await p.exited, p.out.text).toBe(0);
      if (round === 1) expect(p.out.text).not.toContain('indlæser demodata');
      if (round === 2) expect(p.out.text).toContain('indlæser demodata'); // still empty: MAALTAVLE_DEMO=0 the first time
    }
  }, 180_000);
});
