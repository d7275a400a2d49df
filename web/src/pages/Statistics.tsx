// The administrator's Statistik page: sources with their last fetch and the next refresh, and "Hent nu"
// with live progress (polling). Upload (StatisticsUpload.tsx), history and key (StatisticsHistory.tsx).
import type { JobAnswer, SourceList } from '@contract/statistics-admin.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, get } from '../api.ts';
import { useMe } from '../auth.tsx';
import { importCounts as counts, formatDateTime, formatNumber } from '../format.ts';
import { History, KeyForm } from './StatisticsHistory.tsx';
import { UploadForm } from './StatisticsUpload.tsx';

export function Statistics() {
  const me = useMe();
  const isAdminAnywhere =
    me.user?.isSuperadmin || me.user?.memberships.some((m) => m.role === 'administrator');
  if (!me.user) return <p>Du skal logge ind.</p>;
  if (!isAdminAnywhere) return <p>Siden Statistik er for administratorer.</p>;
  return (
    <section>
      <h1>Statistik</h1>
      <p>Hent statistik fra kilderne eller indlæs en fil. Alle kommuner i Måltavle deler statistikken.</p>
      <Sources />
      <UploadForm />
      <History />
      <KeyForm />
    </section>
  );
}

function Sources() {
  const qc = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ['stat-sources'],
    queryFn: () => get<SourceList>('/admin/statistics/sources'),
  });
  const [jobs, setJobs] = useState<Record<string, string>>({});
  const [err, setErr] = useState<string | null>(null);
  const start = async (id: string) => {
    setErr(null);
    try {
      const r = await api<JobAnswer>('POST', `/admin/statistics/sources/${encodeURIComponent(id)}/fetch`);
      setJobs((j) => ({ ...j, [id]: r.job.id }));
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  const finished = () => {
    void qc.invalidateQueries({ queryKey: ['stat-sources'] });
    void qc.invalidateQueries({ queryKey: ['stat-history'] });
  };
  return (
    <section aria-labelledby="kilder">
      <h2 id="kilder">Kilder</h2>
      {error ? <p role="alert">{(error as Error).message}</p> : null}
      {err ? <p role="alert">{err}</p> : null}
      {data ? (
        <>
          <p>
            {data.nextRefreshAt
              ? `Næste planlagte opdatering: ${formatDateTime(data.nextRefreshAt)} (hver ${data.refreshIntervalHours}. time).`
              : 'Ingen planlagt opdatering (sæt MAALTAVLE_REFRESH_HOURS på serveren for at hente automatisk).'}
          </p>
          <table>
            <caption>Statistikkilder og seneste hentning</caption>
            <thead>
              <tr>
                <th scope="col">Kilde</th>
                <th scope="col">Seneste hentning</th>
                <th scope="col">Hent</th>
              </tr>
            </thead>
            <tbody>
              {data.sources.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name}
                    <br />
                    <span className="muted small">{s.description}</span>
                  </th>
                  <td>
                    {s.last ? (
                      <>
                        {formatDateTime(s.last.at)} af {s.last.by}:{' '}
                        {s.last.status === 'done' ? counts(s.last) : `fejlede (${s.last.error})`}
                      </>
                    ) : (
                      'Aldrig hentet'
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={!s.available}
                      aria-describedby={s.available ? undefined : `noegle-${s.id}`}
                      onClick={() => start(s.id)}
                    >
                      Hent nu<span className="sr-only">: {s.name}</span>
                    </button>
                    {s.available ? null : (
                      <span id={`noegle-${s.id}`} className="muted small">
                        {' '}
                        Kræver Jobindsats-nøgle
                      </span>
                    )}
                    {jobs[s.id] ? <JobProgress id={jobs[s.id]!} onDone={finished} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function JobProgress({ id, onDone }: { id: string; onDone: () => void }) {
  const notified = useRef(false);
  const { data } = useQuery({
    queryKey: ['stat-job', id],
    queryFn: () => get<JobAnswer>(`/admin/statistics/jobs/${id}`),
    refetchInterval: (q) => (q.state.data?.job.state === 'kører' ? 400 : false),
  });
  const job = data?.job;
  const state = job?.state;
  useEffect(() => {
    if (state && state !== 'kører' && !notified.current) {
      notified.current = true;
      onDone();
    }
  }, [state, onDone]);
  return (
    <div className="job" role="status" aria-live="polite">
      {!job ? (
        'Starter …'
      ) : job.state === 'kører' ? (
        <>
          <span>{job.steps.at(-1)?.text ?? 'Henter …'}</span>
          {job.total > 0 ? (
            <>
              {' '}
              <progress value={job.written} max={job.total} aria-label="Skrevet" />{' '}
              {formatNumber(job.written)} af {formatNumber(job.total)} rækker
            </>
          ) : null}
        </>
      ) : job.state === 'færdig' && job.result ? (
        <strong>Hentet: {counts(job.result)}</strong>
      ) : (
        <strong className="error">Fejlede: {job.error}</strong>
      )}
    </div>
  );
}
