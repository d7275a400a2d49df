// The PDF renderer is one shared browser with a bounded pool of pages: concurrent requests never start more
// than one browser, a full queue answers 503 in Danish at once, and a browser that dies is started again.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfPool } from '../../src/reports/render-pdf.ts';

const HTML =
  '<!doctype html><html lang="da"><body><main><h1>Måltavle æøå</h1><p>1.288</p></main></body></html>';

describe('PDF pool', () => {
  const pools: PdfPool[] = [];
  const pool = (pages: number, queue: number) => {
    const p = new PdfPool({ pages, queue, idleMs: 0 });
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('16 concurrent PDFs share one browser and at most 2 pages', async () => {
    const p = pool(2, 16);
    const pdfs = await Promise.all(Array.from({ length: 16 }, () => p.print(HTML)));
    expect(pdfs).toHaveLength(16);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.stats.launches).toBe(1);
    expect(p.stats.maxActive).toBe(2);
    expect(p.stats.rejected).toBe(0);
  }, 120_000);

  it('beyond the queue, requests get a Danish 503 at once and the rest are printed', async () => {
    const p = pool(1, 3);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => p.print(HTML)));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4); // 1 printing + 3 waiting
    expect(rejected).toHaveLength(4);
    const err = (rejected[0] as PromiseRejectedResult).reason as { statusCode: number; message: string };
    expect(err.statusCode).toBe(503);
    expect(err.message).toContain('Prøv igen om lidt');
    expect(p.stats.launches).toBe(1);
  }, 120_000);

  it("the next PDF's page is opened ahead while the pool is idle", async () => {
    const p = pool(2, 2);
    await p.warm(); // browser started, first spare page open
    const first = await p.print(HTML);
    await p.warm(); // the spare opened after the first PDF
    const second = await p.print(HTML);
    for (const pdf of [first, second]) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.stats.launches).toBe(1);
    expect(p.stats.prints).toBe(2);
    expect(p.stats.fromSpare).toBe(2); // both PDFs on a page opened before they were asked for
    expect(p.stats.spares).toBe(3); // one with the browser, one after each PDF
  }, 120_000);

  it('a browser that died is started again on the next PDF', async () => {
    const p = pool(1, 1);
    await p.print(HTML);
    // Kill the browser as the system would (out of memory, a crash): every chromium child of this process.
    const children = execFileSync('pgrep', ['-P', String(process.pid), 'chromium'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(Number(pid), 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const pdf = await p.print(HTML);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.stats.launches).toBe(2);
  }, 120_000);
});
