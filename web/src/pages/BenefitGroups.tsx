// The Fredericia Table 1 view for any municipality and two periods.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api.ts';
import { ownMunicipality, useMe } from '../auth.tsx';
import { Select } from '../components/Select.tsx';
import { collator, formatNumber, formatPercent, formatPeriod } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';

interface Dev {
  name: string;
  from: number | null;
  to: number | null;
  pct: number | null;
  basis: string;
}
interface Row {
  name: string;
  measure: string;
  imported: boolean;
  row: null | { municipality: Dev; comparison: Dev | null; country: Dev };
}

const PERIODS = ['2020QMAT02', '2020QMAT04', '2021QMAT02', '2021QMAT04', '2022QMAT02', '2022QMAT04'];
const pct = (d: Dev | null | undefined) =>
  d?.pct === null || d?.pct === undefined ? '–' : formatPercent(d.pct, { signed: true });

export function BenefitGroups() {
  const areas = useAreas();
  const me = useMe();
  const [areaChoice, setArea] = useState('');
  // The user's own municipality first; Fredericia (whose plan has this table) for everyone else.
  const area = areaChoice || ownMunicipality(me, '607');
  const [from, setFrom] = useState('2021QMAT02');
  const [to, setTo] = useState('2022QMAT02');
  const [source, setSource] = useState('y30r21');
  const { data, error } = useQuery({
    queryKey: ['benefit', area, from, to, source],
    queryFn: () =>
      get<{ rows: Row[] }>(`/benefit-groups?area=${area}&from=${from}&to=${to}&source=${source}`),
  });
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
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="y30r21">Jobindsats Y30R21 (4 ydelsesgrupper, 4 kvartaler)</option>
            <option value="ptv_a02">Jobindsats ptv_a02 (10 ydelsesgrupper som tabel 1)</option>
          </select>
        </label>
        <Select
          label={T.benefit.from}
          value={from}
          onChange={setFrom}
          options={PERIODS.map((p) => ({ value: p, label: formatPeriod(p) }))}
        />
        <Select
          label={T.benefit.to}
          value={to}
          onChange={setTo}
          options={PERIODS.map((p) => ({ value: p, label: formatPeriod(p) }))}
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
            Udviklingen i antal offentligt forsørgede (fuldtidspersoner), {formatPeriod(from)} –{' '}
            {formatPeriod(to)}. Kilde: Jobindsats.dk, STAR.
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
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.measure}>
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
                  </>
                ) : (
                  <td colSpan={5}>{T.benefit.notImported}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted small">
        Sammenligningsområdets og landets tal er summen af kommunerne, hvor området ikke selv er importeret.
      </p>
    </section>
  );
}
