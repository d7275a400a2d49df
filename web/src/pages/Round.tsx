// A status round: for each indicator the latest value with period and source, the computed assessment, and
// the status text. A conflicting save shows both versions; nothing is overwritten silently.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, get } from '../api.ts';
import { canEdit, useMe } from '../auth.tsx';
import { usePageTitle } from '../components/PageTitle.tsx';
import { PublishRound } from '../components/PublishRound.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { T } from '../texts.ts';
import type { Item } from './Plan.tsx';
import { useAreas } from './Plans.tsx';

interface Entry {
  text: string;
  value: number | null;
  value_period: string | null;
  done: boolean | null;
  assessment_override: string | null;
  override_reason: string | null;
  revision: number;
}
interface RoundData {
  round: {
    id: string;
    title: string;
    as_of: string;
    status: string;
    plan_id: string;
    municipality: string;
    corrects_round_id: string | null;
  };
  plan: { id: string; title: string; municipality: string; status: string };
  goals: { id: string; number: string; title: string }[];
  items: (Item & { entry: Entry | null })[];
  summary: Record<string, number>;
}

export function Round() {
  const { id } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { data, error, isLoading } = useQuery({
    queryKey: ['round', id],
    queryFn: () => get<RoundData>(`/rounds/${id}`),
  });
  usePageTitle(
    useAreas().find((x) => x.id === data?.round.municipality)?.name,
    data?.plan.title,
    data?.round.title,
  );
  const [msg, setMsg] = useState<string | null>(null);
  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? T.error}</p>;
  const editable = canEdit(me, data.round.municipality) && data.round.status === 'udkast';
  const refresh = () => qc.invalidateQueries({ queryKey: ['round', id] });
  return (
    <article>
      <p>
        <Link to={`/planer/${data.plan.id}`}>{data.plan.title}</Link>
      </p>
      <h1>{data.round.title}</h1>
      <p>
        {T.round.asOf}: {formatDate(data.round.as_of)} ·{' '}
        {data.round.status === 'offentliggjort' ? T.round.published : T.round.draft}
      </p>
      <p>
        Hent statusrapport:{' '}
        {(['docx', 'pdf', 'xlsx', 'html'] as const).map((f, i) => (
          <span key={f}>
            {i ? ' · ' : ''}
            <a href={`/api/v1/rounds/${data.round.id}/report.${f}`}>
              {{ docx: 'Word', pdf: 'PDF', xlsx: 'Excel', html: 'HTML' }[f]}
            </a>
          </span>
        ))}
      </p>
      <ul className="summary" aria-label={T.round.summary}>
        {Object.entries(data.summary).map(([k, n]) => (
          <li key={k}>
            {k}: {n}
          </li>
        ))}
      </ul>
      {msg ? <p role="status">{msg}</p> : null}
      {data.goals.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>
            {g.number}. {g.title}
          </h2>
          {data.items
            .filter((i) => i.indicator.goal_id === String(g.id))
            .map((i) => (
              <EntryEditor
                key={i.indicator.id}
                item={i}
                roundId={data.round.id}
                editable={editable}
                onSaved={refresh}
              />
            ))}
        </section>
      ))}
      {canEdit(me, data.round.municipality) ? (
        <div className="actions">
          {data.round.status === 'udkast' ? (
            <PublishRound
              roundId={data.round.id}
              roundTitle={data.round.title}
              plan={data.plan}
              onDone={() => {
                setMsg('Statusrunden er offentliggjort.');
                refresh();
              }}
            />
          ) : (
            <button
              type="button"
              onClick={async () => {
                const r = await api<{ round: { id: string } }>('POST', `/rounds/${data.round.id}/correct`);
                nav(`/runder/${r.round.id}`);
              }}
            >
              {T.round.correct}
            </button>
          )}
        </div>
      ) : null}
    </article>
  );
}

