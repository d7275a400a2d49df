// The PDF renderer as it was before the shared pool, kept for the benchmark's comparison only: Debian's
// Chromium started for every PDF, the page printed, the browser closed.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const hasDebianChromium = existsSync(DEBIAN_CHROMIUM);

export async function legacyPrint(html: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: DEBIAN_CHROMIUM,
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
    return Buffer.from(
      await page.pdf({
        format: 'A4',
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        printBackground: true,
        tagged: true,
        outline: true,
      }),
    );
  } finally {
    await browser.close();
  }
}
