// One database-outage trial against a running server (issue 9 item 1): 20 concurrent reads, then the
// server's database refuses new connections and every backend of that database (only that one) is
// terminated; during the outage requests must get a Danish 503 with Retry-After and /healthz must say
// the database is down; when the database is back the same process must serve again.
import { spawn } from 'node:child_process';
import pg from 'pg';

export interface TrialResult {
  recovered: boolean;
  /** The process was still running after the trial. */
  alive: boolean;
  requests: number;
  /** 503 answers with Retry-After and a Danish message. */
  unavailable: number;
  /** Answers ≥ 500 other than such a 503, and requests that got no answer at all. */
  failures: number;
  healthSaidDown: boolean;
  secondsToRecover: number;
}

export interface TrialServer {
  base: string;
  alive(): boolean;
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts bench/outage-server.ts on `port` against `databaseUrl` and waits until it answers. */
export async function startTrialServer(databaseUrl: string, port: number): Promise<TrialServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/outage-server.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`Serveren stoppede under start:\n${out}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 600) throw new Error(`Serveren svarede ikke:\n${out}`);
    await sleep(100);
  }
  return {
    base,
    alive: () => !exited,
    output: () => out,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/**
 * One trial. `adminUrl` connects to another database of the same server (it must survive the
 * outage); `database` is the server's database.
 */
export async function outageTrial(
  server: TrialServer,
  adminUrl: string,
  database: string,
): Promise<TrialResult> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const ident = `"${database.replace(/"/g, '""')}"`;
  let stop = false;
  let requests = 0;
  let unavailable = 0;
  let failures = 0;
  const paths = ['/api/v1/measures', '/api/v1/plans', '/api/v1/imports'];
  const worker = async (n: number) => {
    for (let i = n; !stop; i++) {
      requests++;
      try {
        const res = await fetch(server.base + paths[i % paths.length]);
        const body = await res.text();
        if (res.status === 503 && res.headers.get('retry-after') && body.includes('Databasen svarer ikke'))
          unavailable++;
        else if (res.status >= 500) failures++;
      } catch {
        failures++;
        await sleep(50);
      }
    }
  };
  try {
    const load = Array.from({ length: 20 }, (_, n) => worker(n));
    await sleep(400);
    await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    await sleep(700);
    let healthSaidDown = false;
    try {
      const h = await fetch(`${server.base}/healthz`);
      const body = (await h.json()) as { database?: string };
      healthSaidDown = h.status === 503 && body.database === 'nede';
    } catch {}
    await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS true`);
    const back = Date.now();
    await sleep(300);
    stop = true;
    await Promise.all(load);
    let recovered = false;
    for (let i = 0; i < 150 && server.alive(); i++) {
      try {
        const h = await fetch(`${server.base}/healthz`);
        const m = await fetch(`${server.base}/api/v1/measures`);
        if (h.status === 200 && m.status === 200) {
          recovered = true;
          break;
        }
      } catch {}
      await sleep(100);
    }
    return {
      recovered: recovered && server.alive(),
      alive: server.alive(),
      requests,
      unavailable,
      failures,
      healthSaidDown,
      secondsToRecover: (Date.now() - back) / 1000,
    };
  } finally {
    stop = true;
    await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
  }
}
