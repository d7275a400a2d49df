// CPU time the server process spends per `/api/v1/rank` request (cached answer), measured with
// process.cpuUsage while autocannon runs in a CHILD process (so its own CPU is not counted). On a shared
// machine req/s is noisy; CPU per request is the steadier figure.
//   MAALTAVLE_BENCH_DATABASE_URL=postgres://… node --import tsx bench/rank-cpu.ts [requests] [rounds]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { createServices } from '../src/services/index.ts';
import { fmt, median, withScratchDb } from './common.ts';
import { RANK_PATH } from './rank.ts';

export async function rankCpuPerRequest(pgUrl: string | undefined, requests = 20_000, rounds = 3) {
  const run = async (url: string | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
    const database = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'data') });
    try {
      const services = await createServices(database);
      await loadDemoStatistics(database.db);
      const app = await buildApp({ services });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const cannon = async (n: number) =>
        (
          await promisify(execFile)('node_modules/.bin/autocannon', [
            '-c',
            '50',
            '-a',
            String(n),
            '-j',
            `${address}${RANK_PATH}`,
          ])
        ).stdout;
      await cannon(2000);
      const perRequestUs: number[] = [];
      const rps: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const before = process.cpuUsage();
        const out = JSON.parse(await cannon(requests)) as { requests: { average: number }; non2xx: number };
        const used = process.cpuUsage(before);
        if (out.non2xx > 0) throw new Error(`${out.non2xx} non-2xx answers`);
        perRequestUs.push((used.user + used.system) / requests);
        rps.push(out.requests.average);
      }
      await app.close();
      await services.close();
      return { cpuUsPerRequest: median(perRequestUs), requestsPerSecond: median(rps) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return pgUrl ? withScratchDb(pgUrl, run, '_rankcpu') : run(undefined);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pgUrl = process.env.MAALTAVLE_BENCH_DATABASE_URL ?? process.env.MAALTAVLE_TEST_DATABASE_URL;
  const r = await rankCpuPerRequest(pgUrl, Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 3));
  console.log(
    `${pgUrl ? 'PostgreSQL' : 'PGlite'}: server CPU ${fmt(r.cpuUsPerRequest)} µs per rank request, ${fmt(r.requestsPerSecond)} req/s (50 connections, median of rounds)`,
  );
}
