// The indicator page: history with baseline, target path to the deadline, comparison area, country and a
// forecast to the deadline; all earlier status texts.

import type { IndicatorHistory as History } from '@contract/plans.ts';
import { month, periodCode, periodOrdinal, tryParsePeriod } from '@domain/periods.ts';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption as EChartsOption } from 'echarts/core';
import { Link, useParams } from 'react-router';
import { get } from '../api.ts';
import { Basis } from '../components/Basis.tsx';
import { EChart } from '../components/EChart.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate, formatNumber, formatPeriod, formatValue } from '../format.ts';
import { T } from '../texts.ts';

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
  const deadline = (data.indicator.config as { deadline?: string }).deadline;
  const unitLabel = (u: string) => (u === 'pct.' ? 'pct.' : u);
  const fm = data.forecastMethod;
  // The forecast is only drawn with its method; a series that did not beat "same month last year" in the
  // backtest is forecast by exactly that, and says so.
  const forecast = fm ? data.forecast : [];
  // fm.label is "Samme måned sidste år" (or "Samme kvartal …" for quarterly series) for seasonal naive.
  const fcName = fm?.beatsSeasonalNaive ? `Fremskrivning (metode: ${fm.label})` : (fm?.label ?? '');
  const fcUntested = `${fm?.beatsSeasonalNaive ? 'Fremskrivning' : (fm?.label ?? '')}, ikke efterprøvet`;
  const hasUntested = forecast.some((p) => !p.calibrated);
  const deadlineUntested = forecast.length > 0 && forecast.at(-1)?.calibrated === false;
  if (h) {
    const base = [...new Set([...h.own.map((p) => p.period), ...forecast.map((p) => p.period)])];
    // The target is a point at the deadline: on the axis as the deadline's month (monthly series) or the
    // period that ends in it; beyond the data, the axis is extended to the deadline month.
    const found = deadlinePeriod(base, deadline);
    const lastP = base.at(-1) ? tryParsePeriod(base.at(-1)!) : undefined;
    const dlP = found ? tryParsePeriod(found) : undefined;
    // Beyond the data the axis is extended to the deadline; a deadline before the data gets no point.
    const dl =
      found && (base.includes(found) || (lastP && dlP && periodOrdinal(dlP) > periodOrdinal(lastP)))
        ? found
        : undefined;
    const periods = dl && !base.includes(dl) ? [...base, dl] : base;
    const at = (pts: { period: string; value: number | null }[]) => {
      const m = new Map(pts.map((p) => [p.period, p.value]));
      return periods.map((p) => m.get(p) ?? null);
    };
    const fc = new Map(forecast.map((p) => [p.period, p]));
    // The calibrated part starts at the last published value; the untested part at the last calibrated
    // point, so the two lines join.
    const lastCal = forecast.filter((p) => p.calibrated).at(-1);
    // Only a level goal has a fixed target; a benchmark's target is the comparison line itself.
    const targetPoint = ev.target !== null && data.indicator.kind === 'niveau' && !!dl;
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
          ...(forecast.length ? [fcName, 'Usikkerhed (80 %)'] : []),
          ...(hasUntested ? [fcUntested, 'Usikkerhed, ikke efterprøvet'] : []),
          ...(targetPoint ? ['Mål ved fristen'] : []),
        ],
      },
      grid: { left: 60, right: 20, top: 48, bottom: 40 },
      xAxis: {
        type: 'category',
        data: periods.map(formatPeriod),
        name: 'Periode',
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: unitLabel(h.unit || ev.unit),
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
        ...(forecast.length
          ? [
              {
                name: fcName,
                type: 'line' as const,
                data: periods.map((p) =>
                  p === lastOwn?.period
                    ? lastOwn.value
                    : fc.get(p)?.calibrated
                      ? (fc.get(p)?.value ?? null)
                      : null,
                ),
                color: '#b35900',
                symbol: 'none',
                lineStyle: { width: 2 },
              },
              {
                name: 'Usikkerhed (80 %)',
                type: 'line' as const,
                data: periods.map((p) => (fc.get(p)?.calibrated ? fc.get(p)!.upper : null)),
                color: '#c98a4b',
                symbol: 'none',
                lineStyle: { width: 1 },
              },
              {
                name: 'Usikkerhed, nedre grænse',
                type: 'line' as const,
                data: periods.map((p) => (fc.get(p)?.calibrated ? fc.get(p)!.lower : null)),
                color: '#c98a4b',
                symbol: 'none',
                lineStyle: { width: 1 },
              },
            ]
          : []),
        ...(hasUntested
          ? [
              {
                name: fcUntested,
                type: 'line' as const,
                data: periods.map((p) => {
                  const pt = fc.get(p);
                  if (pt && !pt.calibrated) return pt.value;
                  if (lastCal) return p === lastCal.period ? lastCal.value : null;
                  return p === lastOwn?.period ? lastOwn.value : null;
                }),
                color: '#b35900',
                symbol: 'none',
                lineStyle: { type: 'dashed' as const, width: 2 },
              },
              {
                name: 'Usikkerhed, ikke efterprøvet',
                type: 'line' as const,
                data: periods.map((p) => {
                  const pt = fc.get(p);
                  return pt && (!pt.calibrated || pt === lastCal) ? pt.upper : null;
                }),
                color: '#e6b98a',
                symbol: 'none',
                lineStyle: { type: 'dotted' as const, width: 1 },
              },
              {
                name: 'Usikkerhed, ikke efterprøvet, nedre grænse',
                type: 'line' as const,
                data: periods.map((p) => {
                  const pt = fc.get(p);
                  return pt && (!pt.calibrated || pt === lastCal) ? pt.lower : null;
                }),
                color: '#e6b98a',
                symbol: 'none',
                lineStyle: { type: 'dotted' as const, width: 1 },
              },
            ]
          : []),
        ...(targetPoint
          ? [
              {
                name: 'Mål ved fristen',
                // A line series with one value: drawn as its symbol only (the chart registers line charts).
                type: 'line' as const,
                data: periods.map((p) => (p === dl ? ev.target : null)),
                color: '#1a7f37',
                symbol: 'diamond',
                symbolSize: 14,
                showSymbol: true,
                showAllSymbol: true,
                connectNulls: false,
                lineStyle: { width: 0 },
              },
            ]
          : []),
      ],
    };
  }
  const ranks = ev.rankHistory ?? [];
  const rankOption: EChartsOption | null =
    ranks.length > 0
      ? {
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: {
            top: 0,
            data: ['Placering', ...(data.evaluation.target !== null ? ['Målplacering'] : [])],
          },
          grid: { left: 60, right: 20, top: 48, bottom: 40 },
          xAxis: { type: 'category', data: ranks.map((r) => formatPeriod(r.period)) },
          yAxis: {
            type: 'value',
            inverse: true,
            min: 1,
            max: Math.max(...ranks.map((r) => r.of)),
            name: 'placering (nr. 1 øverst)',
            nameLocation: 'start',
          },
          series: [
            {
              name: 'Placering',
              type: 'line',
              data: ranks.map((r) => r.rank),
              color: '#0b5cad',
              lineStyle: { width: 3 },
            },
            ...(data.evaluation.target !== null
              ? [
                  {
                    name: 'Målplacering',
                    type: 'line' as const,
                    data: ranks.map(() => data.evaluation.target),
                    color: '#1a7f37',
                    symbol: 'none',
                    lineStyle: { type: 'dashed' as const, width: 1 },
                  },
                ]
              : []),
          ],
        }
      : null;
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
        {ev.afterDeadline ? (
          <>
            <dt>Efter fristen</dt>
            <dd>
              {formatValue(ev.afterDeadline.value, ev.unit)}{' '}
              {ev.afterDeadline.period ? `(${formatPeriod(ev.afterDeadline.period)})` : ''} — vurderes ikke,
              målet blev vurderet pr. {formatDate(ev.judgedAt)}
            </dd>
          </>
        ) : null}
        <dt>
          {data.indicator.kind === 'benchmark'
            ? (ev.comparison?.name ?? T.indicator.target)
            : T.indicator.target}
        </dt>
        <dd>
          {formatValue(ev.target, ev.unit)}
          {ev.comparison ? ` (${formatPeriod(ev.comparison.period)}; ${ev.comparison.basis})` : ''}
        </dd>
        {ev.whatItTakes ? (
          <>
            <dt>Hvad der skal til</dt>
            <dd>{ev.whatItTakes.text}</dd>
          </>
        ) : null}
        {data.probability !== null ? (
          <>
            <dt>{T.indicator.probability}</dt>
            <dd>
              {formatNumber(data.probability * 100)} %
              {deadlineUntested ? ' (usikkerheden er ikke efterprøvet så langt frem)' : ''}
            </dd>
          </>
        ) : null}
        <dt>{T.indicator.sourceNote}</dt>
        <dd>{data.indicator.sourceNote || ev.latest?.source || '–'}</dd>
      </dl>
      {option ? (
        <figure>
          <EChart
            option={option}
            label={`Graf: ${data.indicator.title}. Kommunen, sammenligningsområde, hele landet, mål og fremskrivning.`}
          />
          <figcaption>
            {T.indicator.history} ({unitLabel(h?.unit || ev.unit)}).{' '}
            {ev.latest?.source ? `${ev.latest.source.replace(/\.$/, '')}.` : ''} {h?.basis}
            {forecast.length
              ? ' Fremskrivningen er en statistisk prognose med 80 % usikkerhedsbånd; den er ikke en officiel statistik.'
              : ''}
            {hasUntested
              ? ` Den stiplede del og det lyse bånd ligger ud over de ${fm?.calibratedHorizon} perioder, som usikkerheden er efterprøvet for.`
              : ''}
          </figcaption>
          {fm ? <ForecastNotes method={fm} /> : null}
          {data.forecastAbsent ? <p className="muted">{data.forecastAbsent}</p> : null}
          {forecast.length ? <ForecastTable points={forecast} unit={ev.unit} name={fcName} /> : null}
        </figure>
      ) : rankOption ? (
        <figure>
          <EChart option={rankOption} label={`Graf: ${data.indicator.title}. Placering over tid.`} />
          <figcaption>Placering blandt kommunerne over tid (nr. 1 er bedst). {ev.latest?.source}</figcaption>
        </figure>
      ) : (
        <p className="muted">Indikatoren har ingen statistisk serie; tallene indtastes i statusrunderne.</p>
      )}
      <Basis items={ev.basis ?? []} />
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

