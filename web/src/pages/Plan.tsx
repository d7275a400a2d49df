// The plan at a glance (dashboard) and, for editors, the plan's goals, indicators and status rounds.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, get } from '../api.ts';
import { canEdit, useMe } from '../auth.tsx';
import { FollowUp } from '../components/FollowUp.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { YearFields } from '../components/YearFields.tsx';
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { T } from '../texts.ts';
import { IndicatorForm } from './IndicatorForm.tsx';
import { useAreas } from './Plans.tsx';

export interface Item {
  indicator: {
    id: string;
    goal_id: string;
    kind: string;
    title: string;
    source_note: string;
    config: Record<string, unknown>;
    revision: number;
  };
  entry: { text: string; value: number | null } | null;
  evaluation: {
    status: string;
    override: { status: string; reason: string } | null;
    latest: { value: number; period: string | null; source: string } | null;
    target: number | null;
    unit: string;
    progressText: string | null;
    trend: { period: string; value: number | null }[];
    consistency: { consistent: boolean; issues: { field: string; message: string }[] } | null;
  };
}

export interface Dashboard {
  plan: {
    id: string;
    municipality: string;
    slug: string;
    title: string;
    status: string;
    year_from: number;
    year_to: number;
    intro: string;
    adopted_on: string | null;
    revision: number;
  };
  focus: { id: string; title: string; text: string }[];
  goals: {
    id: string;
    number: string;
    kind: string;
    title: string;
    text: string;
    position: number;
    revision: number;
  }[];
  rounds: { id: string; title: string; as_of: string; status: string }[];
  items: Item[];
  asOf: string;
  canEdit: boolean;
}

