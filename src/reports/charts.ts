// Charts rendered on the server with Apache ECharts to SVG, and to PNG with resvg for Word, using the font
// shipped in assets/fonts so the output is the same on every machine.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatNumber } from '../domain/numbers.ts';
import { formatPeriodDa, tryParsePeriod } from '../domain/periods.ts';

const FONT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'fonts');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
const FONT = 'DejaVu Sans';

export interface ChartSeries {
  name: string;
  points: { period: string; value: number | null }[];
  style?: 'solid' | 'dashed' | 'dotted';
  color: string;
  width?: number;
}

const label = (code: string) => {
  const p = tryParsePeriod(code);
  if (!p) return code;
  return p.kind === 'month' ? `${formatPeriodDa(p).slice(0, 3)}. ${p.year}` : formatPeriodDa(p);
};

/** A line chart of periods as SVG and PNG. */
export function lineChart(
  series: ChartSeries[],
  opts: { width?: number; height?: number; title?: string } = {},
) {
  const width = opts.width ?? 640;
  const height = opts.height ?? 300;
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort((a, b) => {
    const pa = tryParsePeriod(a);
    const pb = tryParsePeriod(b);
    return pa && pb ? pa.year * 100 + pa.index - (pb.year * 100 + pb.index) : a.localeCompare(b);
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: opts.title ? { text: opts.title, textStyle: { fontFamily: FONT, fontSize: 13 } } : undefined,
    legend: { bottom: 0, textStyle: { fontFamily: FONT, fontSize: 10 } },
    grid: { left: 56, right: 16, top: opts.title ? 36 : 16, bottom: 56 },
    xAxis: { type: 'category', data: periods.map(label), axisLabel: { fontFamily: FONT, fontSize: 9 } },
    yAxis: {
      type: 'value',
      axisLabel: {
        fontFamily: FONT,
        fontSize: 9,
        formatter: (v: number) => formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 1 }),
      },
    },
    series: series.map((s) => {
      const m = new Map(s.points.map((p) => [p.period, p.value]));
      return {
        name: s.name,
        type: 'line',
        symbol: 'none',
        connectNulls: true,
        color: s.color,
        lineStyle: { type: s.style ?? 'solid', width: s.width ?? 2 },
        data: periods.map((p) => m.get(p) ?? null),
      };
    }),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return { svg, png: new Uint8Array(png), width, height };
}
