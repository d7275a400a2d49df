// The administrator's Statistik page: sources with their last fetch, "Hent nu" with live progress
// (polling), upload with a dry-run preview before anything is written, the import history with its
// revisions, and the Jobindsats key (set here, never shown again).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, get } from '../api.ts';
import { useMe } from '../auth.tsx';
import { formatNumber, formatPeriod } from '../format.ts';

interface Job {
  id: string;
  source: string;
  state: 'kører' | 'færdig' | 'fejlet';
  steps: { at: string; text: string }[];
  written: number;
  total: number;
  result: { importId: string; new: number; revised: number; unchanged: number } | null;
  error: string | null;
}
interface Source {
  id: string;
  name: string;
  description: string;
  needsKey: boolean;
  available: boolean;
  last: null | {
    importId: string;
    status: string;
    at: string;
    by: string;
    new: number;
    revised: number;
    unchanged: number;
    error: string | null;
  };
  running: Job | null;
}
interface ImportRow {
  id: string;
  source: string;
  status: string;
  by: string;
  startedAt: string;
  new: number;
  revised: number;
  unchanged: number;
  error: string | null;
}
interface Preview {
  dryRun: boolean;
  importId: string | null;
  total: number;
  new: number;
  revised: number;
  unchanged: number;
  refused: { line: number; reason: string }[];
  refusedCount: number;
  revisedSample: {
    measure: string;
    area: string;
    period: string;
    before: number | null;
    after: number | null;
  }[];
  newMeasures: {
    id: string;
    suggestedUnit: string;
    unit: string | null;
    better: 'lower' | 'higher' | null;
  }[];
}

