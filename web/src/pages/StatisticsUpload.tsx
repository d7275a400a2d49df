// Statistik page, part 2: upload of a file with a dry-run preview (new, revised and refused lines; unit
// and direction of new measures) before anything is written.

import type { MeasureList } from '@contract/statistics.ts';
import type { UploadInput, UploadResult } from '@contract/statistics-admin.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, get } from '../api.ts';
import { importCounts as counts, formatNumber, formatPeriod } from '../format.ts';

type Preview = UploadResult;

const n = (v: number | null) => (v === null ? '–' : formatNumber(v));

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function UploadForm() {
  const qc = useQueryClient();
  const measures = useQuery({
    queryKey: ['measures'],
    queryFn: () => get<MeasureList>('/measures'),
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
      const body: UploadInput = {
        fileName: file.name,
        kind,
        contentBase64: file.base64,
        ...(kind === 'statbank' ? { measure } : {}),
        ...(kind === 'jobindsats' ? { table } : {}),
        newMeasures: Object.entries(defs)
          .filter(
            (e): e is [string, { unit: string; better: 'lower' | 'higher' }] => !!e[1].unit && !!e[1].better,
          )
          .map(([id, d]) => ({ id, unit: d.unit, better: d.better })),
        confirm,
      };
      const r = await api<Preview>('POST', '/admin/statistics/upload', body);
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
