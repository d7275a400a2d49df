// Runs the benchmarks and prints a table: `npm run bench [-- import|rank|reports|forecast] [--rows N]`.
// PostgreSQL figures need MAALTAVLE_BENCH_DATABASE_URL (or MAALTAVLE_TEST_DATABASE_URL), e.g.
// postgres://postgres@127.0.0.1:5432/test; a scratch database is created there and dropped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fmt, machine } from './common.ts';
import { benchForecast, forecastReport, writeCalibration } from './forecast.ts';
import { benchImport } from './import.ts';
import { benchOutage } from './outage.ts';
import { benchRank } from './rank.ts';
import { benchReports } from './reports.ts';
import { benchFirstPage } from './web.ts';

const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith('--')) ?? 'all';
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const pgUrl = process.env.MAALTAVLE_BENCH_DATABASE_URL ?? process.env.MAALTAVLE_TEST_DATABASE_URL;

const report: string[] = [`Machine: ${machine()}`, `Date: ${new Date().toISOString()}`, ''];
if (!pgUrl) report.push('(No PostgreSQL URL: server figures and the COPY floor are skipped.)', '');

if (which === 'all' || which === 'import') {
  const r = await benchImport(rows, pgUrl);
  const floor = r.find((x) => x.target.includes('COPY'));
  report.push(`Import of ${fmt(rows)} observations (long CSV → database, one transaction)`, '');
  report.push('| target | seconds | rows/s | vs COPY |', '| --- | ---: | ---: | ---: |');
  for (const x of r) {
    report.push(
      `| ${x.target} | ${fmt(x.seconds, 1)} | ${fmt(x.rowsPerSecond)} | ${floor ? `${fmt(floor.rowsPerSecond / x.rowsPerSecond, 1)}× slower` : '–'} |`,
    );
  }
  report.push('');
}
if (which === 'all' || which === 'rank') {
  const r = await benchRank(pgUrl);
  report.push('GET /api/v1/rank (98 municipalities, rate with denominator), 10 connections, 10 s', '');
  report.push('| target | requests/s | median ms |', '| --- | ---: | ---: |');
  for (const x of r) report.push(`| ${x.target} | ${fmt(x.requestsPerSecond)} | ${fmt(x.medianMs, 2)} |`);
  report.push('');
}
if (which === 'all' || which === 'reports') {
  const { formats: r, pdf } = await benchReports();
  report.push(
    'Status reports: Faxe demo, and a plan of 40 indicators with 40 charts (build + render), embedded database',
    '',
  );
  report.push(
    '| report | format | median ms | of it render ms | runs | size KB |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const x of r)
    report.push(
      `| ${x.report} | ${x.format} | ${fmt(x.medianMs)} | ${fmt(x.renderMs)} | ${x.runs} | ${fmt(x.bytes / 1024)} |`,
    );
  report.push('');
  if (pdf.length) {
    report.push(
      'PDF renderer alone on the same HTML: Debian chromium started per PDF (before) vs the shared npm browser',
      '',
    );
    report.push('| report | before ms | after ms | speed-up | runs |', '| --- | ---: | ---: | ---: | ---: |');
    for (const x of pdf)
      report.push(
        `| ${x.report} | ${fmt(x.legacyMs)} | ${fmt(x.sharedMs)} | ${fmt(x.legacyMs / x.sharedMs, 1)}× | ${x.runs} |`,
      );
    report.push('');
  }
}
if (which === 'all' || which === 'web') {
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
if (which === 'all' || which === 'forecast') {
  const r = benchForecast();
  report.push(...forecastReport(r));
  if (args.includes('--write-calibration')) writeCalibration(r);
}
if (which === 'outage') {
  if (!pgUrl) report.push('The outage trial needs MAALTAVLE_BENCH_DATABASE_URL (a PostgreSQL server).', '');
  else report.push(...(await benchOutage(pgUrl)).lines);
}
const text = report.join('\n');
console.log(text);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${which}-${Date.now()}.md`, text);
