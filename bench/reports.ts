// Benchmark: time to produce each report format for the Faxe demo report and for a plan of 40 indicators with
// charts, as medians. "build" is reading and evaluating the plan and drawing its charts; each format's time is
// build + render, as a download costs; "render" alone is the renderer's share. The 40-indicator plan is a
// synthetic benchmark plan ("Benchmarkplan"); its indicators point at real demo statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { listPlans, roundsOf } from '../src/db/repositories/plans.ts';
import { forgetDrawnCharts } from '../src/reports/charts.ts';
import { type Format, render } from '../src/reports/index.ts';
import { renderHtml } from '../src/reports/render-html.ts';
import { pdfPool, renderPdf } from '../src/reports/render-pdf.ts';
import { buildStatusReport } from '../src/reports/status-report.ts';
import type { Actor } from '../src/services/access.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { loadDemoPlans } from '../src/services/demo-plans.ts';
import { createServices } from '../src/services/index.ts';
import { createRound } from '../src/services/plans.ts';
import { median } from './common.ts';
import { hasDebianChromium, legacyPrint } from './pdf-legacy.ts';
import { benchPlan } from './plan.ts';

export interface PdfComparison {
  report: string;
  /** Debian's chromium started per PDF (the renderer before the shared pool). */
  legacyMs: number;
  /** The shared browser from npm, already running. */
  sharedMs: number;
  runs: number;
}

export interface ReportResult {
  report: string;
  format: string;
  medianMs: number;
  renderMs: number;
  runs: number;
  bytes: number;
  /** Charts not drawn before each run (the first report after an import or a restart). */
  cold?: boolean;
}

const FORMATS: Format[] = ['html', 'docx', 'xlsx', 'pdf'];

/** Loads the demo data and a 40-indicator plan into an open database; returns the two rounds to report on. */
export async function prepareReportPlans(
  database: Database,
): Promise<{ actor: Actor; rounds: [string, string][] }> {
  await createServices(database);
  const db = database.db;
  await loadDemoStatistics(db);
  await loadDemoPlans(db);
  const faxePlan = (await listPlans(db, '320'))[0]!;
  const faxeRound = (await roundsOf(db, String(faxePlan.id)))[0]!;
  const { planId, actor } = await benchPlan(db, { levelsOnly: true });
  const round = await createRound(db, actor, planId, {
    title: 'Status juli 2026',
    asOf: '2026-07-31',
  });
  return {
    actor,
    rounds: [
      ['Faxe (demo)', String(faxeRound.id)],
      ['40 indicators', String(round.id)],
    ],
  };
}

export async function benchReports(runs = 5): Promise<{ formats: ReportResult[]; pdf: PdfComparison[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    const { actor, rounds } = await prepareReportPlans(database);
    const db = database.db;
    /** `runs` timed downloads of one report in one format; `cold`: no chart drawn before each run. */
    const measure = async (name: string, roundId: string, format: Format, cold: boolean) => {
      const times: number[] = [];
      const renderTimes: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        if (cold) forgetDrawnCharts();
        const t = performance.now();
        const report = await buildStatusReport(db, actor, roundId);
        const r = performance.now();
        bytes = (await render(report, format)).length;
        const end = performance.now();
        times.push(end - t);
        renderTimes.push(end - r);
      }
      return {
        report: name,
        format,
        medianMs: median(times),
        renderMs: median(renderTimes),
        runs,
        bytes,
        ...(cold ? { cold } : {}),
      } satisfies ReportResult;
    };
    const results: ReportResult[] = [];
    for (const [name, roundId] of rounds) {
      for (const format of FORMATS) {
        // One unmeasured run first: a renderer that is started once and shared starts here.
        await render(await buildStatusReport(db, actor, roundId), format);
        results.push(await measure(name, roundId, format, false));
      }
    }
    // The first report after an import (or a restart): no chart drawn yet. The browser for PDF is up.
    const [bigName, bigRound] = rounds[1]!;
    for (const format of FORMATS) results.push(await measure(bigName, bigRound, format, true));
    // The PDF renderers alone on the same HTML, interleaved so that load on the machine hits both alike.
    const pdf: PdfComparison[] = [];
    if (hasDebianChromium) {
      for (const [name, roundId] of rounds) {
        const html = renderHtml(await buildStatusReport(db, actor, roundId));
        const legacy: number[] = [];
        const shared: number[] = [];
        for (let i = 0; i < runs; i++) {
          let t = performance.now();
          await legacyPrint(html);
          legacy.push(performance.now() - t);
          t = performance.now();
          await renderPdf(html);
          shared.push(performance.now() - t);
        }
        pdf.push({ report: name, legacyMs: median(legacy), sharedMs: median(shared), runs });
      }
    }
    return { formats: results, pdf };
  } finally {
    await pdfPool.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
