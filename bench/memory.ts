// Benchmark: resident memory (RSS) of the whole server process with the embedded database (the PGlite
// worker included): idle after the demo load (statistics and plans), peak under 50 connections of mixed
// statistics reads for 10 s, and idle again afterwards. Compared with the goal of 300 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoAndSettle, openServices } from '../src/services/bootstrap.ts';
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

/**
 * The environment variables and node flags of `npm start` (package.json's start script, e.g.
 * `MALLOC_ARENA_MAX=2 node --max-semi-space-size=2 bin/maaltavle.js serve`), so that the benchmark's server
 * process runs with the same memory settings as the real one.
 */
export function startSettings(script: string): { env: Record<string, string>; nodeArgs: string[] } {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  if (words[i] !== 'node') throw new Error(`start script does not run node: ${script}`);
  const nodeArgs: string[] = [];
  for (i++; i < words.length && words[i]!.startsWith('--'); i++) nodeArgs.push(words[i]!);
  return { env, nodeArgs };
}

const npmStart = () =>
  startSettings(
    (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        scripts: { start: string };
      }
    ).scripts.start,
  );

export type MemoryStart = 'first' | 'restart';

/**
 * One server process on `dir`: `first` expects an empty directory and loads the demo as `serve` does
 * (loadDemoAndSettle), `restart` opens the data the first start left.
 */
export async function benchMemory(seconds: number, dir: string, start: MemoryStart): Promise<MemoryResult> {
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: '' }), dataDir: join(dir, 'data') };
  let services = await openServices(config);
  try {
    const demo = await loadDemoAndSettle(services, config, () => {});
    services = demo.services;
    if (demo.loaded !== (start === 'first'))
      throw new Error(`memory bench: demo loaded ${demo.loaded} on ${start}`);
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
  }
}

/**
 * Each start in a fresh process with `npm start`'s memory settings, so that no earlier benchmark's memory is
 * counted: the first start on an empty directory, then a restart on the same directory
 * (one start alone: `MAALTAVLE_BENCH_MEMORY_CHILD=1 node --import tsx bench/memory.ts SECONDS DIR first|restart`,
 * without those settings unless given).
 */
export function benchMemoryInChild(seconds: number): Record<MemoryStart, MemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  try {
    const { env, nodeArgs } = npmStart();
    const run = (start: MemoryStart): MemoryResult => {
      const r = spawnSync(
        process.execPath,
        [...nodeArgs, '--import', 'tsx', fileURLToPath(import.meta.url), String(seconds), dir, start],
        { encoding: 'utf8', env: { ...process.env, ...env, MAALTAVLE_BENCH_MEMORY_CHILD: '1' } },
      );
      const last = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !last.startsWith('{')) throw new Error(`memory bench failed: ${r.stderr}`);
      return JSON.parse(last) as MemoryResult;
    };
    return { first: run('first'), restart: run('restart') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.MAALTAVLE_BENCH_MEMORY_CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [seconds = '10', dir, start] = process.argv.slice(2);
  if (dir && (start === 'first' || start === 'restart')) {
    console.log(JSON.stringify(await benchMemory(Number(seconds), dir, start)));
  } else {
    // Both starts, each in its own process: `node --import tsx bench/memory.ts [SECONDS]`.
    const { MAALTAVLE_BENCH_MEMORY_CHILD: _, ...env } = process.env;
    process.env = env;
    console.log(JSON.stringify(benchMemoryInChild(Number(seconds))));
  }
}
