// Every page at 375 px, logged in and logged out: no horizontal scrolling (the document is no wider than
// the screen), no serious or critical axe violations, a title of its own; screenshots are kept for a look.
// Also: a double click on "Tilføj mål" makes one goal, and a field error is shown next to its field.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, seriousViolations } from './browser.ts';
import { startServer } from './server.ts';

const PASSWORD = 'e2e-admin-kode-375';
const SHOTS = process.env.MAALTAVLE_SCREENSHOTS ?? join(tmpdir(), 'maaltavle-375');
let server: ChildProcess;
let base: string;
let browser: Browser;

async function login(page: Page) {
  await page.goto(`${base}/log-ind`);
  await page.getByLabel('Brugernavn (e-mail)').fill('admin');
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: /Log ud/ }).waitFor();
}

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${base}/api/v1${path}`)).json()) as T;

/** Opens a page at 375 px, waits for it to render, and measures what users rely on. */
async function check(page: Page, name: string, path: string, ready: (p: Page) => Promise<unknown>) {
  await page.goto(`${base}${path}`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  const title = await page.title();
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const axe = (await seriousViolations(page)).map(
    (v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  return { name, width, title, axe };
}

describe.skipIf(!hasChromium)('every page at 375 px', () => {
  let plans: { id: string; municipality: string; slug: string; title: string }[] = [];
  let faxeRound = '';
  let indicatorId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ base, server } = await startServer('maaltavle-e2e-375-', PASSWORD));
    browser = await launch();
    plans = (await api<{ plans: typeof plans }>('/plans')).plans;
    const faxe = plans.find((p) => p.municipality === '320')!;
    const full = await api<{ rounds: { id: string }[]; indicators: { id: string; kind: string }[] }>(
      `/plans/${faxe.id}`,
    );
    faxeRound = String(full.rounds[0]!.id);
    indicatorId = String(full.indicators.find((i) => i.kind === 'andel')!.id);
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  const h1 = (p: Page) => p.getByRole('heading', { level: 1 }).first().waitFor();
  const table = (p: Page) => p.locator('main table').first().waitFor();

  function pages(loggedIn: boolean) {
    const faxe = plans.find((p) => p.municipality === '320')!;
    const fredericia = plans.find((p) => p.municipality === '607')!;
    const ltk = plans.find((p) => p.municipality === '173')!;
    const list: [string, string, (p: Page) => Promise<unknown>][] = [
      ['planer', '/', h1],
      ['plan-faxe', `/planer/${faxe.id}`, table],
      ['plan-fredericia', `/planer/${fredericia.id}`, table],
      ['plan-lyngby', `/planer/${ltk.id}`, table],
      ['statusrunde', `/runder/${faxeRound}`, h1],
      ['indikator', `/indikatorer/${indicatorId}`, h1],
      ['benchmark', '/benchmark', table],
      ['ydelsesgrupper', '/ydelsesgrupper', table],
      ['offentlig-faxe', `/offentlig/320/${faxe.slug}`, h1],
      ['offentlig-fredericia', `/offentlig/607/${fredericia.slug}`, h1],
    ];
    if (loggedIn)
      list.push(
        [
          'administration',
          '/administration',
          (p) => p.getByRole('heading', { name: 'Revisionsspor' }).waitFor(),
        ],
        ['konto', '/konto', (p) => p.getByRole('heading', { name: 'Skift adgangskode' }).waitFor()],
      );
    else list.push(['log-ind', '/log-ind', h1]);
    return list;
  }

  for (const loggedIn of [false, true]) {
    it(`${loggedIn ? 'logged in' : 'logged out'}: no horizontal overflow, no serious axe violations, a page title`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, bypassCSP: true });
      const page = await ctx.newPage();
      if (loggedIn) await login(page);
      const results = [];
      const list = pages(loggedIn);
      expect(list.length).toBeGreaterThanOrEqual(11);
      for (const [name, path, ready] of list)
        results.push(await check(page, `${loggedIn ? 'inde' : 'ude'}-${name}`, path, ready));
      expect(results.length).toBe(list.length);
      // One assertion for all pages, so a failure lists every page that overflows.
      expect(results.filter((r) => r.width > 375).map((r) => `${r.name}: ${r.width} px`)).toEqual([]);
      expect(results.filter((r) => r.axe.length).map((r) => `${r.name}: ${r.axe.join('; ')}`)).toEqual([]);
      expect(results.filter((r) => r.title === 'Måltavle').map((r) => r.name)).toEqual([]);
      const faxe = results.find((r) => r.name.endsWith('plan-faxe'))!;
      expect(faxe.title).toBe('Faxe · Beskæftigelsesplan 2020-2021 · Måltavle');
      await ctx.close();
    }, 300_000);
  }

  it('a double click on "Tilføj mål" makes one goal; an absurd share is refused next to its field', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, bypassCSP: true });
    page.on('dialog', (d) => d.accept());
    await login(page);
    await page.goto(`${base}/`);
    await page.getByText('Opret plan').first().click();
    await page.getByRole('combobox', { name: 'Kommune', exact: true }).selectOption({ label: 'Odense' });
    await page.getByLabel('Titel', { exact: true }).fill('Beskæftigelsesplan 2027');
    await page.getByRole('button', { name: 'Opret plan' }).click();
    await page.waitForURL(/\/planer\/\d+$/);
    const planId = page.url().split('/').pop()!;
    await page.getByLabel('Mål', { exact: true }).fill('Flere skal i job');
    await page.getByRole('button', { name: 'Tilføj mål' }).dblclick();
    await page.getByRole('heading', { name: /1\. Flere skal i job/ }).waitFor();
    await page.waitForLoadState('networkidle');
    const full = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/plans/${id}`)).json()) as { goals: unknown[] },
      planId,
    );
    expect(full.goals.length).toBe(1);

    // Required fields are marked for screen readers too.
    expect(await page.getByLabel('Mål', { exact: true }).getAttribute('aria-required')).toBe('true');

    await page.getByRole('combobox', { name: 'Til mål', exact: true }).selectOption({ index: 1 });
    await page.getByRole('combobox', { name: 'Type af indikator', exact: true }).selectOption('andel');
    await page.getByLabel('Indikator', { exact: true }).fill('Andel i job');
    await page.getByLabel('Mål (pct.)').fill('150');
    await page.getByLabel('Frist').fill('2019-12-31');
    await page.getByRole('button', { name: 'Tilføj indikator' }).click();
    const target = page.getByLabel('Mål (pct.)');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await target.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Målet skal være mellem 0 og 100 %.',
    );
    const deadline = page.getByLabel('Frist');
    expect(
      await page.locator(`[id="${(await deadline.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Fristen skal ligge i planperioden (2027) eller senere.');
    // A value that is no number is refused, not saved empty.
    await page.getByLabel('Mål (pct.)').fill('abc');
    await page.getByLabel('Frist').fill('2027-12-31');
    await page.getByRole('button', { name: 'Tilføj indikator' }).click();
    expect(
      await page.locator(`[id="${(await target.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Målet skal være et tal.');
    await page.screenshot({ path: join(SHOTS, 'formular-fejl.png'), fullPage: true });
    const after = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/plans/${id}`)).json()) as { indicators: unknown[] },
      planId,
    );
    expect(after.indicators.length).toBe(0);
    await page.close();
  }, 180_000);

  it("the create forms show their own checks and the server's refusal, and keep what was typed", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, bypassCSP: true });
    await login(page);
    await page.goto(`${base}/`);
    await page.getByText('Opret plan').first().click();
    await page.getByRole('combobox', { name: 'Kommune', exact: true }).selectOption({ label: 'Aarhus' });
    await page.getByLabel('Titel', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Opret plan' }).click();
    const title = page.getByLabel('Titel', { exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.locator(`[id="${(await title.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Titlen skal udfyldes.');
    await title.fill('Formularer 2028');
    await page.getByRole('button', { name: 'Opret plan' }).click();
    await page.waitForURL(/\/planer\/\d+$/);

    // A goal without text is stopped in the browser; one the server refuses shows its message as an alert
    // and beside the field, and the text stays in the field.
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    const goal = page.getByLabel('Mål', { exact: true });
    expect(
      await page.locator(`[id="${(await goal.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Målet skal have en tekst.');
    const long = 'x'.repeat(1001);
    await goal.fill(long);
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    expect(
      await page.locator(`[id="${(await goal.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Målet må højst have 1.000 tegn.');
    expect(await goal.inputValue()).toBe(long);
    expect(await page.getByRole('button', { name: 'Tilføj mål' }).isEnabled()).toBe(true);

    // A round without a title is stopped in the browser with the example of a title.
    await page.getByLabel('Titel på statusrunden').fill('');
    await page.getByRole('button', { name: 'Opret statusrunde' }).click();
    const roundTitle = page.getByLabel('Titel på statusrunden');
    expect(
      await page.locator(`[id="${(await roundTitle.getAttribute('aria-describedby')) ?? ''}"]`).textContent(),
    ).toBe('Giv statusrunden en titel, fx "Status april 2021".');
    await page.close();
  }, 180_000);

  it('an invited user logs in with the one-time password, is sent to "Min konto" and must change it', async () => {
    const admin = await browser.newPage({ bypassCSP: true });
    await login(admin);
    const password = await admin.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const r = await fetch('/api/v1/municipalities/320/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ email: 'ny.redaktoer@faxe.dk', name: 'Ny Redaktør', role: 'redaktør' }),
      });
      return ((await r.json()) as { password: string }).password;
    });
    expect(password).toMatch(/.{12,}/);
    await admin.close();
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/log-ind`);
    await page.getByLabel('Brugernavn (e-mail)').fill('ny.redaktoer@faxe.dk');
    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(/\/konto$/);
    await page.getByText('Du er logget ind med en engangsadgangskode.').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'engangskode.png'), fullPage: true });
    // Elsewhere is refused until the password is changed.
    await page.goto(`${base}/benchmark`);
    await page.waitForURL(/\/konto$/);
    await page.getByLabel('Nuværende adgangskode').fill(password);
    await page.getByLabel('Ny adgangskode (mindst 10 tegn)').fill('min-egen-kode-2027');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Adgangskoden er skiftet.').waitFor();
    await page.goto(`${base}/benchmark`);
    await page.locator('main table').first().waitFor();
    expect(page.url()).toMatch(/\/benchmark$/);
    expect(await page.getByText('Du er logget ind med en engangsadgangskode.').count()).toBe(0);
    await ctx.close();
  }, 120_000);
});
