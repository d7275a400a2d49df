// All 98 municipalities ranked on a chosen measure and period, the own municipality highlighted, filtered
// by region or comparison area, and what it takes to reach a chosen rank or the national average.
import type { MeasureList, Rank as RankAnswer, Series } from '@contract/statistics.ts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api.ts';
import { ownMunicipality, useMe } from '../auth.tsx';
import { Basis } from '../components/Basis.tsx';
import { Select } from '../components/Select.tsx';
import { collator, formatNumber, formatPeriod, isPercentUnit } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';

export function Benchmark() {
  const me = useMe();
  const areas = useAreas();
  const measures =
    useQuery({
      queryKey: ['measures'],
      queryFn: () => get<MeasureList>('/measures'),
    }).data?.measures ?? [];
  const [measure, setMeasure] = useState('y30r21.faktisk_andel.i_alt');
  // The user's own municipality (known once "me" has loaded), until another is chosen.
  const [areaChoice, setArea] = useState('');
  const area = areaChoice || ownMunicipality(me, '320');
  const [period, setPeriod] = useState('');
  const [filter, setFilter] = useState('');
  const [targetRank, setTargetRank] = useState('');
  const periods =
    useQuery({
      queryKey: ['periods', measure, area],
      queryFn: () => get<Series>(`/observations?measure=${encodeURIComponent(measure)}&area=${area}`),
    }).data?.observations.map((o) => o.period) ?? [];
  const chosen = period && periods.includes(period) ? period : (periods.at(-1) ?? '');
  const rank = useQuery({
    queryKey: ['rank', measure, area, chosen, targetRank],
    enabled: !!chosen,
    queryFn: () =>
      get<RankAnswer>(
        `/rank?measure=${encodeURIComponent(measure)}&period=${chosen}&area=${area}${targetRank ? `&targetRank=${targetRank}` : ''}`,
      ),
  });
  const unit = measures.find((m) => m.id === measure)?.unit ?? '';
  const municipalities = areas
    .filter((a) => a.kind === 'kommune')
    .sort((a, b) => collator.compare(a.name, b.name));
  const groups = areas.filter((a) => a.kind === 'region' || a.kind === 'rar');
  const inGroup = (code: string) => {
    if (!filter) return true;
    const a = areas.find((x) => x.id === code);
    return a?.region === filter || a?.comparisonArea === filter;
  };
  const r = rank.data;
  return (
    <section>
      <h1>{T.benchmark.title}</h1>
      <form className="row filters" onSubmit={(e) => e.preventDefault()}>
        <Select
          label={T.benchmark.measure}
          value={measure}
          onChange={setMeasure}
          options={measures.map((m) => ({ value: m.id, label: m.name }))}
        />
        <Select
          label={T.benchmark.period}
          value={chosen}
          onChange={setPeriod}
          options={[...periods].reverse().map((p) => ({ value: p, label: formatPeriod(p) }))}
        />
        <Select
          label={T.benchmark.own}
          value={area}
          onChange={setArea}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
        <label>
          {T.benchmark.filter}
          <select value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">{T.benchmark.all}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.benchmark.targetRank}
          <input
            type="number"
            min={1}
            max={98}
            value={targetRank}
            onChange={(e) => setTargetRank(e.target.value)}
          />
        </label>
      </form>
      {r ? (
        <div className="panel" role="status">
          <p>
            <strong>{areas.find((a) => a.id === area)?.name}</strong>: nr. {r.rank ?? '–'} ud af {r.of}
            {r.ties > 1 ? ` (delt med ${r.ties - 1} andre)` : ''} i {formatPeriod(chosen)} (
            {r.direction === 'lower' ? 'lavere er bedre' : 'højere er bedre'}).{' '}
            {r.nationalRate === null
              ? `Intet landsgennemsnit: ${r.nationalBasis}.`
              : `Landsgennemsnit (${r.nationalBasis}): ${formatNumber(r.nationalRate, { decimals: 2 })}${isPercentUnit(unit) ? ' %' : ` ${r.unit}`}.`}
          </p>
          <p>
            {T.benchmark.whatItTakes}:{' '}
            <WhatItTakes
              r={r}
              unit={unit}
              targetRank={targetRank}
              area={area}
              measure={measure}
              period={chosen}
            />
          </p>
          {r.missing.length ? <p>Uden tal (udeladt, ikke nul): {r.missing.length} kommuner.</p> : null}
          <Basis items={r.basis} />
        </div>
      ) : null}
      {r ? (
        <table>
          <caption>
            {measures.find((m) => m.id === measure)?.name}, {formatPeriod(chosen)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{T.benchmark.rank}</th>
              <th scope="col">Kommune</th>
              <th scope="col" className="num">
                {T.benchmark.value}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.ranking
              .filter((x) => inGroup(x.area))
              .map((x) => (
                <tr
                  key={x.area}
                  className={x.area === area ? 'own' : ''}
                  aria-current={x.area === area ? 'true' : undefined}
                >
                  <td>{x.rank}</td>
                  <td>{x.name}</td>
                  <td className="num">{formatNumber(x.value, { decimals: isPercentUnit(unit) ? 2 : 0 })}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/**
 * What it takes, as the API computes it (exact, in the measure's unit, checked by ranking again). For Y30R21
 * shares the gap is also told in full-time persons: count ÷ share is the 16–66 population (rounded up).
 */
function WhatItTakes({
  r,
  unit,
  area,
  measure,
  period,
}: {
  r: RankAnswer;
  unit: string;
  targetRank: string;
  area: string;
  measure: string;
  period: string;
}) {
  const countMeasure = measure.startsWith('y30r21.faktisk_andel.')
    ? measure.replace('faktisk_andel', 'faktisk_antal')
    : null;
  const count = useQuery({
    queryKey: ['count', countMeasure, area, period],
    enabled: !!countMeasure,
    queryFn: () =>
      get<Series>(`/observations?measure=${countMeasure}&area=${area}&from=${period}&to=${period}`),
  }).data?.observations[0]?.value;
  const population = unit === 'pct.' && count && r.value ? count / (r.value / 100) : null;
  const persons = (pp: number | null | undefined) =>
    population && pp
      ? ` (≈ ${formatNumber(Math.ceil(Math.abs((pp / 100) * population)))} fuldtidspersoner, beregnet af faktisk antal ÷ andel)`
      : '';
  const parts = [
    r.toNationalAverageText ? `${r.toNationalAverageText}${persons(r.toNationalAverage)}` : r.nationalBasis,
    ...(r.toTargetRankText ? [`${r.toTargetRankText}${persons(r.toTargetRank)}`] : []),
  ];
  return <>{parts.join('; ')}.</>;
}
