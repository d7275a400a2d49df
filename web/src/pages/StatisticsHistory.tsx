// Statistik page, part 3: the import history with the revisions each import made, and the Jobindsats key
// (set here, never shown again).
import type { ImportHistory, KeyStatus, RevisionList } from '@contract/statistics-admin.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api.ts';
import { importCounts as counts, formatDateTime, formatNumber, formatPeriod } from '../format.ts';

const n = (v: number | null) => (v === null ? '–' : formatNumber(v));

export function History() {
  const { data } = useQuery({
    queryKey: ['stat-history'],
    queryFn: () => get<ImportHistory>('/admin/statistics/imports?limit=30'),
  });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="historik">
      <h2 id="historik">Importhistorik</h2>
      {data ? (
        data.imports.length === 0 ? (
          <p>Ingen importer endnu.</p>
        ) : (
          <table>
            <caption>De seneste 30 hentninger og importer</caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Kilde</th>
                <th scope="col">Af</th>
                <th scope="col">Resultat</th>
              </tr>
            </thead>
            <tbody>
              {data.imports.map((i) => (
                <tr key={i.id}>
                  <td>{formatDateTime(i.startedAt)}</td>
                  <td>{i.source}</td>
                  <td>{i.by}</td>
                  <td>
                    {i.status === 'done' ? counts(i) : `Fejlede: ${i.error}`}
                    {i.revised > 0 ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="linklike"
                          aria-expanded={open === i.id}
                          onClick={() => setOpen(open === i.id ? null : i.id)}
                        >
                          Vis revisioner
                        </button>
                        {open === i.id ? <Revisions id={i.id} /> : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}

function Revisions({ id }: { id: string }) {
  const { data } = useQuery({
    queryKey: ['stat-revisions', id],
    queryFn: () => get<RevisionList>(`/admin/statistics/imports/${id}/revisions`),
  });
  if (!data) return <span>Henter …</span>;
  return (
    <ul>
      {data.revisions.map((r) => (
        <li key={`${r.measure}|${r.area}|${r.period}`}>
          {r.measure}, {r.area}, {formatPeriod(r.period)}: {n(r.before)} → {n(r.after)}
        </li>
      ))}
      {data.count > data.revisions.length ? <li>… og {data.count - data.revisions.length} flere</li> : null}
    </ul>
  );
}

export function KeyForm() {
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: ['stat-key'],
    queryFn: () => get<KeyStatus>('/admin/statistics/jobindsats-key'),
  });
  const [key, setKey] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const save = async (value: string | null) => {
    setErr(null);
    try {
      await api('PUT', '/admin/statistics/jobindsats-key', { key: value });
      setKey('');
      void qc.invalidateQueries({ queryKey: ['stat-key'] });
      void qc.invalidateQueries({ queryKey: ['stat-sources'] });
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="noegle">
      <h2 id="noegle">Jobindsats-nøgle</h2>
      {data ? (
        <p>
          {data.origin === 'administrator'
            ? `Nøglen er sat af ${data.updatedBy} ${formatDateTime(data.updatedAt)} og gemt krypteret.`
            : data.origin === 'miljø'
              ? 'Nøglen er sat på serveren (JOBINDSATS_API_KEY).'
              : 'Der er ingen nøgle. Kilderne fra Danmarks Statistik kræver ingen nøgle.'}{' '}
          Nøglen vises aldrig igen.
        </p>
      ) : null}
      {data && !data.canStore ? (
        <p>Serveren har ingen MAALTAVLE_SECRET_KEY, så en nøgle kan ikke gemmes her.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(key);
          }}
        >
          <label>
            Ny nøgle
            <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
          </label>
          <button type="submit" disabled={key.trim().length < 8}>
            Gem nøgle
          </button>
          {data?.origin === 'administrator' ? (
            <button type="button" className="secondary" onClick={() => save(null)}>
              Slet nøgle
            </button>
          ) : null}
        </form>
      )}
      {err ? <p role="alert">{err}</p> : null}
    </section>
  );
}
