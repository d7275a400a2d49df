// Runs the benchmarks and prints a table: `npm run bench [-- import|rank] [--rows N]`.
// PostgreSQL figures need MAALTAVLE_BENCH_DATABASE_URL (or MAALTAVLE_TEST_DATABASE_URL), e.g.
// postgres://postgres@127.0.0.1:5432/test; a scratch database is created there and dropped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fmt, machine } from './common.ts';
import { benchImport } from './import.ts';
import { benchOutage } from './outage.ts';
import { benchRank } from './rank.ts';
import { benchReports } from './reports.ts';

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
  const r = await benchReports();
  report.push(
    'Status report for a plan of 40 indicators with 40 charts (build + render), embedded database',
    '',
  );
  report.push('| format | median ms | runs | size KB |', '| --- | ---: | ---: | ---: |');
  for (const x of r) report.push(`| ${x.format} | ${fmt(x.medianMs)} | ${x.runs} | ${fmt(x.bytes / 1024)} |`);
  report.push('');
}
if (which === 'outage') {
  if (!pgUrl) report.push('The outage trial needs MAALTAVLE_BENCH_DATABASE_URL (a PostgreSQL server).', '');
  else report.push(...(await benchOutage(pgUrl)).lines);
}
const text = report.join('\n');
console.log(text);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${which}-${Date.now()}.md`, text);
