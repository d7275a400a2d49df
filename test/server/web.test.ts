// The built web app as a browser gets it: precompressed scripts (brotli, gzip), hashed files cached for a
// year, index.html revalidated, client routes answered with index.html, and the chart library kept out of
// the first page's scripts. Needs the build (`npm test` runs `npm run build:web` first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/cli/build-web.ts';
import { buildApp } from '../../src/server/app.ts';

const built = existsSync(join(WEB_DIST, 'index.html'));

describe.skipIf(!built)('web app serving', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp({ webDir: WEB_DIST });
  });
  afterAll(async () => app?.close());

  const entry = () => {
    const m = /src="\/assets\/(index-[^"]+\.js)"/.exec(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'));
    expect(m).not.toBeNull();
    return m![1]!;
  };

  it('sends the entry script brotli-compressed with a year-long immutable cache', async () => {
    const js = entry();
    const res = await app.inject({ url: `/assets/${js}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(res.rawPayload).equals(readFileSync(join(WEB_DIST, 'assets', js)))).toBe(
      true,
    );
    const gz = await app.inject({ url: `/assets/${js}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: `/assets/${js}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('index.html and client routes are revalidated on every visit', async () => {
    for (const url of ['/', '/planer/1']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('pages are split: the entry script does not carry ECharts, a page chunk does', () => {
    const assets = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(5);
    const text = (f: string) => readFileSync(join(WEB_DIST, 'assets', f), 'utf8');
    // ECharts' SVG renderer names itself in its code; only the chart pages' chunks may hold it.
    const withCharts = assets.filter((f) => text(f).includes('ec-svg-renderer') || /echarts/i.test(text(f)));
    expect(withCharts.length).toBeGreaterThan(0);
    expect(withCharts).not.toContain(entry());
  });
});
