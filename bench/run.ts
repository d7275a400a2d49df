// Runs the benchmarks and prints issue 13's table as product / floor / ratio:
//   npm run bench [-- <name>] [--quick] [--rows N]
// names: import, rank, dashboard, reports, memory, scale, web, forecast (default: all); outage only by name. --quick: 200,000 import rows,
// 5 s load runs, 1,000,000 rows in the scale bench; the full run is 1,000,000 / 10 s / 5,000,000.
// PostgreSQL figures need MAALTAVLE_BENCH_DATABASE_URL (or MAALTAVLE_TEST_DATABASE_URL), e.g.
// postgres://postgres@127.0.0.1:5432/test; scratch databases are created there and dropped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fmt, machine } from './common.ts';
import { benchDashboard } from './dashboard.ts';
import { benchForecast, forecastReport, writeCalibration } from './forecast.ts';
import { benchImport } from './import.ts';
import { benchMemoryInChild } from './memory.ts';
import { benchOutage } from './outage.ts';
import { benchRank } from './rank.ts';
import { benchReports } from './reports.ts';
import { benchScale } from './scale.ts';
import { benchFirstPage } from './web.ts';

const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'all';
const quick = args.includes('--quick');
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : quick ? 200_000 : 1_000_000;
const seconds = quick ? 5 : 10;
const pgUrl = process.env.MAALTAVLE_BENCH_DATABASE_URL ?? process.env.MAALTAVLE_TEST_DATABASE_URL;
const want = (name: string) => which === 'all' || which === name;

const report: string[] = [
  `Machine: ${machine()}`,
  `Date: ${new Date().toISOString()}${quick ? ' (quick mode)' : ''}`,
  '',
];
if (!pgUrl)
  report.push('(No PostgreSQL URL: server figures, the COPY floor and the scale bench are skipped.)', '');
const table: string[] = ['| measure | product | floor | ratio | goal |', '| --- | --- | --- | --- | --- |'];
const row = (cells: string[]) => table.push(`| ${cells.join(' | ')} |`);
const pct = (x: number) => `${fmt(x * 100)} %`;

if (want('import')) {
  const r = await benchImport(rows, pgUrl);
  const floor = r.find((x) => x.target.includes('copy'));
  for (const x of r.filter((y) => y !== floor)) {
    row([
      `long-CSV import, ${fmt(rows)} rows, ${x.target}`,
      `${fmt(x.seconds, 1)} s (${fmt(x.rowsPerSecond)} rows/s), peak RSS ${fmt(x.peakRssMb ?? 0)} MB`,
      floor ? `\`\\copy\`, same indexes, ${fmt(floor.seconds, 1)} s` : '–',
      floor ? `${pct(floor.seconds / x.seconds)} of COPY` : '–',
      x.target.startsWith('PGlite') ? '≥ 20 %' : '≥ 50 %',
    ]);
  }
}
if (want('rank')) {
  const r = await benchRank(pgUrl, seconds);
  for (const x of r.filter((y) => !y.floor)) {
    const engine = x.target.split(':')[0]!;
    const floor = r.find((y) => y.floor && y.connections === x.connections && y.target.startsWith(engine));
    row([
      `\`/api/v1/rank\` with denominator, ${x.connections} connections, ${engine}`,
      `${fmt(x.requestsPerSecond)} req/s, p50 ${fmt(x.medianMs, 1)} ms`,
      floor ? `one cross-section query bare ${fmt(floor.requestsPerSecond)} req/s` : '–',
      floor ? pct(x.requestsPerSecond / floor.requestsPerSecond) : '–',
      engine.startsWith('PostgreSQL') && x.connections === 50 ? '≥ 2.000 req/s' : '–',
    ]);
  }
}
if (want('dashboard')) {
  for (const x of await benchDashboard(pgUrl, seconds, 50)) {
    row([
      x.target,
      `p95 ${fmt(x.p95Ms)} ms, p50 ${fmt(x.p50Ms)} ms, ${fmt(x.requestsPerSecond, 1)} req/s`,
      '–',
      '–',
      'p95 ≤ 50 ms',
    ]);
  }
}
const pdfComparison: string[] = [];
if (want('reports')) {
  const { formats, pdf } = await benchReports(quick ? 3 : 5);
  for (const x of formats) {
    row([
      `status report, ${x.report}, ${x.format}${x.cold ? ', charts not drawn yet (first after an import)' : ''}`,
      `${fmt(x.medianMs)} ms (median of ${x.runs}; render ${fmt(x.renderMs)} ms; ${fmt(x.bytes / 1024)} KB)`,
      '–',
      '–',
      '≤ 1 s',
    ]);
  }
  if (pdf.length) {
    pdfComparison.push(
      'PDF renderer alone on the same HTML: Debian chromium started per PDF (before) vs the shared npm browser',
      '',
      '| report | before ms | after ms | speed-up | runs |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...pdf.map(
        (x) =>
          `| ${x.report} | ${fmt(x.legacyMs)} | ${fmt(x.sharedMs)} | ${fmt(x.legacyMs / x.sharedMs, 1)}× | ${x.runs} |`,
      ),
      '',
    );
  }
}
if (want('memory')) {
  const runs = benchMemoryInChild(seconds);
  for (const [start, m] of [
    ['first start with the demo load', runs.first],
    ['restart on the same data', runs.restart],
  ] as const) {
    row([
      `server RSS, embedded PGlite, ${start} (fresh process)`,
      `idle ${fmt(m.idleMb)} MB, peak ${fmt(m.peakMb)} MB under 50 connections (${fmt(m.requests)} requests), ${fmt(m.afterMb)} MB after`,
      '–',
      '–',
      '≤ 300 MB',
    ]);
  }
}
report.push('Issue 13 table (product against the floor in the same run)', '', ...table, '', ...pdfComparison);

