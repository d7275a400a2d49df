// The command line beside a running server on the embedded database: `plans --json`, `import csv`, `report`
// and `backup` reach the data through the server (its local control channel) with the command's own output,
// and the PDF comes from the Chromium shipped in npm (Debian's chromium hidden: CHROMIUM_PATH points nowhere,
// PATH holds node only). With the server stopped the same commands open the database themselves; with the
// data directory locked and no server to answer, the lock message stands.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlFile } from '../../src/server/local-control.ts';
import { ROOT } from '../helpers/datasets.ts';
import { freePort } from '../helpers/ports.ts';

const work = mkdtempSync(join(tmpdir(), 'maaltavle-beside-'));
const dataDir = join(work, 'data');
// A PATH with node and nothing else: no chromium to be found.
const bin = join(ROOT, 'bin', 'maaltavle.js');
const nodeOnly = join(work, 'bin');
mkdirSync(nodeOnly);
symlinkSync(process.execPath, join(nodeOnly, 'node'));
const ENV = {
  ...process.env,
  HOST: '127.0.0.1',
  MAALTAVLE_DATA_DIR: dataDir,
  DATABASE_URL: '',
  CHROMIUM_PATH: join(work, 'no-chromium-here'),
  PATH: nodeOnly,
  LOG_LEVEL: '',
};

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: work,
      env: { ...ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitFor(url: string, timeoutMs = 150_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('maaltavle commands beside a running server (embedded database)', () => {
  it('plans --json, import csv, report (PDF without Debian chromium) and backup go through the server', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [bin, 'serve'], {
      cwd: ROOT,
      env: { ...ENV, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((r) => server.on('exit', (c) => r(c)));
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`);
      // The control file: readable by this user only.
      expect(statSync(controlFile(dataDir)).mode & 0o777).toBe(0o600);

      const plans = await cli(['plans', '--json']);
      expect(plans.stderr).not.toContain('bruges allerede');
      expect(plans.code, plans.stderr).toBe(0);
      const list = JSON.parse(plans.stdout) as { id: string; municipality: string; title: string }[];
      const faxe = list.find((p) => p.municipality === '320');
      expect(faxe?.title).toContain('Beskæftigelsesplan');

      // import csv: the file is read here (relative to this process's directory), written by the server.
      writeFileSync(join(work, 'obs.csv'), readFileSync(join(ROOT, 'test', 'fixtures', 'long.csv')));
      const imp = await cli(['import', 'csv', 'obs.csv']);
      expect(imp.code, imp.stderr).toBe(0);
      expect(imp.stdout).toMatch(/Import nr\. \d+ gennemført\./);
      expect(imp.stdout).toMatch(/Rækker: \d+ i alt/);
      expect(imp.stderr).toContain('Skriver: 100 %'); // progress, as when run alone
      // A bad file: the same Danish refusal as when run alone, and exit code 1.
      writeFileSync(join(work, 'bad.csv'), 'area;measure;period;value\n320;findes.ikke;2020M01;1\n');
      const bad = await cli(['import', 'csv', 'bad.csv']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('Importen blev afvist');
      expect(bad.stderr).toContain('Databasen er uændret.');
      const missing = await cli(['import', 'csv', 'findes-ikke.csv']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('findes-ikke.csv');

      // report: a PDF printed by the server's shared browser, written here.
      const rep = await cli(['report', '--plan', faxe!.id, '--format', 'pdf', '--out', 'faxe.pdf']);
      expect(rep.code, rep.stderr).toBe(0);
      expect(rep.stdout).toContain('Status på mål i Beskæftigelsesplanen 2020-2021: faxe.pdf (pdf,');
      if (hasPdftotext) {
        const text = pdfText(join(work, 'faxe.pdf'));
        for (const f of ['239 af 450 virksomhedsbesøg', '49,7 %', '15,3 %']) expect(text).toContain(f);
      }

      const backup = await cli(['backup', 'backup.sql']);
      expect(backup.code, backup.stderr).toBe(0);
      expect(readFileSync(join(work, 'backup.sql'), 'utf8')).toContain('CREATE TABLE');

      // A wrong token is refused.
      const info = JSON.parse(readFileSync(controlFile(dataDir), 'utf8')) as { socket: string };
      const status = await new Promise<number | undefined>((resolve) => {
        const req = request(
          { socketPath: info.socket, path: '/run', method: 'POST', headers: { authorization: 'Bearer x' } },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.end('{"command":"plans","argv":[]}');
      });
      expect(status).toBe(401);

      // Quiet by default: no request lines in the server's log.
      expect(log).toContain('Måltavle kører på');
      expect(log).not.toContain('"reqId"');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited, log).toBe(0);

    // The server is gone: the command opens the database itself and renders the PDF with the npm browser.
    const alone = await cli([
      'report',
      '--plan',
      (await listFaxe())!,
      '--format',
      'pdf',
      '--out',
      'alone.pdf',
    ]);
    expect(alone.code, alone.stderr).toBe(0);
    if (hasPdftotext) expect(pdfText(join(work, 'alone.pdf'))).toContain('239 af 450 virksomhedsbesøg');

    // Locked by a live process that offers no control channel: the lock message stands.
    writeFileSync(`${dataDir}.lock`, String(process.pid));
    try {
      const locked = await cli(['plans', '--json']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`Databasen i ${dataDir} bruges allerede af en anden Måltavle-proces`);
    } finally {
      execFileSync('rm', ['-f', `${dataDir}.lock`]);
    }
  }, 400_000);
});

async function listFaxe(): Promise<string | undefined> {
  const r = await cli(['plans', '--json']);
  return (JSON.parse(r.stdout) as { id: string; municipality: string }[]).find(
    (p) => p.municipality === '320',
  )?.id;
}