/** The axis period holding a deadline: its month for a monthly axis, or the axis period that ends in it. */
function deadlinePeriod(periods: string[], deadline: string | undefined): string | undefined {
  if (!deadline) return undefined;
  const [y, m] = deadline.split('-').map(Number);
  if (!y || !m) return undefined;
  const dm = month(y, m);
  const first = periods[0] ? tryParsePeriod(periods[0]) : undefined;
  if (first?.kind === 'month') return periodCode(dm);
  return periods.find((p) => {
    const pp = tryParsePeriod(p);
    return pp && periodOrdinal(pp) === periodOrdinal(dm);
  });
}

/** Under the chart: the forecast's own notes (method, how it did against "same month last year" in the
 * backtest, holes, how far the band is tested). */
function ForecastNotes({ method: fm }: { method: NonNullable<History['forecastMethod']> }) {
  if (!fm.notes.length) return null;
  return (
    <ul className="forecast-notes">
      {fm.notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** The forecast as a table: the chart's text alternative for the forecast part. */
function ForecastTable({ points, unit, name }: { points: History['forecast']; unit: string; name: string }) {
  return (
    <details className="basis">
      <summary>Fremskrivningen i tal</summary>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{name}</caption>
          <thead>
            <tr>
              <th scope="col">Periode</th>
              <th scope="col">Fremskrevet</th>
              <th scope="col">80 %-bånd</th>
              <th scope="col">Usikkerhed efterprøvet</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{formatPeriod(p.period)}</th>
                <td>{formatValue(p.value, unit)}</td>
                <td>
                  {formatValue(p.lower, unit)} – {formatValue(p.upper, unit)}
                </td>
                <td>{p.calibrated ? 'Ja' : 'Nej'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
