// The Fredericia Table 1 view for any municipality and two periods.
import type { BenefitGroupTable } from '@contract/benefit-groups.ts';
import type { AreaDevelopment } from '@contract/statistics.ts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api.ts';
import { ownMunicipality, useMe } from '../auth.tsx';
import { Select } from '../components/Select.tsx';
import { collator, formatNumber, formatPercent, formatPeriod } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';

/** Default periods per source: Y30R21's rolling years, and Table 1's own quarters (seed 003). */
const DEFAULTS: Record<string, { from: string; to: string; periods: string[] }> = {
  y30r21: {
    from: '2021QMAT02',
    to: '2022QMAT02',
    periods: ['2020QMAT02', '2020QMAT04', '2021QMAT02', '2021QMAT04', '2022QMAT02', '2022QMAT04'],
  },
  ptv_a02: { from: '2017Q2', to: '2018Q2', periods: ['2017Q2', '2018Q2'] },
};
const pct = (d: AreaDevelopment | null | undefined) =>
  d?.pct === null || d?.pct === undefined ? '–' : formatPercent(d.pct, { signed: true });

export function BenefitGroups() {
  const areas = useAreas();
  const me = useMe();
  const [areaChoice, setArea] = useState('');
  // The user's own municipality first; Fredericia (whose plan has this table) for everyone else.
  const area = areaChoice || ownMunicipality(me, '607');
  // Y30R21 is in the shipped data; Table 1 (ptv_a02 / AUK01) once an administrator has fetched it.
  const [source, setSource] = useState('y30r21');
  const [from, setFrom] = useState(DEFAULTS.y30r21!.from);
  const [to, setTo] = useState(DEFAULTS.y30r21!.to);
  const { data, error } = useQuery({
    queryKey: ['benefit', area, from, to, source],
    queryFn: () =>
      get<BenefitGroupTable>(`/benefit-groups?area=${area}&from=${from}&to=${to}&source=${source}`),
  });
  const periods = [...new Set([...(data?.periods ?? []), ...DEFAULTS[source]!.periods, from, to])].sort(
    (a, b) => b.localeCompare(a),
  );
  const changeSource = (s: string) => {
    setSource(s);
    setFrom(DEFAULTS[s]!.from);
    setTo(DEFAULTS[s]!.to);
  };
  const municipalities = areas
    .filter((a) => a.kind === 'kommune')
    .sort((a, b) => collator.compare(a.name, b.name));
  const first = data?.rows.find((r) => r.row)?.row;
  return (
    <section>
      <h1>{T.benefit.title}</h1>
      <form className="row filters" onSubmit={(e) => e.preventDefault()}>
        <Select
          label={T.benefit.area}
          value={area}
          onChange={setArea}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
        <label>
          Kilde
          <select value={source} onChange={(e) => changeSource(e.target.value)}>
            <option value="ptv_a02">
              Tabel 1: 10 ydelsesgrupper (Jobindsats ptv_a02, ellers Danmarks Statistik AUK01)
            </option>
            <option value="y30r21">Jobindsats Y30R21 (4 ydelsesgrupper, 4 kvartaler)</option>
          </select>
        </label>
        <Select
          label={T.benefit.from}
          value={from}
          onChange={setFrom}
          options={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
        />
        <Select
          label={T.benefit.to}
          value={to}
          onChange={setTo}
          options={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
        />
      </form>
      <p>
        Hent tabellen:{' '}
        {(['docx', 'pdf', 'xlsx'] as const).map((f, i) => (
          <span key={f}>
            {i ? ' · ' : ''}
            <a
              href={`/api/v1/benefit-groups/report.${f}?area=${area}&from=${from}&to=${to}&source=${source}`}
            >
              {{ docx: 'Word', pdf: 'PDF', xlsx: 'Excel' }[f]}
            </a>
          </span>
        ))}
      </p>
      {error ? <p role="alert">{(error as Error).message}</p> : null}
      {data ? (
        <table>
          <caption>
            Udviklingen i antal offentligt forsørgede, {formatPeriod(from)} – {formatPeriod(to)}. Kilden står
            ved hver række.
          </caption>
          <thead>
            <tr>
              <th scope="col">Ydelsesgruppe</th>
              <th scope="col" className="num">
                {formatPeriod(from)}
              </th>
              <th scope="col" className="num">
                {formatPeriod(to)}
              </th>
              <th scope="col" className="num">
                Udvikling {first?.municipality.name ?? ''}
              </th>
              <th scope="col" className="num">
                Udvikling {first?.comparison?.name ?? 'sammenligningsområde'}
              </th>
              <th scope="col" className="num">
                Udvikling hele landet
              </th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.key} className={r.isTotal ? 'total' : undefined}>
                <th scope="row">{r.name}</th>
                {r.row ? (
                  <>
                    <td className="num">
                      {r.row.municipality.from === null ? '–' : formatNumber(r.row.municipality.from)}
                    </td>
                    <td className="num">
                      {r.row.municipality.to === null ? '–' : formatNumber(r.row.municipality.to)}
                    </td>
                    <td className="num">{pct(r.row.municipality)}</td>
                    <td className="num">{pct(r.row.comparison)}</td>
                    <td className="num">{pct(r.row.country)}</td>
                    <td>{r.originLabel}</td>
                  </>
                ) : (
                  <td colSpan={6}>
                    {T.benefit.notImported} (
                    {source === 'y30r21'
                      ? 'Jobindsats Y30R21'
                      : 'Danmarks Statistik AUK01 kan hentes uden nøgle på siden Statistik'}
                    )
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted small">
        Sammenligningsområdets og landets tal er summen af kommunerne, hvor området ikke selv er importeret.
        Danmarks Statistiks AUK01 tæller fuldtidsmodtagere; Jobindsats tæller fuldtidspersoner. Tallene er
        beslægtede, men ikke den samme statistik.
      </p>
      {data?.mapping ? (
        <details>
          <summary>Sådan lægges AUK01's ydelsestyper sammen til ydelsesgrupper</summary>
          <table>
            <caption>Ydelsestyper i Danmarks Statistiks AUK01 pr. ydelsesgruppe</caption>
            <thead>
              <tr>
                <th scope="col">Ydelsesgruppe</th>
                <th scope="col">Ydelsestyper i AUK01 (lægges sammen)</th>
              </tr>
            </thead>
            <tbody>
              {data.mapping.map((m) => (
                <tr key={m.group}>
                  <th scope="row">{m.name}</th>
                  <td>
                    {m.labels
                      .map((l) => (l.verified ? l.label : `${l.label} (ikke bekræftet endnu)`))
                      .join(' + ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
