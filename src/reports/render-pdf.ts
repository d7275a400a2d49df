// PDF: the HTML rendering printed by Debian's Chromium through playwright-core (tagged, selectable text).
import { existsSync } from 'node:fs';

export class ChromiumMissingError extends Error {
  readonly statusCode = 503;
  constructor() {
    super(
      'PDF kræver Chromium, som ikke er installeret. Installér det med "apt-get install chromium" (eller sæt CHROMIUM_PATH). Word og HTML virker stadig.',
    );
  }
}

export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p));
}

export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new ChromiumMissingError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
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
    await browser.close();
  }
}
