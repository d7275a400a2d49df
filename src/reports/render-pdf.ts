// PDF: the HTML rendering printed by Chromium through playwright-core (tagged, with an outline, selectable
// text). One browser per process, started on the first PDF and shared by every request; each PDF gets a page
// (in a context of its own) in a bounded pool (`pages` at once, `queue` waiting), and a request beyond that gets
// a Danish 503 at once instead of another browser. The next PDF's page is opened ahead, when the pool is idle. A browser that dies is started again on the next PDF; one left idle
// is closed after a while so an idle server holds no Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../services/errors.ts';
import { browserExecutable, fontconfigFile } from './pdf-browser.ts';

export { ChromiumMissingError } from './pdf-browser.ts';

const ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--font-render-hinting=none',
  '--mute-audio',
];

export interface PdfPoolOptions {
  /** PDFs printed at once (pages open in the shared browser). */
  pages: number;
  /** Requests allowed to wait for a page; beyond that the answer is 503. */
  queue: number;
  /** Close the browser after this long without work (ms); 0 = keep it. */
  idleMs: number;
}

/** A context of its own for one PDF (no state shared between reports, no script runs) with its page. */
interface Tab {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => route.abort()); // the report loads nothing from outside
    return { browser, context, page: await context.newPage() };
  } catch (err) {
    await context.close().catch(() => undefined);
    throw err;
  }
}

export class PdfPool {
  private browser: Promise<Browser> | undefined;
  /**
   * A fresh tab opened ahead of the next PDF, after a PDF (when nobody waits) or with the browser, so that
   * opening it (~0,1 s) is not part of a download. Each tab still prints one PDF and is closed after it.
   */
  private spare: Promise<Tab | undefined> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  /**
   * For tests and benchmarks: browsers started, most pages at once, requests refused, PDFs printed, spare tabs
   * opened and PDFs printed on one.
   */
  readonly stats = { launches: 0, maxActive: 0, rejected: 0, prints: 0, spares: 0, fromSpare: 0 };

  constructor(private readonly opts: PdfPoolOptions) {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.stats.launches++;
      const started = (async () => {
        const [{ chromium }, executablePath] = await Promise.all([
          import('playwright-core'),
          browserExecutable(),
        ]);
        const browser = await chromium.launch({
          executablePath,
          args: ARGS,
          env: { ...process.env, FONTCONFIG_FILE: fontconfigFile() },
        });
        browser.on('disconnected', () => {
          if (this.browser === started) {
            this.browser = undefined;
            this.spare = undefined;
          }
        });
        return browser;
      })();
      started.catch(() => {
        if (this.browser === started) this.browser = undefined;
      });
      this.browser = started;
    }
    return this.browser;
  }

  private async slot(): Promise<void> {
    if (this.active < this.opts.pages) {
      this.active++;
    } else {
      if (this.waiting.length >= this.opts.queue) {
        this.stats.rejected++;
        throw new AppError(
          503,
          'Der dannes mange PDF-rapporter lige nu. Prøv igen om lidt, eller hent rapporten som Word.',
        );
      }
      // The slot is handed over by release(): `active` stays counted for the waiter.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.stats.maxActive = Math.max(this.stats.maxActive, this.active);
    clearTimeout(this.idleTimer);
  }

  /** Opens the spare tab in the background (never more than one; a failure just leaves none). */
  private prepareSpare(): void {
    if (this.spare || !this.browser) return;
    const browser = this.browser;
    this.stats.spares++;
    const spare = browser.then(openTab).catch(() => undefined);
    this.spare = spare;
    void spare.then((tab) => {
      if (!tab && this.spare === spare) this.spare = undefined;
    });
  }

  /** The spare tab when it belongs to the running browser, else a new one. */
  private async takeTab(browser: Browser): Promise<Tab> {
    const spare = this.spare;
    this.spare = undefined;
    const tab = spare ? await spare : undefined;
    if (tab && tab.browser === browser && browser.isConnected() && !tab.page.isClosed()) {
      this.stats.fromSpare++;
      return tab;
    }
    if (tab) await tab.context.close().catch(() => undefined);
    return openTab(browser);
  }

  /** Starts the browser and opens a spare tab without printing (a server expecting PDFs, benchmarks). */
  async warm(): Promise<void> {
    await this.launch();
    this.prepareSpare();
    await this.spare;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    // Nobody waits: open the next PDF's tab now, while this process has nothing to print.
    this.prepareSpare();
    this.active--;
    if (this.active === 0 && this.opts.idleMs > 0) {
      this.idleTimer = setTimeout(() => void this.close(), this.opts.idleMs);
      this.idleTimer.unref();
    }
  }

  /** Prints one HTML document to PDF. */
  async print(html: string): Promise<Buffer> {
    await this.slot();
    this.stats.prints++;
    try {
      const browser = await this.launch();
      const { context, page } = await this.takeTab(browser);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
          printBackground: true,
          tagged: true,
          outline: true,
        });
        return Buffer.from(pdf);
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  /** Closes the browser (server shutdown, end of a CLI command); the next PDF starts a new one. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const b = this.browser;
    this.browser = undefined;
    this.spare = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The process's one pool. */
export const pdfPool = new PdfPool({
  pages: envInt('MAALTAVLE_PDF_PAGES', 2),
  queue: envInt('MAALTAVLE_PDF_QUEUE', 16),
  idleMs: 5 * 60_000,
});

export function renderPdf(html: string): Promise<Buffer> {
  return pdfPool.print(html);
}