function EntryEditor({
  item,
  roundId,
  editable,
  onSaved,
}: {
  item: RoundData['items'][number];
  roundId: string;
  editable: boolean;
  onSaved: () => void;
}) {
  const e = item.entry;
  const ev = item.evaluation;
  const base = `ind-${item.indicator.id}`;
  const [text, setText] = useState(e?.text ?? '');
  const [value, setValue] = useState(
    e?.value === null || e?.value === undefined ? '' : String(e.value).replace('.', ','),
  );
  const [done, setDone] = useState(!!e?.done);
  const [override, setOverride] = useState(e?.assessment_override ?? '');
  const [reason, setReason] = useState(e?.override_reason ?? '');
  const [revision, setRevision] = useState<number | null>(e?.revision ?? null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Entry | null } | null>(null);
  const manual =
    ['andel', 'optælling', 'placering', 'niveau'].includes(item.indicator.kind) &&
    ev.latest?.source !== undefined
      ? ev.latest?.source === 'indtastet' || !ev.latest
      : true;
  return (
    <section className="entry-card" aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`}>{item.indicator.title}</h3>
      <p>
        <StatusBadge status={ev.status} overridden={!!ev.override} /> {T.indicator.latest}:{' '}
        <strong>{ev.progressText ?? formatValue(ev.latest?.value, ev.unit)}</strong>
        {ev.latest?.period ? ` (${formatPeriod(ev.latest.period)})` : ''}
        {ev.latest?.source ? <span className="muted"> · {ev.latest.source}</span> : null} ·{' '}
        {T.indicator.target}: {formatValue(ev.target, ev.unit)}
      </p>
      {item.indicator.source_note ? <p className="muted small">{item.indicator.source_note}</p> : null}
      {editable ? (
        <form
          onSubmit={async (evn) => {
            evn.preventDefault();
            setState('saving');
            setError(null);
            setConflict(null);
            try {
              const v = value.trim() === '' ? null : Number(value.replace(/\./g, '').replace(',', '.'));
              const r = await api<{ entry: Entry }>(
                'PUT',
                `/rounds/${roundId}/entries/${item.indicator.id}`,
                {
                  text,
                  value: v,
                  valuePeriod: e?.value_period ?? null,
                  done: item.indicator.kind === 'milepæl' ? done : null,
                  assessmentOverride: override || null,
                  overrideReason: override ? reason : null,
                  revision,
                },
              );
              setRevision(r.entry.revision);
              setState('saved');
              onSaved();
            } catch (err) {
              setState('idle');
              if (err instanceof ApiError && err.status === 409)
                setConflict(err.details as { theirs: Entry | null });
              setError((err as Error).message);
            }
          }}
        >
          <label htmlFor={`${base}-text`}>{T.round.statusText}</label>
          <textarea id={`${base}-text`} value={text} onChange={(x) => setText(x.target.value)} rows={3} />
          <div className="row">
            {item.indicator.kind === 'milepæl' ? (
              <label className="check">
                <input type="checkbox" checked={done} onChange={(x) => setDone(x.target.checked)} />{' '}
                {T.round.done}
              </label>
            ) : manual ? (
              <label>
                {T.round.value}
                <input inputMode="decimal" value={value} onChange={(x) => setValue(x.target.value)} />
              </label>
            ) : null}
            <label>
              {T.round.override}
              <select value={override} onChange={(x) => setOverride(x.target.value)}>
                <option value="">{T.round.noOverride}</option>
                {[
                  'opfyldt',
                  'på rette vej',
                  'i risiko',
                  'ikke på rette vej',
                  'ikke opfyldt',
                  'kan ikke vurderes',
                ].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            {override ? (
              <label>
                {T.round.overrideReason}
                <input value={reason} onChange={(x) => setReason(x.target.value)} required />
              </label>
            ) : null}
          </div>
          <button type="submit" disabled={state === 'saving'}>
            {state === 'saving' ? T.saving : T.save}
          </button>{' '}
          <span role="status">{state === 'saved' ? T.saved : ''}</span>
          {error ? (
            <div role="alert" className="error">
              <p>{error}</p>
              {conflict ? (
                <div className="conflict">
                  <div>
                    <h4>{T.round.theirs}</h4>
                    <p>{conflict.theirs?.text}</p>
                  </div>
                  <div>
                    <h4>{T.round.yours}</h4>
                    <p>{text}</p>
                  </div>
                  <button
                    type="button"
                    onClick={() => {
                      setRevision(conflict.theirs?.revision ?? null);
                      setText(`${conflict.theirs?.text ?? ''}\n\n${text}`);
                      setConflict(null);
                      setError(null);
                    }}
                  >
                    {T.round.useTheirs}
                  </button>
                </div>
              ) : null}
            </div>
          ) : null}
        </form>
      ) : e?.text ? (
        <p className="entry">{e.text}</p>
      ) : null}
    </section>
  );
}
