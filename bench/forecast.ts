// Forecast benchmark on the shipped Jobindsats monthly series: out-of-sample coverage of the 80 % band per
// horizon, MAPE of the chosen method against seasonal naive, how often each method is chosen, and the time
// of one series' forecast (fit + backtest + choice). Nested rolling origins: at each evaluation origin the
// method is chosen and the band calibrated on data before that origin only.
import { readFileSync, writeFileSync } from 'node:fs';
import { forecast } from '../src/domain/forecast.ts';
import type { Calibration } from '../src/domain/forecast-backtest.ts';
import {
  calibrationBefore,
  evaluateAt,
  type OriginResult,
  panelTables,
} from '../src/domain/forecast-evaluation.ts';
import { METHODS } from '../src/domain/forecast-methods.ts';

const OTHERS = METHODS.filter((k) => k !== 'seasonal-naive');

import { monthCode, monthOrdinal, shippedMonthlySeries } from '../test/helpers/monthly-series.ts';
import { fmt, median } from './common.ts';

/** Evaluation origins: every month from 2024M07 to 2025M07 (12 held-back months each, all published). */
export const EVALUATION_ORIGINS = Array.from({ length: 13 }, (_, i) =>
  monthCode(monthOrdinal('2024M07') + i),
);

export interface ForecastBench {
  series: number;
  origins: OriginResult[];
  pooled: { inside: number[]; total: number[] };
  shippedCalibration: Calibration;
  msPerSeries: number;
  msPanel: number;
}

export function benchForecast(): ForecastBench {
  const panel = shippedMonthlySeries();
  const t0 = performance.now();
  const tables = panelTables(panel);
  const origins: OriginResult[] = [];
  const pooled = { inside: Array(12).fill(0) as number[], total: Array(12).fill(0) as number[] };
  for (const code of EVALUATION_ORIGINS) {
    const E = monthOrdinal(code);
    const r = evaluateAt(tables, E, calibrationBefore(tables, E));
    origins.push(r);
    r.inside.forEach((x, i) => {
      pooled.inside[i]! += x;
      pooled.total[i]! += r.total[i]!;
    });
  }
  const end = Math.max(...panel.map((s) => s.start + s.y.length));
  const shippedCalibration = calibrationBefore(tables, end);
  const msPanel = performance.now() - t0;
  // One series' forecast as the indicator page asks for it: 36 months ahead.
  const times: number[] = [];
  for (const s of panel) {
    if (s.y.filter((v) => v !== null).length < 6) continue;
    const a = performance.now();
    forecast(s.y, 36, { seasonLength: 12 });
    times.push(performance.now() - a);
  }
  return { series: panel.length, origins, pooled, shippedCalibration, msPerSeries: median(times), msPanel };
}

const pct = (a: number, b: number) => (b ? fmt((100 * a) / b, 1) : '–');

/** Writes the shipped calibration file from the benchmark's figures (`npm run bench -- forecast --write-calibration`). */
export function writeCalibration(r: ForecastBench, file = 'src/domain/forecast-calibration.ts'): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('export const DEFAULT_CALIBRATION');
  const rows = r.shippedCalibration.map(
    (row) => `  [${row.map((q) => String(Number(q.toFixed(3)))).join(', ')}],`,
  );
  writeFileSync(
    file,
    `${text.slice(0, start)}export const DEFAULT_CALIBRATION: Calibration = [\n${rows.join('\n')}\n];\n`,
  );
}

export function forecastReport(r: ForecastBench): string[] {
  const out: string[] = [];
  out.push(
    `Forecast on ${fmt(r.series)} shipped Jobindsats monthly series (datasets/jobindsats/*_maaned.csv, every value column × 99 areas), 12 months held back from each origin, nested rolling origins`,
    '',
  );
  out.push(
    `| origin | series | MAPE chosen | MAPE seasonal naive | ${OTHERS.map((k) => `MAPE ${k}`).join(' | ')} | chosen: ${METHODS.join(' / ')} |`,
    `| --- | ---: | ---: | ---: | ${OTHERS.map(() => '---:').join(' | ')} | --- |`,
  );
  for (const o of r.origins) {
    out.push(
      `| ${monthCode(o.origin)} | ${o.series} | ${pct(o.apeChosen, o.points)} | ${pct(o.apeNaive, o.points)} | ${OTHERS.map((k) => pct(o.apeByMethod[k], o.points)).join(' | ')} | ${METHODS.map((k) => o.chosen[k]).join(' / ')} |`,
    );
  }
  out.push(
    '',
    'Coverage of the 80 % band (% of held-back published values inside), per horizon h = 1…12',
    '',
  );
  out.push(
    `| origin | ${Array.from({ length: 12 }, (_, i) => `h${i + 1}`).join(' | ')} |`,
    `| --- | ${Array(12).fill('---:').join(' | ')} |`,
  );
  for (const o of r.origins) {
    out.push(`| ${monthCode(o.origin)} | ${o.inside.map((x, i) => pct(x, o.total[i]!)).join(' | ')} |`);
  }
  out.push(
    `| **all ${r.origins.length} origins** | ${r.pooled.inside.map((x, i) => `**${pct(x, r.pooled.total[i]!)}**`).join(' | ')} |`,
  );
  const apeC = r.origins.reduce((s, o) => s + o.apeChosen, 0);
  const apeN = r.origins.reduce((s, o) => s + o.apeNaive, 0);
  const pts = r.origins.reduce((s, o) => s + o.points, 0);
  out.push(
    '',
    `All origins: MAPE chosen ${pct(apeC, pts)} vs seasonal naive ${pct(apeN, pts)} over ${fmt(pts)} held-back values.`,
    `Time: one series' forecast (36 months, backtest over 24 origins, choice, band) median ${fmt(r.msPerSeries, 2)} ms; whole evaluation ${fmt(r.msPanel / 1000, 1)} s.`,
    '',
    'Shipped calibration (src/domain/forecast-calibration.ts), rows h = 1…12, columns coverage 0.5/0.8/0.9/0.95:',
    '',
    '```ts',
    ...r.shippedCalibration.map((row) => `  [${row.map((q) => q.toFixed(3)).join(', ')}],`),
    '```',
    '',
  );
  return out;
}
