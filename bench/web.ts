// Benchmark: bytes transferred for the first visit of the web app's front page (plans list) and of the login
// page, as a browser with an empty cache loads them from the real server (brotli accepted), by resource type.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureWebBuilt } from '../src/cli/build-web.ts';
import { openDatabase } from '../src/db/connection.ts';
import { browserExecutable } from '../src/reports/pdf-browser.ts';
import { buildApp } from '../src/server/app.ts';
import { createServices } from '../src/services/index.ts';

export interface PageWeight {
  page: string;
  totalKb: number;
  scriptKb: number;
  otherKb: number;
  requests: number;
}

export async function benchFirstPage(): Promise<PageWeight[]> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-web-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  const services = await createServices(database);
  const app = await buildApp({ services, webDir: await ensureWebBuilt(() => {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: await browserExecutable(),
    args: ['--no-sandbox'],
  });
  try {
    const results: PageWeight[] = [];
    for (const path of ['/', '/log-ind']) {
      const context = await browser.newContext(); // empty cache
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const sizes = new Map<string, { bytes: number; type: string }>();
      cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { bytes: 0, type: e.type }));
      cdp.on('Network.loadingFinished', (e) => {
        const s = sizes.get(e.requestId);
        if (s) s.bytes = e.encodedDataLength;
      });
      await page.goto(`${address}${path}`, { waitUntil: 'networkidle' });
      const all = [...sizes.values()];
      const sum = (xs: { bytes: number }[]) => xs.reduce((a, x) => a + x.bytes, 0) / 1024;
      results.push({
        page: path,
        totalKb: sum(all),
        scriptKb: sum(all.filter((x) => x.type === 'Script')),
        otherKb: sum(all.filter((x) => x.type !== 'Script')),
        requests: all.length,
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    await app.close();
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