if (want('web')) {
  const r = await benchFirstPage();
  report.push('First visit, empty cache: bytes on the wire (brotli) for the whole page', '');
  report.push(
    '| page | total kB | scripts kB | other kB | requests |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const x of r)
    report.push(
      `| ${x.page} | ${fmt(x.totalKb, 1)} | ${fmt(x.scriptKb, 1)} | ${fmt(x.otherKb, 1)} | ${x.requests} |`,
    );
  report.push('');
}
if (want('forecast')) {
  const r = benchForecast();
  report.push(...forecastReport(r));
  if (args.includes('--write-calibration')) writeCalibration(r);
}
if (which === 'outage') {
  if (!pgUrl) report.push('The outage trial needs MAALTAVLE_BENCH_DATABASE_URL (a PostgreSQL server).', '');
  else report.push(...(await benchOutage(pgUrl)).lines);
}

if (want('scale') && pgUrl) {
  const s = await benchScale(pgUrl, !quick);
  report.push('Scale on PostgreSQL (generated rows beside the demo statistics)', '');
  report.push(
    '| observations | rank p50, cached (10 conn.) | rank, cache cleared (median) | dashboard, 40 indicators (median) | cross-section query | series query |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const x of s.results)
    report.push(
      `| ${fmt(x.observations)} | ${fmt(x.rankCachedP50Ms, 1)} ms | ${fmt(x.rankUncachedMedianMs, 1)} ms | ${fmt(x.dashboardMedianMs)} ms | ${fmt(x.crossSectionExecMs, 2)} ms | ${fmt(x.seriesExecMs, 2)} ms |`,
    );
  report.push('');
  for (const e of s.explain) report.push(`EXPLAIN ANALYZE — ${e.name}`, '', '```', e.plan, '```', '');
  const seq = s.captured.filter((q) => q.seqScan);
  report.push(
    `The product's own reads (one uncached rank and one dashboard request, every SELECT on observations): ${s.captured.length} query plans, ${seq.length} with a sequential scan of observations.`,
    '',
  );
  for (const q of s.captured)
    report.push(
      `EXPLAIN ANALYZE — ${q.request}, ${fmt(q.observations)} rows${q.seqScan ? ' — SEQUENTIAL SCAN' : ''}`,
      '',
      '```',
      q.sql.replace(/\s+/g, ' '),
      '',
      q.plan,
      '```',
      '',
    );
}

const text = report.join('\n');
console.log(text);
mkdirSync('bench/results', { recursive: true });
// Plain text: the linter checks Markdown under bench/, and these files are local (ignored by git).
writeFileSync(`bench/results/${which}-${Date.now()}.txt`, text);
