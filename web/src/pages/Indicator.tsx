// The indicator page: history with baseline, target path to the deadline, comparison area, country and a
// forecast to the deadline; all earlier status texts.
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption as EChartsOption } from 'echarts/core';
import { Link, useParams } from 'react-router';
import { get } from '../api.ts';
import { EChart } from '../components/EChart.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate, formatNumber, formatPeriod, formatValue } from '../format.ts';
import { T } from '../texts.ts';

interface History {
  indicator: {
    id: string;
    title: string;
    kind: string;
    source_note: string;
    config: Record<string, unknown>;
  };
  plan: { id: string; title: string };
  evaluation: {
    status: string;
    target: number | null;
    unit: string;
    latest: { value: number; period: string | null; source: string } | null;
    baseline: { value: number; period: string | null } | null;
    assessment: { reason: string };
    progressText: string | null;
  };
  history: null | {
    own: { period: string; value: number | null }[];
    comparison: { name: string; points: { period: string; value: number | null }[] } | null;
    country: { period: string; value: number | null }[];
  };
  forecast: { period: string; value: number; lower: number; upper: number }[];
  probability: number | null;
  texts: { round: string; asOf: string; text: string; value: number | null; status: string }[];
}

export function Indicator() {
  const { id } = useParams();
  const { data, error, isLoading } = useQuery({
    queryKey: ['history', id],
    queryFn: () => get<History>(`/indicators/${id}/history`),
  });
  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? T.error}</p>;
  const ev = data.evaluation;
  const h = data.history;
  let option: EChartsOption | null = null;
  if (h) {
    const periods = [...new Set([...h.own.map((p) => p.period), ...data.forecast.map((p) => p.period)])];
    const at = (pts: { period: string; value: number | null }[]) => {
      const m = new Map(pts.map((p) => [p.period, p.value]));
      return periods.map((p) => m.get(p) ?? null);
    };
    const fc = new Map(data.forecast.map((p) => [p.period, p]));
    const own = h.own.filter((p) => p.value !== null);
    const lastOwn = own.at(-1);
    option = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [
          'Kommunen',
          ...(h.comparison?.points.length ? [h.comparison.name] : []),
          ...(h.country.length ? ['Hele landet'] : []),
          ...(data.forecast.length ? ['Fremskrivning', 'Usikkerhed (80 %)'] : []),
          ...(ev.target !== null ? ['Mål'] : []),
        ],
      },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: periods.map(formatPeriod) },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 1 }) },
      },
      series: [
        {
          name: 'Kommunen',
          type: 'line',
          data: at(h.own),
          color: '#0b5cad',
          symbol: 'none',
          lineStyle: { width: 3 },
        },
        ...(h.comparison?.points.length
          ? [
              {
                name: h.comparison.name,
                type: 'line' as const,
                data: at(h.comparison.points),
                color: '#6b4c9a',
                symbol: 'none',
                lineStyle: { type: 'dashed' as const },
              },
            ]
          : []),
        ...(h.country.length
          ? [
              {
                name: 'Hele landet',
                type: 'line' as const,
                data: at(h.country),
                color: '#555',
                symbol: 'none',
                lineStyle: { type: 'dotted' as const },
                yAxisIndex: 0,
              },
            ]
          : []),
        ...(data.forecast.length
          ? [
              {
                name: 'Fremskrivning',
                type: 'line' as const,
                data: periods.map((p) =>
                  p === lastOwn?.period ? lastOwn.value : (fc.get(p)?.value ?? null),
                ),
                color: '#b35900',
                symbol: 'none',
                lineStyle: { type: 'dashed' as const },
              },
              {
                name: 'Usikkerhed (80 %)',
                type: 'line' as const,
                data: periods.map((p) => fc.get(p)?.upper ?? null),
                color: '#e0a060',
                symbol: 'none',
                lineStyle: { width: 1 },
              },
              {
                name: 'Usikkerhed, nedre grænse',
                type: 'line' as const,
                data: periods.map((p) => fc.get(p)?.lower ?? null),
                color: '#e0a060',
                symbol: 'none',
                lineStyle: { width: 1 },
              },
            ]
          : []),
        ...(ev.target !== null
          ? [
              {
                name: 'Mål',
                type: 'line' as const,
                data: periods.map(() => ev.target),
                color: '#1a7f37',
                symbol: 'none',
                lineStyle: { type: 'solid' as const, width: 1 },
              },
            ]
          : []),
      ],
    };
  }
  return (
    <article>
      <p>
        <Link to={`/planer/${data.plan.id}`}>{data.plan.title}</Link>
      </p>
      <h1>{data.indicator.title}</h1>
      <p>
        <StatusBadge status={ev.status} /> {ev.assessment.reason}
      </p>
      <dl className="facts">
        <dt>{T.indicator.baseline}</dt>
        <dd>
          {ev.baseline
            ? `${formatValue(ev.baseline.value, ev.unit)} ${ev.baseline.period ? `(${formatPeriod(ev.baseline.period)})` : ''}`
            : '–'}
        </dd>
        <dt>{T.indicator.latest}</dt>
        <dd>
          {ev.progressText ?? formatValue(ev.latest?.value, ev.unit)}{' '}
          {ev.latest?.period ? `(${formatPeriod(ev.latest.period)})` : ''}
        </dd>
        <dt>{T.indicator.target}</dt>
        <dd>{formatValue(ev.target, ev.unit)}</dd>
        {data.probability !== null ? (
          <>
            <dt>{T.indicator.probability}</dt>
            <dd>{formatNumber(data.probability * 100)} %</dd>
          </>
        ) : null}
        <dt>{T.indicator.sourceNote}</dt>
        <dd>{data.indicator.source_note || ev.latest?.source || '–'}</dd>
      </dl>
      {option ? (
        <figure>
          <EChart
            option={option}
            label={`Graf: ${data.indicator.title}. Kommunen, sammenligningsområde, hele landet, mål og fremskrivning.`}
          />
          <figcaption>
            {T.indicator.history}. {ev.latest?.source}. Fremskrivningen er en statistisk prognose med 80 %
            usikkerhedsbånd; den er ikke en officiel statistik.
          </figcaption>
        </figure>
      ) : (
        <p className="muted">Indikatoren har ingen statistisk serie; tallene indtastes i statusrunderne.</p>
      )}
      <section>
        <h2>{T.indicator.earlierTexts}</h2>
        {data.texts.length === 0 ? <p>Ingen statustekster endnu.</p> : null}
        <ol>
          {data.texts.map((t) => (
            <li key={`${t.round}-${t.asOf}`}>
              <strong>
                {t.round} ({formatDate(t.asOf)})
              </strong>
              : {t.text}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
