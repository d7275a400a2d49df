// Builds the web app with Vite when web/dist is missing or older than its sources, so `npm start`
// works on a fresh clone without a separate build step.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function webIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newest(join(WEB_ROOT, 'src')) > built || statSync(join(WEB_ROOT, 'index.html')).mtimeMs > built;
}

export async function ensureWebBuilt(log: (m: string) => void): Promise<string> {
  if (webIsStale()) {
    log('Bygger webappen (første start eller ændrede kilder) …');
    await buildInChild();
    log('Webappen er bygget.');
  }
  return WEB_DIST;
}

/**
 * Vite runs in a short-lived child process: a build in the server's own process left some 300 MB resident
 * for as long as the server ran (issue 13 item 5).
 */
function buildInChild(): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', WEB_ROOT, '--config', join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn'],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Webappen kunne ikke bygges (vite afsluttede med kode ${code}).`)),
    );
  });
}
