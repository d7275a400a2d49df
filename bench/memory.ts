// Benchmark: resident memory (RSS) of the whole server process with the embedded database (the PGlite
// worker included): idle after the demo load (statistics and plans), peak under 50 connections of mixed
// statistics reads for 10 s, and idle again afterwards. Compared with the goal of 300 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoIfEmpty, openServices } from '../src/services/bootstrap.ts';
import { loadTest, rssSampler } from './common.ts';

export interface MemoryResult {
  idleMb: number;
  peakMb: number;
  afterMb: number;
  requests: number;
}

const settle = async (ms: number) => {
  await new Promise((r) => setTimeout(r, ms));
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  return process.memoryUsage.rss() / 2 ** 20;
};

export async function benchMemory(seconds = 10): Promise<MemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: '' }), dataDir: join(dir, 'data') };
  const services = await openServices(config);
  try {
    await loadDemoIfEmpty(services, () => {});
    const app = await buildApp({ services });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const idleMb = await settle(3000);
      const rss = rssSampler();
      const urls = [
        '/api/v1/rank?measure=y60a02.fuldtidspersoner&denominator=folk1am.befolkning&period=2026M02&area=607',
        '/api/v1/observations?measure=y60a02.fuldtidspersoner&area=320',
        '/api/v1/development?measure=y60a02.fuldtidspersoner&area=320&from=2025M02&to=2026M02',
        '/api/v1/imports',
      ];
      const per = Math.max(1, Math.floor(50 / urls.length));
      const runs = await Promise.all(urls.map((u) => loadTest(`${address}${u}`, per, seconds)));
      const peakMb = rss.stop();
      const afterMb = await settle(3000);
      return { idleMb, peakMb, afterMb, requests: runs.reduce((s, r) => s + r.requests, 0) };
    } finally {
      await app.close();
    }
  } finally {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a fresh process, so that no earlier benchmark's memory is counted: `node --import tsx bench/memory.ts`. */
export function benchMemoryInChild(seconds: number): MemoryResult {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(seconds)],
    {
      encoding: 'utf8',
      env: { ...process.env, MAALTAVLE_BENCH_MEMORY_CHILD: '1' },
    },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`memory bench failed: ${r.stderr}`);
  return JSON.parse(last) as MemoryResult;
}

if (process.env.MAALTAVLE_BENCH_MEMORY_CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchMemory(Number(process.argv[2] ?? 10))));
}
