// Charts rendered on the server with Apache ECharts to SVG, and to PNG with resvg for Word, using the font
// shipped in assets/fonts so the output is the same on every machine. The PNG (two thirds of a chart's cost)
// is drawn only when a format asks for it (Word's fallback image), once per chart. resvg reads its fonts for
// every image, so it gets DejaVu cut to the characters a chart can hold (Latin, æøå, punctuation, arrows,
// math signs; assets/fonts/README.md): 3 ms per image instead of 12, the same pixels.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNumber } from '../domain/numbers.ts';
import { formatPeriodDa, tryParsePeriod } from '../domain/periods.ts';

// ECharts (~40 MB resident once loaded) and resvg are loaded on the first chart, not when the server starts:
// a server that draws no chart keeps that memory (issue 13 item 5). `require` keeps lineChart synchronous.
const require = createRequire(import.meta.url);
let libs: { echarts: typeof import('echarts'); Resvg: typeof import('@resvg/resvg-js').Resvg } | undefined;
const chartLibs = () => {
  libs ??= {
    echarts: require('echarts') as typeof import('echarts'),
    Resvg: (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg,
  };
  return libs;
};

const FONT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'fonts');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans-charts.ttf'), join(FONT_DIR, 'DejaVuSans-Bold-charts.ttf')];
const FONT = 'DejaVu Sans';

export interface ChartSeries {
  name: string;
  points: { period: string; value: number | null }[];
  style?: 'solid' | 'dashed' | 'dotted';
  color: string;
  width?: number;
  /** Marker at each value (a target drawn as a point at its deadline); default none. */
  symbol?: 'circle' | 'diamond';
}

const label = (code: string) => {
  const p = tryParsePeriod(code);
  if (!p) return code;
  return p.kind === 'month' ? `${formatPeriodDa(p).slice(0, 3)}. ${p.year}` : formatPeriodDa(p);
};

export interface Chart {
  svg: string;
  /**
   * The chart as PNG at its own size (Word's fallback for versions that cannot show SVG; Word 2016 and later
   * show the SVG), rasterised on the first call and then kept. At twice the size it cost 3× as much: 1,2 s
   * instead of 0,4 s for the 40 charts of a report after an import.
   */
  png: () => Uint8Array;
  width: number;
  height: number;
}

/**
 * Charts already drawn, by their input: a report asked for in several formats (or by several people) draws
 * each figure once. Bounded, oldest first out; a figure is ~7 kB SVG, + ~45 kB once its PNG is drawn.
 */
const drawn = new Map<string, Chart>();
const MAX_DRAWN = 200;

/** Forgets the charts drawn (benchmarks: a report after an import, when no chart is drawn yet). */
export function forgetDrawnCharts() {
  drawn.clear();
}

/** A line chart of periods as SVG and PNG (drawn once per distinct input, then reused). */
export function lineChart(
  series: ChartSeries[],
  opts: { width?: number; height?: number; title?: string; unit?: string } = {},
): Chart {
  const key = createHash('sha256')
    .update(JSON.stringify([series, opts]))
    .digest('base64');
  const hit = drawn.get(key);
  if (hit) {
    drawn.delete(key); // most recently used goes last
    drawn.set(key, hit);
    return hit;
  }
  const chart = drawChart(series, opts);
  drawn.set(key, chart);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  return chart;
}

function drawChart(
  series: ChartSeries[],
  opts: { width?: number; height?: number; title?: string; unit?: string },
): Chart {
  const width = opts.width ?? 640;
  const height = opts.height ?? 300;
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort((a, b) => {
    const pa = tryParsePeriod(a);
    const pb = tryParsePeriod(b);
    return pa && pb ? pa.year * 100 + pa.index - (pb.year * 100 + pb.index) : a.localeCompare(b);
  });
  const { echarts, Resvg } = chartLibs();
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
      ...(opts.unit ? { name: opts.unit, nameTextStyle: { fontFamily: FONT, fontSize: 9 } } : {}),
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
        symbol: s.symbol ?? 'none',
        symbolSize: s.symbol ? 9 : undefined,
        showAllSymbol: s.symbol ? true : 'auto',
        connectNulls: !s.symbol,
        color: s.color,
        lineStyle: { type: s.style ?? 'solid', width: s.width ?? 2 },
        data: periods.map((p) => m.get(p) ?? null),
      };
    }),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  let png: Uint8Array | undefined;
  const rasterise = () => {
    png ??= new Uint8Array(
      new Resvg(svg, {
        fitTo: { mode: 'width', value: width },
        font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
      })
        .render()
        .asPng(),
    );
    return png;
  };
  return { svg, png: rasterise, width, height };
}