export function GoalTable({
  data,
  linkIndicators = true,
  onDelete,
  onSaved,
}: {
  data: Dashboard;
  linkIndicators?: boolean;
  onDelete?: (kind: 'goal' | 'indicator', id: string, title: string) => void;
  onSaved?: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      {data.goals.map((g) => (
        <section key={g.id} className="goal" aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`}>
            {g.number}. {g.title} <span className="tag">{T.goal.kinds[g.kind]}</span>
          </h2>
          {g.text ? <p>{g.text}</p> : null}
          {onDelete ? (
            <>
              <button
                type="button"
                className="secondary"
                aria-expanded={editing === `goal-${g.id}`}
                onClick={() => setEditing(editing === `goal-${g.id}` ? null : `goal-${g.id}`)}
              >
                Redigér mål <span className="sr-only">{g.number}</span>
              </button>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => onDelete('goal', String(g.id), `${g.number}. ${g.title}`)}
              >
                Slet mål <span className="sr-only">{g.number}</span>
              </button>
              {editing === `goal-${g.id}` && onSaved ? (
                <GoalForm
                  goal={g}
                  onDone={() => {
                    setEditing(null);
                    onSaved();
                  }}
                />
              ) : null}
            </>
          ) : null}
          <table>
            <caption className="sr-only">Indikatorer for mål {g.number}</caption>
            <thead>
              <tr>
                <th scope="col">{T.indicator.title}</th>
                <th scope="col">{T.indicator.assessment}</th>
                <th scope="col">{T.indicator.latest}</th>
                <th scope="col">{T.indicator.target}</th>
                <th scope="col">{T.indicator.history}</th>
              </tr>
            </thead>
            <tbody>
              {data.items
                .filter((i) => i.indicator.goal_id === String(g.id))
                .map((i) => (
                  <tr key={i.indicator.id}>
                    <td>
                      {linkIndicators ? (
                        <Link to={`/indikatorer/${i.indicator.id}`}>{i.indicator.title}</Link>
                      ) : (
                        i.indicator.title
                      )}
                      {i.entry?.text ? <p className="entry">{i.entry.text}</p> : null}
                      {onDelete ? (
                        <>
                          <button
                            type="button"
                            className="secondary small"
                            aria-expanded={editing === i.indicator.id}
                            onClick={() => setEditing(editing === i.indicator.id ? null : i.indicator.id)}
                          >
                            Redigér indikator <span className="sr-only">{i.indicator.title}</span>
                          </button>{' '}
                          <button
                            type="button"
                            className="secondary small"
                            onClick={() => onDelete('indicator', i.indicator.id, i.indicator.title)}
                          >
                            Slet indikator <span className="sr-only">{i.indicator.title}</span>
                          </button>
                          {editing === i.indicator.id && onSaved ? (
                            <IndicatorForm
                              goalId={i.indicator.goal_id}
                              municipality={data.plan.municipality}
                              existing={i.indicator}
                              onDone={() => {
                                setEditing(null);
                                onSaved();
                              }}
                            />
                          ) : null}
                        </>
                      ) : null}
                      {i.evaluation.consistency && !i.evaluation.consistency.consistent ? (
                        <p className="note warn">
                          <strong>{T.indicator.consistency}: </strong>
                          {i.evaluation.consistency.issues
                            .filter((x) => x.field !== 'direction')
                            .map((x) => x.message)
                            .join(' ')}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge status={i.evaluation.status} overridden={!!i.evaluation.override} />
                    </td>
                    <td>
                      {i.evaluation.progressText ??
                        formatValue(i.evaluation.latest?.value, i.evaluation.unit)}
                      {i.evaluation.latest?.period ? (
                        <span className="muted"> ({formatPeriod(i.evaluation.latest.period)})</span>
                      ) : null}
                    </td>
                    <td>{formatValue(i.evaluation.target, i.evaluation.unit)}</td>
                    <td>
                      <Sparkline points={i.evaluation.trend} label={i.indicator.title} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export function Plan() {
  const { id } = useParams();
  const me = useMe();
  const areas = useAreas();
  const qc = useQueryClient();
  const { data, error, isLoading } = useQuery({
    queryKey: ['dashboard', id],
    queryFn: () => get<Dashboard>(`/plans/${id}/dashboard`),
  });
  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? T.error}</p>;
  const p = data.plan;
  const editor = canEdit(me, p.municipality);
  const refresh = () => qc.invalidateQueries({ queryKey: ['dashboard', id] });
  const counts: Record<string, number> = {};
  for (const i of data.items) counts[i.evaluation.status] = (counts[i.evaluation.status] ?? 0) + 1;
  return (
    <article>
      <p className="muted">{areas.find((a) => a.id === p.municipality)?.name}</p>
      <h1>{p.title}</h1>
      <p>
        {T.plans.statuses[p.status]}
        {p.adopted_on ? ` ${formatDate(p.adopted_on)}` : ''} ·{' '}
        {p.year_from === p.year_to ? p.year_from : `${p.year_from}–${p.year_to}`} · vurderet pr.{' '}
        {formatDate(data.asOf)}
        {p.status !== 'udkast' ? (
          <>
            {' · '}
            <Link to={`/offentlig/${p.municipality}/${p.slug}`}>{T.plans.publicLink}</Link>
          </>
        ) : null}
      </p>
      {p.intro ? <p className="intro">{p.intro}</p> : null}
      <FollowUp planId={String(p.id)} editor={editor} />
      {editor ? (
        <p>
          <a href={`/api/v1/plans/${p.id}/case.docx`}>
            Hent udkast til sagsfremstilling om resultatniveauer (Word)
          </a>
        </p>
      ) : null}
      <ul className="summary" aria-label={T.round.summary}>
        {Object.entries(counts).map(([s, n]) => (
          <li key={s}>
            <StatusBadge status={s} />: {n}
          </li>
        ))}
      </ul>
      {data.focus.length ? (
        <section>
          <h2>Pejlemærker</h2>
          <ul>
            {data.focus.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong>: {f.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <GoalTable
        data={data}
        {...(editor
          ? {
              onSaved: refresh,
              onDelete: async (kind: 'goal' | 'indicator', id: string, title: string) => {
                if (!window.confirm(`Slet "${title}"? Det kan ikke fortrydes.`)) return;
                await api('DELETE', kind === 'goal' ? `/goals/${id}` : `/indicators/${id}`);
                refresh();
              },
            }
          : {})}
      />
      {editor ? <EditPanel data={data} refresh={refresh} /> : null}
      <Rounds data={data} editor={editor} refresh={refresh} />
    </article>
  );
}

function EditPanel({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [goal, setGoal] = useState({ number: String(data.goals.length + 1), kind: 'lokalt mål', title: '' });
  const [addTo, setAddTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">Redigér planen</h2>
      <div className="row">
        <label>
          {T.plans.status}
          <select
            value={p.status}
            onChange={async (e) => {
              setError(null);
              try {
                await api('PUT', `/plans/${p.id}`, {
                  title: p.title,
                  yearFrom: p.year_from,
                  yearTo: p.year_to,
                  intro: p.intro,
                  status: e.target.value,
                  adoptedOn:
                    e.target.value === 'vedtaget'
                      ? (p.adopted_on ?? new Date().toISOString().slice(0, 10))
                      : p.adopted_on,
                  focusAreas: data.focus.map((f) => ({ title: f.title, text: f.text })),
                  revision: p.revision,
                });
                refresh();
              } catch (err) {
                setError((err as Error).message);
              }
            }}
          >
            {Object.entries(T.plans.statuses).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PlanDetails data={data} refresh={refresh} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api('POST', `/plans/${p.id}/goals`, { ...goal, position: data.goals.length + 1 });
            setGoal({ number: String(data.goals.length + 2), kind: 'lokalt mål', title: '' });
            refresh();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <h3>{T.goal.add}</h3>
        <div className="row">
          <label>
            {T.goal.number}
            <input
              value={goal.number}
              onChange={(e) => setGoal({ ...goal, number: e.target.value })}
              size={4}
            />
          </label>
          <label>
            {T.goal.kind}
            <select value={goal.kind} onChange={(e) => setGoal({ ...goal, kind: e.target.value })}>
              <option value="ministermål">Ministermål</option>
              <option value="lokalt mål">Lokalt mål</option>
            </select>
          </label>
        </div>
        <label>
          {T.goal.title}
          <input
            name="goalTitle"
            value={goal.title}
            onChange={(e) => setGoal({ ...goal, title: e.target.value })}
            required
          />
        </label>
        <button type="submit">{T.goal.add}</button>
      </form>
      {data.goals.length ? (
        <div>
          <h3>{T.indicator.add}</h3>
          <label>
            Til mål
            <select value={addTo ?? ''} onChange={(e) => setAddTo(e.target.value || null)} name="addToGoal">
              <option value="">Vælg mål</option>
              {data.goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.number}. {g.title}
                </option>
              ))}
            </select>
          </label>
          {addTo ? (
            <IndicatorForm key={addTo} goalId={addTo} municipality={p.municipality} onDone={refresh} />
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function Rounds({ data, editor, refresh }: { data: Dashboard; editor: boolean; refresh: () => void }) {
  const nav = useNavigate();
  const [f, setF] = useState({ title: '', asOf: new Date().toISOString().slice(0, 10) });
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h">{T.round.title}</h2>
      {data.rounds.length === 0 ? <p>Ingen statusrunder endnu.</p> : null}
      <ul>
        {data.rounds.map((r) => (
          <li key={r.id}>
            <Link to={`/runder/${r.id}`}>{r.title}</Link> · {formatDate(r.as_of)} ·{' '}
            {r.status === 'offentliggjort' ? T.round.published : T.round.draft}
          </li>
        ))}
      </ul>
      {editor ? (
        <form
          className="panel"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              const r = await api<{ round: { id: string } }>('POST', `/plans/${data.plan.id}/rounds`, f);
              refresh();
              nav(`/runder/${r.round.id}`);
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          <h3>{T.round.create}</h3>
          <div className="row">
            <label>
              {T.round.roundTitle}
              <input
                name="roundTitle"
                value={f.title}
                onChange={(e) => setF({ ...f, title: e.target.value })}
                placeholder="Status april 2021"
                required
              />
            </label>
            <label>
              {T.round.asOf}
              <input
                name="asOf"
                type="date"
                value={f.asOf}
                onChange={(e) => setF({ ...f, asOf: e.target.value })}
                required
              />
            </label>
          </div>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <button type="submit">{T.round.create}</button>
        </form>
      ) : null}
    </section>
  );
}

/** Title, period, introduction and focus areas (pejlemærker, one per line as "Titel: tekst"). */
function PlanDetails({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [f, setF] = useState({
    title: p.title,
    yearFrom: p.year_from,
    yearTo: p.year_to,
    intro: p.intro,
    adoptedOn: p.adopted_on ?? '',
    focus: data.focus.map((x) => (x.text ? `${x.title}: ${x.text}` : x.title)).join('\n'),
  });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <details>
      <summary>Redigér titel, periode, indledning og pejlemærker</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setMsg(null);
          try {
            await api('PUT', `/plans/${p.id}`, {
              title: f.title,
              yearFrom: Number(f.yearFrom),
              yearTo: Number(f.yearTo),
              intro: f.intro,
              status: p.status,
              adoptedOn: f.adoptedOn || null,
              focusAreas: f.focus
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean)
                .map((l) => {
                  const i = l.indexOf(':');
                  return i > 0
                    ? { title: l.slice(0, i).trim(), text: l.slice(i + 1).trim() }
                    : { title: l, text: '' };
                }),
              revision: p.revision,
            });
            setMsg({ ok: true, text: T.saved });
            refresh();
          } catch (err) {
            setMsg({ ok: false, text: (err as Error).message });
          }
        }}
      >
        <label>
          {T.plans.planTitle}
          <input value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required />
        </label>
        <div className="row">
          <YearFields f={f} setF={setF} />
          <label>
            {T.plans.adoptedOn}
            <input
              type="date"
              value={f.adoptedOn}
              onChange={(e) => setF({ ...f, adoptedOn: e.target.value })}
            />
          </label>
        </div>
        <label>
          {T.plans.intro}
          <textarea rows={4} value={f.intro} onChange={(e) => setF({ ...f, intro: e.target.value })} />
        </label>
        <label>
          Pejlemærker (ét pr. linje, "Titel: tekst")
          <textarea rows={4} value={f.focus} onChange={(e) => setF({ ...f, focus: e.target.value })} />
        </label>
        {msg ? (
          <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'error'}>
            {msg.text}
          </p>
        ) : null}
        <button type="submit">{T.save}</button>
      </form>
    </details>
  );
}

/** Editing a goal's number, kind, text and description, saved with its revision. */
function GoalForm({ goal, onDone }: { goal: Dashboard['goals'][number]; onDone: () => void }) {
  const [f, setF] = useState({ number: goal.number, kind: goal.kind, title: goal.title, text: goal.text });
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="panel"
      aria-label={`Redigér mål ${goal.number}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await api('PUT', `/goals/${goal.id}`, { ...f, position: goal.position, revision: goal.revision });
          onDone();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <div className="row">
        <label>
          {T.goal.number}
          <input value={f.number} onChange={(e) => setF({ ...f, number: e.target.value })} size={4} />
        </label>
        <label>
          {T.goal.kind}
          <select value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
            <option value="ministermål">Ministermål</option>
            <option value="lokalt mål">Lokalt mål</option>
          </select>
        </label>
      </div>
      <label>
        {T.goal.title}
        <input value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required />
      </label>
      <label>
        {T.goal.text}
        <textarea rows={3} value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
      </label>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit">{T.save}</button>
    </form>
  );
}
