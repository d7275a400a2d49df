// Shared helpers for the benchmarks: machine description, medians, temporary databases.

import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Samples the process's resident memory every 50 ms; `stop` returns the peak in MB. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 2 ** 20;
    },
  };
}

/** Creates a scratch database on the server for a benchmark and drops it afterwards. */
export async function withScratchDb<T>(base: string, fn: (url: string) => Promise<T>, tag = ''): Promise<T> {
  const name = `maaltavle_bench_${process.pid}${tag}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  errors: number;
}

/** Percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Closed-loop load: `connections` clients on keep-alive sockets each send the next GET as soon as the
 * previous answer is read, for `seconds`. Exact p50/p95 from every request's latency. The clients run in a
 * child process (bench/load-client.mjs), not in the server's event loop.
 */
export async function loadTest(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./load-client.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, JSON.stringify({ url, connections, seconds, headers })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`load client failed (exit ${code})`);
  const { latencies, errors, elapsed } = JSON.parse(out) as {
    latencies: number[];
    errors: number;
    elapsed: number;
  };
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requests: latencies.length,
    errors,
  };
}
