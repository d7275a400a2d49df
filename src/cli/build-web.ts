// Builds the web app with Vite when web/dist is missing or older than its sources, so `npm start`
// works on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
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
    const { build } = await import('vite');
    await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    log('Webappen er bygget.');
  }
  return WEB_DIST;
}
