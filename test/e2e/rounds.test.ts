// A status round as one document, in headless Chromium (issue 10 items 1–3): text typed in two cards and a
// navigation away → a warning; reload → both texts saved; a new round shows the previous texts marked as
// carried over; publish, then delete the goal → the public page and the Word report are the same; an
// unpublished plan's routes are refused to anonymous users; axe on the pages changed.
import type { ChildProcess } from 'node:child_process';
import JSZip from 'jszip';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, seriousViolations } from './browser.ts';
import { startServer } from './server.ts';

const PASSWORD = 'e2e-admin-kode-456';
let server: ChildProcess;
let base: string;
let browser: Browser;
let ctx: BrowserContext;
let csrf = '';

async function axe(page: Page, name: string) {
  const v = await seriousViolations(page);
  expect(
    v.map((x) => `${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API
async function call(req: APIRequestContext, method: string, url: string, data?: unknown): Promise<any> {
  const res = await req.fetch(`${base}/api/v1${url}`, {
    method,
    headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    ...(data !== undefined ? { data } : {}),
  });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

async function wordText(req: APIRequestContext, roundId: string) {
  const res = await req.get(`${base}/api/v1/rounds/${roundId}/report.docx`);
  expect(res.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await res.body())).file('word/document.xml')!.async('string');
  // Only the generation date and the docx library's drawing counter may differ between two renders.
  return xml.replace(/Dannet [^<]* af Måltavle\./g, '').replace(/<wp:docPr id="\d+"/g, '<wp:docPr');
}

// One user's story in steps: they keep their order.
describe.skipIf(!hasChromium)(
  'a status round as one document, in headless Chromium',
  { shuffle: false },
  () => {
    let planId = '';
    let goal1 = '';
    let goal2 = '';
    let round1 = '';
    let round2 = '';

    beforeAll(async () => {
      ({ base, server } = await startServer('maaltavle-e2e-rounds-', PASSWORD, {}, 300));
      browser = await launch();
      ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const login = await ctx.request.post(`${base}/api/v1/auth/login`, {
        data: { email: 'admin', password: PASSWORD },
      });
      expect(login.status()).toBe(200);
      csrf = (await login.json()).csrfToken;
      // An adopted plan in Vordingborg with two goals: a counted goal and a milestone.
      const plan = await call(ctx.request, 'POST', '/municipalities/390/plans', {
        title: 'Plan for runder 2027',
        yearFrom: 2027,
        yearTo: 2027,
        status: 'vedtaget',
        adoptedOn: '2027-01-10',
      });
      planId = String(plan.plan.id);
      goal1 = String(
        (
          await call(ctx.request, 'POST', `/plans/${planId}/goals`, {
            number: '1',
            kind: 'lokalt mål',
            title: 'Flere virksomhedsbesøg',
            position: 1,
          })
        ).goal.id,
      );
      goal2 = String(
        (
          await call(ctx.request, 'POST', `/plans/${planId}/goals`, {
            number: '2',
            kind: 'lokalt mål',
            title: 'Et borgerpanel',
            position: 2,
          })
        ).goal.id,
      );
      await call(ctx.request, 'POST', `/goals/${goal1}/indicators`, {
        kind: 'optælling',
        title: 'Virksomhedsbesøg',
        config: { target: 450, unit: 'besøg', startDate: '2027-01-01', deadline: '2027-12-31' },
        position: 1,
      });
      await call(ctx.request, 'POST', `/goals/${goal2}/indicators`, {
        kind: 'milepæl',
        title: 'Borgerpanel nedsat',
        config: { deadline: '2027-06-30' },
        position: 1,
      });
      round1 = String(
        (
          await call(ctx.request, 'POST', `/plans/${planId}/rounds`, {
            title: 'Status marts 2027',
            asOf: '2027-03-31',
          })
        ).round.id,
      );
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      server?.kill('SIGTERM');
    });

    it('typing in two cards and leaving warns; staying saves both; a reload shows both texts', async () => {
      const page = await ctx.newPage();
      await page.goto(`${base}/runder/${round1}`);
      const visits = page.locator('section.entry-card', { hasText: 'Virksomhedsbesøg' });
      const panel = page.locator('section.entry-card', { hasText: 'Borgerpanel nedsat' });
      await visits.getByLabel('Statustekst').fill('Vi har besøgt 120 virksomheder i første kvartal.');
      await panel.getByLabel('Statustekst').fill('Panelet mødes første gang i april.');
      // Leaving through an in-app link at once, before the cards have saved: the page asks first.
      await page.getByRole('link', { name: 'Plan for runder 2027' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Du har ændringer, der ikke er gemt' });
      await dialog.waitFor({ timeout: 5_000 });
      expect(page.url()).toContain(`/runder/${round1}`);
      await axe(page, 'statusrunde med advarsel');
      await dialog.getByRole('button', { name: 'Bliv og gem' }).click();
      await visits
        .getByRole('status')
        .filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ })
        .waitFor();
      await panel
        .getByRole('status')
        .filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ })
        .waitFor();
      await page.getByText('Alle ændringer er gemt.').waitFor();
      // Closing the tab with something unsaved asks too (beforeunload).
      await panel
        .getByLabel('Statustekst')
        .fill('Panelet mødes første gang i april. Invitationerne er sendt.');
      const asked = new Promise<string>((resolve) =>
        page.once('dialog', (d) => {
          resolve(d.type());
          void d.dismiss();
        }),
      );
      await page.close({ runBeforeUnload: true });
      expect(await asked).toBe('beforeunload');
      const again = await ctx.newPage();
      await again.goto(`${base}/runder/${round1}`);
      const v2 = again.locator('section.entry-card', { hasText: 'Virksomhedsbesøg' });
      const p2 = again.locator('section.entry-card', { hasText: 'Borgerpanel nedsat' });
      expect(await v2.getByLabel('Statustekst').inputValue()).toBe(
        'Vi har besøgt 120 virksomheder i første kvartal.',
      );
      // The later edit was saved by the card while the tab asked, or not: the first text is there either way.
      expect(await p2.getByLabel('Statustekst').inputValue()).toContain('Panelet mødes første gang i april.');
      await axe(again, 'statusrunde (autogem)');
      await again.close();
    }, 120_000);

    let publicBefore = '';
    let wordBefore = '';

    it('a new round starts from the previous round’s texts, marked as carried over', async () => {
      const page = await ctx.newPage();
      // Publishing asks for confirmation (what will happen): the user says yes.
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${base}/runder/${round1}`);
      await page.getByRole('button', { name: 'Offentliggør' }).click();
      await page.getByText('Statusrunden er offentliggjort.').first().waitFor();
      await page.close();
      publicBefore = await publicText();
      expect(publicBefore).toContain('Vi har besøgt 120 virksomheder i første kvartal.');
      wordBefore = await wordText(ctx.request, round1);
      round2 = String(
        (
          await call(ctx.request, 'POST', `/plans/${planId}/rounds`, {
            title: 'Status juni 2027',
            asOf: '2027-06-30',
          })
        ).round.id,
      );
      const p = await ctx.newPage();
      await p.goto(`${base}/runder/${round2}`);
      const visits = p.locator('section.entry-card', { hasText: 'Virksomhedsbesøg' });
      expect(await visits.getByLabel('Statustekst').inputValue()).toBe(
        'Vi har besøgt 120 virksomheder i første kvartal.',
      );
      await visits.getByText('Overført fra forrige statusrunde').waitFor();
      await p.getByRole('heading', { name: 'Mangler' }).waitFor();
      await axe(p, 'ny statusrunde med overførte tekster');
      // Editing the text ends the mark.
      await visits.getByLabel('Statustekst').fill('Vi har besøgt 260 virksomheder.');
      await visits
        .getByRole('status')
        .filter({ hasText: /^Gemt kl\./ })
        .waitFor();
      expect(await visits.getByText('Overført fra forrige statusrunde').count()).toBe(0);
      await p.close();
    }, 120_000);

    async function publicText() {
      const anon = await browser.newContext({ bypassCSP: true });
      const page = await anon.newPage();
      await page.goto(`${base}/offentlig/390/plan-for-runder-2027`);
      await page.getByText('Seneste offentliggjorte status').waitFor();
      await page.getByText('Borgerpanel nedsat').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      await axe(page, 'offentlig side');
      await anon.close();
      return text;
    }

    it('deleting a published goal changes neither the public page nor the Word report', async () => {
      await call(ctx.request, 'DELETE', `/goals/${goal2}`);
      const plan = await call(ctx.request, 'GET', `/plans/${planId}`);
      expect((plan.goals as { id: string }[]).map((g) => String(g.id))).toEqual([goal1]);
      expect(await publicText()).toBe(publicBefore);
      const after = await wordText(ctx.request, round1);
      expect(after.length).toBe(wordBefore.length);
      expect(after === wordBefore, 'Word report of the published round unchanged').toBe(true);
      expect(after).toContain('Borgerpanel nedsat');
    }, 120_000);

    it('an unpublished plan: every plan, round and evaluation route refused without login', async () => {
      const draft = await call(ctx.request, 'POST', '/municipalities/390/plans', {
        title: 'Plan i udkast 2028',
        yearFrom: 2028,
        yearTo: 2028,
      });
      const id = String(draft.plan.id);
      const g = await call(ctx.request, 'POST', `/plans/${id}/goals`, {
        number: '1',
        kind: 'lokalt mål',
        title: 'Hemmeligt mål',
        position: 1,
      });
      const ind = await call(ctx.request, 'POST', `/goals/${g.goal.id}/indicators`, {
        kind: 'milepæl',
        title: 'Hemmelig milepæl',
        config: {},
        position: 1,
      });
      const r = await call(ctx.request, 'POST', `/plans/${id}/rounds`, {
        title: 'Udkast',
        asOf: '2028-03-31',
      });
      const anon = await browser.newContext();
      const urls = [
        `/plans/${id}`,
        `/plans/${id}/dashboard`,
        `/plans/${id}/follow-up`,
        `/plans/${id}/people`,
        `/plans/${id}/case.docx`,
        `/rounds/${r.round.id}`,
        `/rounds/${r.round.id}/report.html`,
        `/rounds/${r.round.id}/report.docx`,
        `/indicators/${ind.indicator.id}/history`,
        `/indicators/${ind.indicator.id}/evaluation`,
        '/public/390/plan-i-udkast-2028',
      ];
      for (const u of urls) {
        const res = await anon.request.get(`${base}/api/v1${u}`);
        expect([401, 403, 404], `anonymous GET ${u}`).toContain(res.status());
        expect(await res.text()).not.toContain('Hemmelig');
      }
      await anon.close();
    }, 60_000);
  },
);
