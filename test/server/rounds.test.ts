// Rounds as documents on both engines: a published round holds (page, public page and Word report the same
// after its goal is deleted and its statistic re-imported), a new round starts from the previous round's
// texts marked as carried over, who is missing, the next round's due date, and nothing unpublished leaks
// on any read route (walked from the registered routes).
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../src/services/demo-data.ts';
import { runImport } from '../../src/services/imports.ts';
import { anonymous, appWithUsers, as, type Client, seedUsers } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

const y25i01 = () => DEMO_FILES.find((f) => f.label === 'Jobindsats Y25I01')!;

const NIVEAU = {
  kind: 'niveau',
  title: 'Ledighed i pct. af arbejdsstyrken',
  config: {
    measure: 'y25i01.ledige_pct',
    area: '320',
    baselinePeriod: '2025M07',
    target: { kind: 'absolute', value: 2.4 },
    direction: 'at-most',
    deadline: '2027-12-31',
  },
  sourceNote: '',
  position: 1,
};
const COUNT = {
  kind: 'optælling',
  title: 'Virksomhedsbesøg',
  config: { target: 450, unit: 'besøg', startDate: '2026-01-01', deadline: '2027-12-31' },
  sourceNote: '',
  position: 2,
};
const MILESTONE = {
  kind: 'milepæl',
  title: 'Alle medarbejdere har gennemført kurset',
  config: { deadline: '2027-06-30' },
  sourceNote: '',
  position: 1,
};

/** The Word document's text, without the line that says when it was made. */
async function docxText(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  // The docx library numbers drawings with a counter for the whole process: two renders of the same
  // report differ there, whatever the content.
  return xml
    .replace(/Dannet [^<]* af Måltavle\./g, 'Dannet (dato) af Måltavle.')
    .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="n"');
}

/** The HTML report without its date and ECharts' per-render class names (zr1-cls-4 vs zr3-cls-12). */
const htmlText = (html: string) =>
  html
    .replace(/Dannet [^<]* af Måltavle\./g, '')
    .replace(/zr\d+-(cls-\d+|c)/g, 'zr-$1')
    .replace(/zr-cls-\d+/g, 'zr-cls');

