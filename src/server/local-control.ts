// The local control channel of a running server on the embedded database: `maaltavle` commands started
// beside the server (plans, import, report, backup, demo, refresh) cannot open the locked data directory, so
// they ask the server to run them. The server listens on a unix socket in a directory only its user can
// enter (0700), and writes `<dataDir>.control.json` (0600) with the socket path and a random token; a
// request must carry that token. Output, progress, written files and errors stream back as JSON lines.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_COMMANDS } from '../cli/commands.ts';
import type { CliIo } from '../cli/io.ts';
import type { Services } from '../services/index.ts';

export const controlFile = (dataDir: string) => `${dataDir}.control.json`;

export interface ControlInfo {
  pid: number;
  socket: string;
  token: string;
}

export interface RunRequest {
  command: string;
  argv: string[];
  /** Files the command reads, by the path given on the command line, base64. */
  files: Record<string, string>;
}

export type RunEvent =
  | { t: 'stdout' | 'stderr'; text: string }
  | { t: 'progress'; id: number; label: string; done: number; total: number }
  | { t: 'progress-stop'; id: number }
  | { t: 'file'; path: string; data: string }
  | { t: 'exit'; code: number }
  | { t: 'error'; message: string };

const MAX_BODY = 512 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('for stor'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function remoteIo(req: RunRequest, send: (e: RunEvent) => void): CliIo {
  let bars = 0;
  return {
    stdout: (text) => send({ t: 'stdout', text }),
    stderr: (text) => send({ t: 'stderr', text }),
    progress: (label) => {
      const id = ++bars;
      return {
        update: (done, total) => send({ t: 'progress', id, label, done, total }),
        stop: () => send({ t: 'progress-stop', id }),
      };
    },
    readFile: (path) => {
      const data = req.files[path];
      if (data === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: 'ENOENT',
        });
      return Buffer.from(data, 'base64');
    },
    writeFile: (path, bytes) =>
      send({
        t: 'file',
        path,
        data: (typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64'),
      }),
  };
}

async function handle(services: Services, token: Buffer, req: IncomingMessage, res: ServerResponse) {
  const given = Buffer.from(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
  if (req.method !== 'POST' || req.url !== '/run') {
    res.writeHead(404).end();
    return;
  }
  if (given.length !== token.length || !timingSafeEqual(given, token)) {
    res.writeHead(401).end();
    return;
  }
  let body: RunRequest;
  try {
    body = JSON.parse(await readBody(req)) as RunRequest;
  } catch {
    res.writeHead(400).end();
    return;
  }
  const command = DB_COMMANDS[body.command];
  if (!command || !Array.isArray(body.argv)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const send = (e: RunEvent) => res.write(`${JSON.stringify(e)}\n`);
  try {
    const code = await command.run(body.argv, services, remoteIo({ ...body, files: body.files ?? {} }, send));
    send({ t: 'exit', code });
  } catch (err) {
    send({ t: 'error', message: err instanceof Error ? err.message : String(err) });
  }
  res.end();
}

/** Starts the channel; `close()` removes the socket and the control file. */
export async function startLocalControl(
  services: Services,
  dataDir: string,
): Promise<{ close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-cli-')); // mode 0700
  const socket = join(dir, 'cli.sock');
  const token = randomBytes(32).toString('hex');
  const server = createServer((req, res) => {
    handle(services, Buffer.from(token), req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  const file = controlFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid, socket, token } satisfies ControlInfo), {
    mode: 0o600,
  });
  renameSync(temp, file);
  return {
    close: async () => {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as ControlInfo).token === token) unlinkSync(file);
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
