// The client side of the server's local control channel (src/server/local-control.ts): runs a command in the
// server that holds the embedded database and replays its output, progress and files here.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { type ControlInfo, controlFile, type RunEvent, type RunRequest } from '../server/local-control.ts';
import { localIo } from './io.ts';
import type { Progress } from './progress.ts';

/** The command's exit code, or undefined when no server answers (then the lock message stands). */
export async function runThroughServer(
  dataDir: string,
  command: string,
  argv: string[],
  inputs: string[],
): Promise<number | undefined> {
  let info: ControlInfo;
  try {
    info = JSON.parse(readFileSync(controlFile(dataDir), 'utf8')) as ControlInfo;
  } catch {
    return undefined;
  }
  const files: Record<string, string> = {};
  for (const path of inputs) {
    try {
      files[path] = readFileSync(path).toString('base64');
    } catch {
      // the server reports the missing file as the command would
    }
  }
  const body = JSON.stringify({ command, argv, files } satisfies RunRequest);
  return new Promise<number | undefined>((resolve, reject) => {
    let answered = false;
    const bars = new Map<number, Progress>();
    const req = request(
      {
        socketPath: info.socket,
        path: '/run',
        method: 'POST',
        headers: {
          authorization: `Bearer ${info.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        answered = true;
        if (res.statusCode !== 200) {
          res.resume();
          resolve(undefined);
          return;
        }
        let buffer = '';
        let result: { code?: number; error?: string } = {};
        const onEvent = (e: RunEvent) => {
          switch (e.t) {
            case 'stdout':
              return localIo.stdout(e.text);
            case 'stderr':
              return localIo.stderr(e.text);
            case 'progress': {
              const bar = bars.get(e.id) ?? localIo.progress(e.label);
              bars.set(e.id, bar);
              return bar.update(e.done, e.total);
            }
            case 'progress-stop':
              return bars.get(e.id)?.stop();
            case 'file':
              return localIo.writeFile(e.path, Buffer.from(e.data, 'base64'));
            case 'exit':
              result = { code: e.code };
              return;
            case 'error':
              result = { error: e.message };
              return;
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line) onEvent(JSON.parse(line) as RunEvent);
            nl = buffer.indexOf('\n');
          }
        });
        res.on('end', () => {
          if (result.error !== undefined) reject(new Error(result.error));
          else if (result.code !== undefined) resolve(result.code);
          else reject(new Error('Serveren afbrød kommandoen.'));
        });
        res.on('error', reject);
      },
    );
    // No socket (the server is gone): the lock message stands.
    req.on('error', (err) => (answered ? reject(err) : resolve(undefined)));
    req.end(body);
  });
}
