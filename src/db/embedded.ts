// Starts the embedded PGlite database in a worker thread behind a one-connection unix socket.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { acquireLock } from './lock.ts';

export interface EmbeddedServer {
  /** Directory holding the socket `.s.PGSQL.5432`: pass as `host` to pg. */
  socketDir: string;
  port: number;
  dump(): Promise<string>;
  /** Runs `COPY … FROM '/dev/blob'` with the data inside the worker, on the socket's (only) session. */
  copyBlob(sql: string, data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker's young generation is capped (V8's default lets it grow to 3 × 16 MB): the worker allocates
 * little JavaScript, and the cap keeps its idle heap small (issue 13 item 5, `npm run bench -- memory`).
 */
export const WORKER_YOUNG_GENERATION_MB = 3;

function startWorker(dataDir: string, socketDir: string): Promise<Worker> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, socketPath: join(socketDir, '.s.PGSQL.5432') },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', (msg: { type: string }) => {
      worker.off('error', onError);
      if (msg.type === 'ready') resolve(worker);
      else reject(new Error(`Den indlejrede database startede ikke: ${JSON.stringify(msg)}`));
    });
  });
}

function request<T>(
  worker: Worker,
  message: object,
  expect: string,
  transfer: ArrayBuffer[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === expect) {
        worker.off('message', onMessage);
        resolve(msg as T);
      } else if (msg.type === 'error') {
        worker.off('message', onMessage);
        reject(new Error(msg.message));
      }
    };
    worker.on('message', onMessage);
    worker.postMessage(message, transfer);
  });
}

/** Runs initdb in a short-lived child process, so its memory is returned to the system when it exits. */
function initialiseInChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./pglite-init.mjs', import.meta.url)), dir],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Den indlejrede database kunne ikke oprettes: ${err.trim()}`)),
    );
  });
}

/**
 * A new data directory is initialised in a temporary sibling and renamed into place, so a process
 * killed during initdb never leaves a half-made directory at `dataDir`.
 */
async function ensureInitialised(dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${basename(dataDir)}.init-`))
      rmSync(join(parent, entry), { recursive: true, force: true });
  }
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`Mappen ${dataDir} findes, men er ikke en Måltavle-database.`);
  }
  const temp = join(parent, `.${basename(dataDir)}.init-${process.pid}`);
  await initialiseInChild(temp);
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  renameSync(temp, dataDir);
}

export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  const release = acquireLock(dataDir);
  try {
    await ensureInitialised(dataDir);
    const socketDir = mkdtempSync(join(tmpdir(), 'maaltavle-pg-'));
    const worker = await startWorker(dataDir, socketDir);
    let closed = false;
    return {
      socketDir,
      port: 5432,
      dump: async () => (await request<{ sql: string }>(worker, { type: 'dump' }, 'dumped')).sql,
      copyBlob: async (sql, data) => {
        await request(worker, { type: 'copy', sql, data }, 'copied', [data.buffer as ArrayBuffer]);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await request(worker, { type: 'close' }, 'closed');
        } finally {
          await worker.terminate();
          rmSync(socketDir, { recursive: true, force: true });
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