// One story in steps (a round is filled, published, then a goal deleted): the steps keep their order.
for (const engine of ENGINES)
  describe(`status rounds as documents on ${engine}`, { shuffle: false }, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let anon: Client;
    let editor: Client;
    let reader: Client;
    let other: Client;
    let planId: string;
    let goal1: string;
    let goal2: string;
    let niveauId: string;
    let countId: string;
    let milestoneId: string;
    let round1: string;

    beforeAll(async () => {
      t = await createTestDb(engine);
      await runImport(t.database.db, y25i01().parse(), { createdBy: 'test' });
      await seedUsers(t.services);
      app = await appWithUsers(t.services);
      anon = anonymous(app);
      editor = await as(app, 'faxeRedaktoer');
      reader = await as(app, 'faxeLaeser');
      other = await as(app, 'fredericia');
      const p = await editor.req('POST', '/api/v1/municipalities/320/plans', {
        title: 'Beskæftigelsesplan 2026-2027',
        yearFrom: 2026,
        yearTo: 2027,
        status: 'vedtaget',
        adoptedOn: '2026-01-15',
      });
      expect(p.status).toBe(201);
      planId = String(p.body.plan.id);
      const g1 = await editor.req('POST', `/api/v1/plans/${planId}/goals`, {
        number: '1',
        kind: 'lokalt mål',
        title: 'Flere i job',
        position: 1,
      });
      goal1 = String(g1.body.goal.id);
      const g2 = await editor.req('POST', `/api/v1/plans/${planId}/goals`, {
        number: '2',
        kind: 'lokalt mål',
        title: 'Kompetente medarbejdere',
        position: 2,
      });
      goal2 = String(g2.body.goal.id);
      niveauId = String(
        (await editor.req('POST', `/api/v1/goals/${goal1}/indicators`, NIVEAU)).body.indicator.id,
      );
      countId = String(
        (await editor.req('POST', `/api/v1/goals/${goal1}/indicators`, COUNT)).body.indicator.id,
      );
      milestoneId = String(
        (await editor.req('POST', `/api/v1/goals/${goal2}/indicators`, MILESTONE)).body.indicator.id,
      );
    }, 180_000);
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const save = (round: string, ind: string, body: Record<string, unknown>) =>
      editor.req('PUT', `/api/v1/rounds/${round}/entries/${ind}`, { revision: null, ...body });

    it('a draft round shows a Danish text draft for the statistic, and what is missing from whom', async () => {
      const r = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, {
        title: 'Status august 2026',
        asOf: '2026-08-31',
      });
      expect(r.status).toBe(201);
      round1 = String(r.body.round.id);
      const people = await editor.req('GET', `/api/v1/plans/${planId}/people`);
      const laeser = (people.body.people as { id: string; name: string }[]).find(
        (p) => p.name === 'faxeLaeser',
      )!;
      expect(laeser).toBeDefined();
      expect((await other.req('GET', `/api/v1/plans/${planId}/people`)).status).toBe(403);
      expect(
        (await reader.req('PUT', `/api/v1/indicators/${countId}/responsible`, { userId: laeser.id })).status,
      ).toBe(403);
      expect(
        (await editor.req('PUT', `/api/v1/indicators/${countId}/responsible`, { userId: laeser.id })).status,
      ).toBe(200);
      const view = await editor.req('GET', `/api/v1/rounds/${round1}`);
      expect(view.status).toBe(200);
      // y25i01: Faxe 2,8 % in July 2026, 2,5 % in July 2025, the country 3,0 % (datasets/jobindsats).
      const draft = view.body.drafts[niveauId] as string;
      expect(
        draft.startsWith(
          'Ledigheden i Faxe var 2,8 % i juli 2026, 0,3 procentpoint højere end året før og under landsgennemsnittet på 3,0 %. I Region Sjælland var niveauet 2,6 %. Målet er højst 2,4 %, så der mangler et fald på 0,4 procentpoint.',
        ),
        draft,
      ).toBe(true);
      // The deadline (december 2027) lies 17 months after the data, beyond the 12 months the forecast's band
      // is tested for: the draft says nothing of a forecast it cannot stand behind.
      expect(draft).not.toContain('Fremskrivningen');
      expect(view.body.drafts[countId]).toBeUndefined();
      // The draft is offered, never inserted: the entry is still empty.
      expect(
        view.body.items.find((i: { indicator: { id: string } }) => i.indicator.id === niveauId).entry,
      ).toBe(null);
      const missing = view.body.missing as {
        responsible: { name: string } | null;
        indicators: { id: string }[];
      }[];
      expect(missing).toHaveLength(2);
      expect(missing[0]!.responsible?.name).toBe('faxeLaeser');
      expect(missing[0]!.indicators.map((i) => i.id)).toEqual([countId]);
      expect(missing[1]!.responsible).toBe(null);
      expect(missing[1]!.indicators.map((i) => i.id).sort()).toEqual([niveauId, milestoneId].sort());
    });

    it('the plan says when the next round is due', async () => {
      expect(
        (await anon.req('PUT', `/api/v1/plans/${planId}/follow-up`, { followUp: 'kvartalsvis' })).status,
      ).toBe(401);
      const f = await editor.req('PUT', `/api/v1/plans/${planId}/follow-up`, { followUp: 'kvartalsvis' });
      expect(f.status).toBe(200);
      // The last round is dated 31 August 2026; a quarter later is the end of November 2026.
      expect(f.body).toEqual({ followUp: 'kvartalsvis', lastRoundAsOf: '2026-08-31', nextDue: '2026-11-30' });
      const bad = await editor.req('PUT', `/api/v1/plans/${planId}/follow-up`, { followUp: 'ugentlig' });
      expect(bad.status).toBe(400);
    });

    let pageBefore: unknown;
    let publicBefore: unknown;
    let wordBefore = '';
    let htmlBefore = '';

    it('publishing stores what was published', async () => {
      expect((await save(round1, niveauId, { text: 'Ledigheden steg en smule.' })).status).toBe(200);
      expect(
        (await save(round1, countId, { text: 'Vi har besøgt 120 virksomheder.', value: 120 })).status,
      ).toBe(200);
      expect((await save(round1, milestoneId, { text: 'Kurset er i gang.', done: false })).status).toBe(200);
      expect((await editor.req('POST', `/api/v1/rounds/${round1}/publish`)).status).toBe(200);
      pageBefore = (await anon.req('GET', `/api/v1/rounds/${round1}`)).body;
      expect((pageBefore as { frozen: boolean }).frozen).toBe(true);
      publicBefore = (await anon.req('GET', '/api/v1/public/320/beskaeftigelsesplan-2026-2027')).body;
      const word = await app.inject({ url: `/api/v1/rounds/${round1}/report.docx` });
      expect(word.statusCode).toBe(200);
      wordBefore = await docxText(word.rawPayload);
      expect(wordBefore).toContain('Vi har besøgt 120 virksomheder.');
      expect(wordBefore).toContain('Kompetente medarbejdere');
      htmlBefore = (await app.inject({ url: `/api/v1/rounds/${round1}/report.html` })).body;
    });

    it('deleting a published goal archives it; the page, public page and Word report stay the same', async () => {
      expect((await editor.req('DELETE', `/api/v1/goals/${goal2}`)).status).toBe(200);
      expect(
        (
          await editor.req('PUT', `/api/v1/indicators/${niveauId}`, {
            ...NIVEAU,
            title: 'Ny titel',
            revision: 1,
          })
        ).status,
      ).toBe(200);
      // A second fetch of the statistic with other figures must not change the published round either.
      // A revised figure for Faxe's latest month (a test revision, not an official figure).
      const again = y25i01().parse();
      const revised = again.rows.filter(
        (r) => r.measureId === 'y25i01.ledige_pct' && r.areaId === '320' && r.period === '2026M07',
      );
      expect(revised).toHaveLength(1);
      revised[0]!.value = 9.9;
      const summary = await runImport(t.database.db, again, { createdBy: 'test' });
      expect(summary.revised).toBe(1);
      const live = await editor.req('GET', `/api/v1/indicators/${niveauId}/evaluation?asOf=2026-08-31`);
      expect(live.body.latest.value).toBe(9.9);
      const plan = await editor.req('GET', `/api/v1/plans/${planId}`);
      expect((plan.body.goals as { id: string }[]).map((g) => String(g.id))).toEqual([goal1]);
      expect((await anon.req('GET', `/api/v1/rounds/${round1}`)).body).toEqual(pageBefore);
      expect((await anon.req('GET', '/api/v1/public/320/beskaeftigelsesplan-2026-2027')).body).toEqual(
        publicBefore,
      );
      const word = await app.inject({ url: `/api/v1/rounds/${round1}/report.docx` });
      const wordAfter = await docxText(word.rawPayload);
      expect(wordAfter.length).toBe(wordBefore.length);
      expect(wordAfter === wordBefore, 'Word report unchanged').toBe(true);
      const html = (await app.inject({ url: `/api/v1/rounds/${round1}/report.html` })).body;
      expect(htmlText(html) === htmlText(htmlBefore), 'HTML report unchanged').toBe(true);
      // A published round refuses saves.
      const refused = await save(round1, countId, { text: 'ændret', revision: 1 });
      expect(refused.status).toBe(409);
    });

    it('a new round starts from the previous round’s texts, marked as carried over until edited', async () => {
      const r = await editor.req('POST', `/api/v1/plans/${planId}/rounds`, {
        title: 'Status november 2026',
        asOf: '2026-11-30',
      });
      expect(r.status).toBe(201);
      const round2 = String(r.body.round.id);
      const view = await editor.req('GET', `/api/v1/rounds/${round2}`);
      const items = view.body.items as {
        indicator: { id: string };
        entry: { text: string; value: number | null; carriedOver: boolean; revision: number } | null;
      }[];
      // The archived goal's milestone is not carried into the new round.
      expect(items.map((i) => i.indicator.id).sort()).toEqual([niveauId, countId].sort());
      const count = items.find((i) => i.indicator.id === countId)!.entry!;
      expect(count).toMatchObject({
        text: 'Vi har besøgt 120 virksomheder.',
        value: 120,
        carriedOver: true,
      });
      expect(
        view.body.missing
          .flatMap((g: { indicators: { id: string }[] }) => g.indicators.map((i) => i.id))
          .sort(),
      ).toEqual([niveauId, countId].sort());
      const saved = await save(round2, countId, {
        text: 'Vi har besøgt 200 virksomheder.',
        value: 200,
        revision: count.revision,
      });
      expect(saved.status).toBe(200);
      expect(saved.body.entry.carriedOver).toBe(false);
      // The first round, published, still has its own text.
      expect(JSON.stringify((await anon.req('GET', `/api/v1/rounds/${round1}`)).body)).toContain(
        'Vi har besøgt 120 virksomheder.',
      );
    });
  });