const dateTime = new Intl.DateTimeFormat('da-DK', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Copenhagen',
});
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '');
const n = (v: number | null) => (v === null ? '–' : formatNumber(v));
const counts = (x: { new: number; revised: number; unchanged: number }) =>
  `${formatNumber(x.new)} nye, ${formatNumber(x.revised)} reviderede, ${formatNumber(x.unchanged)} uændrede`;

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
    queryFn: () =>
      get<{ nextRefreshAt: string | null; refreshIntervalHours: number; sources: Source[] }>(
        '/admin/statistics/sources',
      ),
  });
  const [jobs, setJobs] = useState<Record<string, string>>({});
  const [err, setErr] = useState<string | null>(null);
  const start = async (id: string) => {
    setErr(null);
    try {
      const r = await api<{ job: Job }>('POST', `/admin/statistics/sources/${encodeURIComponent(id)}/fetch`);
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
    queryFn: () => get<{ job: Job }>(`/admin/statistics/jobs/${id}`),
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

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function UploadForm() {
  const qc = useQueryClient();
  const measures = useQuery({
    queryKey: ['measures'],
    queryFn: () => get<{ measures: { id: string; name: string }[] }>('/measures'),
  });
  const [kind, setKind] = useState<'long-csv' | 'statbank' | 'jobindsats'>('long-csv');
  const [measure, setMeasure] = useState('');
  const [table, setTable] = useState('y60a02');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [defs, setDefs] = useState<Record<string, { unit: string; better: 'lower' | 'higher' | '' }>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (confirm: boolean) => {
    if (!file) return;
    setBusy(true);
    setErr(null);
    setMsg(null);
    try {
      const r = await api<Preview>('POST', '/admin/statistics/upload', {
        fileName: file.name,
        kind,
        contentBase64: file.base64,
        ...(kind === 'statbank' ? { measure } : {}),
        ...(kind === 'jobindsats' ? { table } : {}),
        newMeasures: Object.entries(defs)
          .filter(([, d]) => d.unit && d.better)
          .map(([id, d]) => ({ id, unit: d.unit, better: d.better })),
        confirm,
      });
      if (confirm) {
        setPreview(null);
        setMsg(`Indlæst: ${counts(r)}${r.refusedCount ? `; ${r.refusedCount} linjer afvist` : ''}.`);
        void qc.invalidateQueries({ queryKey: ['stat-history'] });
      } else {
        setPreview(r);
        setDefs(
          Object.fromEntries(
            r.newMeasures.map((m) => [m.id, { unit: m.unit ?? m.suggestedUnit, better: m.better ?? '' }]),
          ),
        );
      }
    } catch (e) {
      setErr((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (f: File | undefined) => {
    setPreview(null);
    setMsg(null);
    setFile(f ? { name: f.name, base64: toBase64(await f.arrayBuffer()) } : null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  return (
    <section aria-labelledby="upload">
      <h2 id="upload">Indlæs en fil</h2>
      <form onSubmit={submit}>
        <label>
          Filtype
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="long-csv">Måltavles lange CSV (area;measure;period;value)</option>
            <option value="statbank">Danmarks Statistik: CSV eller JSON-stat</option>
            <option value="jobindsats">Jobindsats-eksport (CSV)</option>
          </select>
        </label>
        {kind === 'statbank' ? (
          <label>
            Mål som filens tal bliver til
            <select value={measure} onChange={(e) => setMeasure(e.target.value)} required>
              <option value="">Vælg mål</option>
              {(measures.data?.measures ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.id})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'jobindsats' ? (
          <label>
            Jobindsats-tabel
            <select value={table} onChange={(e) => setTable(e.target.value)}>
              {['y25i01', 'y25i09', 'y60a02', 'y60c07', 'y60j01', 'y30r21'].map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Fil
          <input
            type="file"
            accept=".csv,.json,.txt"
            onChange={(e) => onFile(e.target.files?.[0])}
            required
          />
        </label>
        <button type="submit" disabled={!file || busy}>
          Prøvekør (intet gemmes)
        </button>
      </form>
      {err ? <p role="alert">{err}</p> : null}
      {msg ? (
        <p role="status" className="ok">
          {msg}
        </p>
      ) : null}
      {preview ? (
        <section className="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">Prøvekørsel af {file?.name}: intet er gemt endnu</h3>
          <p>
            {formatNumber(preview.total)} linjer kan indlæses: {counts(preview)}.{' '}
            {preview.refusedCount
              ? `${formatNumber(preview.refusedCount)} linjer afvises.`
              : 'Ingen linjer afvises.'}
          </p>
          {preview.refused.length ? (
            <table>
              <caption>Afviste linjer</caption>
              <thead>
                <tr>
                  <th scope="col">Linje</th>
                  <th scope="col">Årsag</th>
                </tr>
              </thead>
              <tbody>
                {preview.refused.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.revisedSample.length ? (
            <table>
              <caption>Værdier der revideres (op til 20)</caption>
              <thead>
                <tr>
                  <th scope="col">Mål</th>
                  <th scope="col">Område</th>
                  <th scope="col">Periode</th>
                  <th scope="col" className="num">
                    Nu
                  </th>
                  <th scope="col" className="num">
                    Bliver
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.revisedSample.map((r) => (
                  <tr key={`${r.measure}|${r.area}|${r.period}`}>
                    <td>{r.measure}</td>
                    <td>{r.area}</td>
                    <td>{formatPeriod(r.period)}</td>
                    <td className="num">{n(r.before)}</td>
                    <td className="num">{n(r.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.newMeasures.length ? (
            <fieldset>
              <legend>Nye mål: angiv enhed og hvad der er bedst</legend>
              {preview.newMeasures.map((m) => (
                <div key={m.id} className="row">
                  <strong>{m.id}</strong>
                  <label>
                    Enhed for {m.id}
                    <input
                      value={defs[m.id]?.unit ?? ''}
                      required
                      onChange={(e) =>
                        setDefs((d) => ({ ...d, [m.id]: { ...d[m.id]!, unit: e.target.value } }))
                      }
                    />
                  </label>
                  <label>
                    Bedst for {m.id}
                    <select
                      value={defs[m.id]?.better ?? ''}
                      required
                      onChange={(e) =>
                        setDefs((d) => ({
                          ...d,
                          [m.id]: { ...d[m.id]!, better: e.target.value as 'lower' | 'higher' },
                        }))
                      }
                    >
                      <option value="">Vælg</option>
                      <option value="lower">Lavere er bedre</option>
                      <option value="higher">Højere er bedre</option>
                    </select>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <p className="row">
            <button type="button" disabled={busy || preview.total === 0} onClick={() => send(true)}>
              Indlæs {formatNumber(preview.total)} linjer
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              Annullér
            </button>
          </p>
        </section>
      ) : null}
    </section>
  );
}

function History() {
  const { data } = useQuery({
    queryKey: ['stat-history'],
    queryFn: () => get<{ imports: ImportRow[] }>('/admin/statistics/imports?limit=30'),
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
    queryFn: () =>
      get<{
        count: number;
        revisions: {
          measure: string;
          area: string;
          period: string;
          before: number | null;
          after: number | null;
        }[];
      }>(`/admin/statistics/imports/${id}/revisions`),
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

function KeyForm() {
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: ['stat-key'],
    queryFn: () =>
      get<{
        configured: boolean;
        origin: 'administrator' | 'miljø' | null;
        updatedAt: string | null;
        updatedBy: string | null;
        canStore: boolean;
      }>('/admin/statistics/jobindsats-key'),
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
