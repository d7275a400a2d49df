// The Statistik page in headless Chromium: "Hent nu" of the AUK01 preset against a local HTTP server that
// serves recorded-shape StatBank answers (test/helpers/auk01-fixture.ts says what is real and what is
// synthetic), with the progress shown and the history updated; an upload whose preview refuses one line
// and writes nothing until confirmed; Fredericia's Table 1 from AUK01; the measure catalogue. axe on each.
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auk01DataCsv, auk01TableInfo, FIXTURE_AREAS, FIXTURE_TYPES } from '../helpers/auk01-fixture.ts';
import { hasChromium, launch, seriousViolations } from './browser.ts';
import { startServer } from './server.ts';

const PASSWORD = 'e2e-statistik-kode-123';
let server: ChildProcess;
let statbank: Server;
let base: string;
let browser: Browser;
let page: Page;
const asked: string[] = [];

async function axe(name: string) {
  const v = await seriousViolations(page);
  expect(
    v.map((x) => `${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

// One story in steps, kept in order when the suite is shuffled: the sources are never fetched, "Hent nu" fetches
// AUK01, an upload is added, and Table 1 and the catalogue then show what was fetched.
describe.skipIf(!hasChromium)('Statistik in headless Chromium', { shuffle: false }, () => {
  beforeAll(async () => {
    const info = JSON.stringify(auk01TableInfo());
    const csv = auk01DataCsv();
    // The StatBank stand-in: tableinfo at once, the data answer after 1.5 s so the progress can be seen.
    statbank = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      req.resume();
      if (req.url?.startsWith('/v1/tableinfo')) {
        res.writeHead(200, { 'content-type': 'text/json; charset=utf-8' }).end(info);
      } else if (req.url === '/v1/data') {
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(csv), 1500);
      } else res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => statbank.listen(0, '127.0.0.1', r));
    ({ base, server } = await startServer(
      'maaltavle-e2e-stat-',
      PASSWORD,
      {
        MAALTAVLE_DEMO: '0',
        MAALTAVLE_SECRET_KEY: 'e2e-hemmelighed-til-noegler',
        STATBANK_BASE_URL: `http://127.0.0.1:${(statbank.address() as AddressInfo).port}`,
        JOBINDSATS_API_KEY: '',
      },
      300,
    ));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/log-ind`);
    await page.getByLabel('Brugernavn (e-mail)').fill('admin');
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: /Log ud/ }).waitFor();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise<void>((r) => (statbank ? statbank.close(() => r()) : r()));
  });

  it('"Hent nu" shows the progress and the result, and the history gets the import', async () => {
    await page.getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('heading', { name: 'Statistik', level: 1 }).waitFor();
    await page.getByText('Aldrig hentet').first().waitFor();
    await axe('Statistik');
    const row = page.getByRole('row', { name: /AUK01: ydelsesgrupper/ });
    await row.getByRole('button', { name: /Hent nu/ }).click();
    const status = row.getByRole('status');
    // While the data answer is on its way, the step is shown.
    await status
      .filter({
        hasText: `Henter ${FIXTURE_TYPES.length} ydelsestyper × ${FIXTURE_AREAS.length} områder × 76 kvartaler`,
      })
      .waitFor({ timeout: 10_000 });
    const expected = (12 * FIXTURE_AREAS.length * 76).toLocaleString('da-DK');
    await status
      .filter({ hasText: `Hentet: ${expected} nye, 0 reviderede, 0 uændrede` })
      .waitFor({ timeout: 60_000 });
    expect(asked.some((a) => a === 'POST /v1/data')).toBe(true);
    const history = page.getByRole('table', { name: /De seneste 30/ });
    await history.getByRole('row', { name: /statbank:AUK01-ydelsesgrupper/ }).waitFor();
    expect(await history.getByRole('row', { name: /statbank:AUK01-ydelsesgrupper/ }).textContent()).toContain(
      `${expected} nye`,
    );
    await row.getByText(/af admin/).waitFor(); // the sources table shows the last fetch and by whom
    await page.screenshot({ path: join(tmpdir(), 'h5-statistik.png'), fullPage: true });
    await axe('Statistik efter hentning');
  }, 120_000);

  it('an upload is previewed with its refused line and written only when confirmed', async () => {
    const file = [
      'area;measure;period;value',
      '607;auk01.fuldtidsmodtagere.fleksjob;2030Q1;5',
      'Atlantis;auk01.fuldtidsmodtagere.fleksjob;2030Q1;7',
    ].join('\n');
    // Its own way to the page, whichever test ran before.
    await page.getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('heading', { name: 'Statistik', level: 1 }).waitFor();
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'egne-tal.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Prøvekør (intet gemmes)' }).click();
    await page.getByRole('heading', { name: /Prøvekørsel af egne-tal.csv: intet er gemt endnu/ }).waitFor();
    const refused = page.getByRole('table', { name: 'Afviste linjer' });
    await refused.getByRole('row', { name: /3 Ukendt område "Atlantis"/ }).waitFor();
    await axe('Statistik, prøvekørsel');
    const history = page.getByRole('table', { name: /De seneste 30/ });
    expect(await history.getByRole('row', { name: /file:long-csv/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Indlæs 1 linjer' }).click();
    await page.getByText('Indlæst: 1 nye, 0 reviderede, 0 uændrede; 1 linjer afvist.').waitFor();
    await history.getByRole('row', { name: /file:long-csv/ }).waitFor();
  }, 60_000);

  it("Fredericia's Table 1 comes from AUK01 and says so", async () => {
    await page.getByRole('link', { name: 'Ydelsesgrupper' }).click();
    // The page opens on Y30R21 (in the shipped data); Table 1 is the other source.
    await page
      .locator('select')
      .filter({ has: page.locator('option[value="ptv_a02"]') })
      .selectOption('ptv_a02');
    const table = page.getByRole('table', { name: /Udviklingen i antal offentligt forsørgede/ });
    await table.getByRole('row', { name: /Ydelsesgrupper i alt/ }).waitFor();
    expect(await table.getByText('Danmarks Statistik AUK01 (fuldtidsmodtagere)').count()).toBe(12);
    await page.screenshot({ path: join(tmpdir(), 'h5-ydelsesgrupper.png'), fullPage: true });
    await axe('Ydelsesgrupper');
    await page.getByRole('link', { name: 'Målkatalog' }).click();
    const cat = page.getByRole('row', { name: /Fuldtidsmodtagere, Ydelsesgrupper i alt/ });
    await cat.waitFor();
    expect(await cat.textContent()).toContain('76: 1. kvartal 2007 – 4. kvartal 2025');
    await axe('Målkatalog');
  }, 60_000);
});
