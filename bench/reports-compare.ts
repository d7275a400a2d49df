// Before/after for the status report of the 40-indicator plan, in one process, interleaved (old, new, old,
// new, …) so that load from other work on the machine hits both alike. "Old" is another checkout of src/ (and
// assets/) given as the first argument, e.g. the commit before a change:
//
//   mkdir /tmp/base && git archive <commit> src assets | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
//   node --import tsx bench/reports-compare.ts /tmp/base [runs] [formats, e.g. docx,pdf or docx,only]
//
// Both read the same embedded database. Per format: median wall time of build + render, and CPU time of this
// process (process.cpuUsage, less disturbed by other load) and, for PDF, of its Chromium processes (/proc).
// Both PDF pools are warm (browser running, as in a server); the first PDF of a process is measured apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/db/connection.ts';
import * as newCharts from '../src/reports/charts.ts';
import * as newIndex from '../src/reports/index.ts';
import * as newPdf from '../src/reports/render-pdf.ts';
import * as newStatus from '../src/reports/status-report.ts';
import { fmt, machine, median } from './common.ts';
import { prepareReportPlans } from './reports.ts';

const base = resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 5);
/** Formats to compare (default all), e.g. "docx,pdf"; "only" skips the first-PDF and chart-drawing parts. */
const formats = (process.argv[4] ?? 'build,docx,xlsx,pdf').split(',').filter((f) => f !== 'only') as (
  | 'build'
  | 'docx'
  | 'xlsx'
  | 'pdf'
)[];
const only = (process.argv[4] ?? '').includes('only');
const load = (p: string) => import(pathToFileURL(join(base, 'src', p)).href);
const old = {
  index: (await load('reports/index.ts')) as typeof newIndex,
  pdf: (await load('reports/render-pdf.ts')) as typeof newPdf,
  status: (await load('reports/status-report.ts')) as typeof newStatus,
  charts: (await load('reports/charts.ts')) as typeof newCharts,
};
const now = { index: newIndex, pdf: newPdf, status: newStatus, charts: newCharts };
type Impl = typeof now;

const TICK_MS = 1000 / 100; // USER_HZ
/** CPU time (ms) of every process below this one: the Chromium browsers and their renderers. */
function childCpuMs(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      // utime, stime, and the same of children already waited for
      cpu.set(Number(d), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) {
        total += ms;
        break;
      }
  }
  return total;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
const database = await openDatabase({ dataDir: join(dir, 'data') });
try {
  const { actor, rounds } = await prepareReportPlans(database);
  const db = database.db;
  const roundId = rounds[1]![1];
  const once = async (impl: Impl, format: 'build' | 'docx' | 'xlsx' | 'pdf') => {
    const report = await impl.status.buildStatusReport(db, actor, roundId);
    if (format !== 'build') await impl.index.render(report, format);
  };
  console.log(`Machine: ${machine()}; load average at start ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log(
    `40-indicator status report, median of ${runs}, interleaved old/new, warm (charts drawn, browser up)`,
  );
  console.log(
    '| format | old wall ms | new wall ms | old CPU ms | new CPU ms | old Chromium CPU ms | new Chromium CPU ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const format of formats) {
    const m = { old: { wall: [], cpu: [], child: [] }, now: { wall: [], cpu: [], child: [] } } as Record<
      'old' | 'now',
      { wall: number[]; cpu: number[]; child: number[] }
    >;
    for (let i = 0; i <= runs; i++) {
      for (const [name, impl] of [
        ['old', old],
        ['now', now],
      ] as const) {
        // The new pool opens its next page after a PDF, while idle; wait for that outside the timing.
        if (format === 'pdf' && impl === now) await now.pdf.pdfPool.warm();
        const c0 = childCpuMs();
        const u0 = ownCpuMs();
        const t0 = performance.now();
        await once(impl, format);
        const wall = performance.now() - t0;
        const cpu = ownCpuMs() - u0;
        if (format === 'pdf' && impl === now) await now.pdf.pdfPool.warm();
        // Chromium's CPU includes, for the new pool, opening the spare page after the PDF.
        const child = childCpuMs() - c0;
        if (i === 0) continue; // warm-up: charts drawn, browser started
        m[name].wall.push(wall);
        m[name].cpu.push(cpu);
        m[name].child.push(child);
      }
    }
    const cell = (xs: number[]) => fmt(median(xs));
    console.log(
      `| ${format} | ${cell(m.old.wall)} | ${cell(m.now.wall)} | ${cell(m.old.cpu)} | ${cell(m.now.cpu)} | ${format === 'pdf' ? cell(m.old.child) : '–'} | ${format === 'pdf' ? cell(m.now.child) : '–'} |`,
    );
  }

  // The first PDF of a process: the browser starts on it (a server's pool after 5 idle minutes).
  const cold = { old: [] as number[], now: [] as number[] };
  for (let i = 0; i < (only ? 0 : 3); i++) {
    for (const [name, impl] of [
      ['old', old],
      ['now', now],
    ] as const) {
      await impl.pdf.pdfPool.close();
      const t0 = performance.now();
      await once(impl, 'pdf');
      cold[name].push(performance.now() - t0);
    }
  }
  if (!only)
    console.log(
      `\nPDF with the browser started on it (median of 3): old ${fmt(median(cold.old))} ms, new ${fmt(median(cold.now))} ms`,
    );

  // Charts not drawn yet (a report after an import): 40 charts of two 90-month series, generated.
  const series = (k: number) => [
    {
      name: 'Kommune',
      color: '#0b5cad',
      width: 3,
      points: Array.from({ length: 90 }, (_, i) => ({
        period: `${2019 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
        value: 1000 + k + Math.round(Math.sin(i / 3) * 100),
      })),
    },
    {
      name: 'Hele landet',
      color: '#555555',
      style: 'dotted' as const,
      points: Array.from({ length: 90 }, (_, i) => ({
        period: `${2019 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
        value: 1100 + k + Math.round(Math.cos(i / 4) * 80),
      })),
    },
  ];
  const draw = { old: [] as number[], svg: [] as number[], png: [] as number[] };
  let k = 0;
  for (let i = 0; i < (only ? 0 : 3); i++) {
    let t = performance.now();
    for (let c = 0; c < 40; c++) old.charts.lineChart(series(k++));
    draw.old.push(performance.now() - t);
    t = performance.now();
    const drawn = Array.from({ length: 40 }, () => now.charts.lineChart(series(k++)));
    draw.svg.push(performance.now() - t);
    t = performance.now();
    for (const d of drawn) d.png();
    draw.png.push(performance.now() - t);
  }
  if (!only)
    console.log(
      `40 charts not drawn before (median of 3): old (SVG + PNG) ${fmt(median(draw.old))} ms; new SVG ${fmt(median(draw.svg))} ms (PDF, HTML), + PNG ${fmt(median(draw.png))} ms (Word only)`,
    );
} finally {
  await old.pdf.pdfPool.close();
  await now.pdf.pdfPool.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
