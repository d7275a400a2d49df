// The measure catalogue anyone can read: what each statistic is, where it comes from, its unit and
// direction of better, which periods are in Måltavle, when it was last imported, and which indicators use it.
import type { Catalogue } from '@contract/statistics-admin.ts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../api.ts';
import { formatDateTime, formatNumber, formatPeriod } from '../format.ts';

const BETTER = { lower: 'Lavere er bedre', higher: 'Højere er bedre' } as const;

export function Measures() {
  const { data, error } = useQuery({
    queryKey: ['catalogue'],
    queryFn: () => get<Catalogue>('/measures/catalogue'),
  });
  const [q, setQ] = useState('');
  const shown = (data?.measures ?? []).filter((m) =>
    `${m.name} ${m.id} ${m.sourceTable ?? ''}`.toLocaleLowerCase('da').includes(q.toLocaleLowerCase('da')),
  );
  return (
    <section>
      <h1>Målkatalog</h1>
      <p>
        Alle statistikker i Måltavle: kilde, enhed, hvad der er bedst, hvilke perioder der findes, og hvem der
        bruger dem.
      </p>
      <label>
        Søg i målene
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {error ? <p role="alert">{(error as Error).message}</p> : null}
      {data ? (
        <table>
          <caption>
            {formatNumber(shown.length)} af {formatNumber(data.measures.length)} mål
          </caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">Kilde</th>
              <th scope="col">Enhed</th>
              <th scope="col">Bedst</th>
              <th scope="col">Perioder</th>
              <th scope="col">Seneste import</th>
              <th scope="col">Bruges af</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  <br />
                  <code className="small">{m.id}</code>
                </th>
                <td>
                  {m.sourceTable ? `${m.sourceTable}, ` : ''}
                  {m.attribution.replace(/^Kilde: /, '')}
                </td>
                <td>{m.unit}</td>
                <td>{m.better ? BETTER[m.better] : 'Ikke angivet'}</td>
                <td>
                  {m.periods
                    ? `${formatNumber(m.periods.count)}: ${formatPeriod(m.periods.first)} – ${formatPeriod(m.periods.last)}`
                    : 'Ingen tal endnu'}
                </td>
                <td>{m.lastImport ? `${formatDateTime(m.lastImport.at)} (${m.lastImport.source})` : '–'}</td>
                <td>
                  {m.indicators.length ? (
                    <ul className="plain">
                      {m.indicators.map((i) => (
                        <li key={`${i.id}-${i.role}`}>
                          <Link to={`/indikatorer/${i.id}`}>{i.title}</Link> ({i.planTitle}
                          {i.role === 'nævner' ? ', som nævner' : ''})
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
