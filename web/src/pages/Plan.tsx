// The plan at a glance (dashboard) and, for editors, the plan's goals, indicators and status rounds.

import { todayInCopenhagen } from '@domain/dates.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, fieldErrors, get, newKey } from '../api.ts';
import { canEdit, useMe } from '../auth.tsx';
import { Basis, type BasisItem, signedText } from '../components/Basis.tsx';
import { byPath, Field, RequiredNote } from '../components/Field.tsx';
import { FollowUp } from '../components/FollowUp.tsx';
import { usePageTitle } from '../components/PageTitle.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { YearFields } from '../components/YearFields.tsx';
import { formatDate, formatNumber, formatPeriod, formatValue } from '../format.ts';
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
    afterDeadline?: { value: number; period: string | null; label: string } | null;
    development?: {
      from: { value: number; period: string | null };
      to: { value: number; period: string | null };
      change: number;
      pct: number | null;
      unit: string;
    } | null;
    whatItTakes?: { text: string } | null;
    basis?: BasisItem[];
  };
}

/** The change over the indicator's period, e.g. "−40 fuldtidspersoner (−3,3 %) siden maj 2026". */
function DevelopmentCell({ item }: { item: Item }) {
  const d = item.evaluation.development;
  if (!d) return <Sparkline points={item.evaluation.trend} label={item.indicator.title} />;
  const decimals = Number.isInteger(d.change) ? 0 : d.unit === 'procentpoint' ? 2 : 1;
  const fmt = (v: number) => formatNumber(v, { decimals: Number.isInteger(v) ? 0 : decimals });
  return (
    <>
      {signedText(d.change, d.unit, fmt)}
      {d.pct !== null
        ? ` (${d.pct > 0 ? '+' : d.pct < 0 ? '−' : ''}${formatNumber(Math.abs(d.pct), { decimals: 1 })} %)`
        : ''}
      <span className="muted">
        {' '}
        siden{' '}
        {!d.from.period
          ? 'baseline'
          : /^\d{4}-\d{2}-\d{2}$/.test(d.from.period)
            ? formatDate(d.from.period)
            : formatPeriod(d.from.period)}
      </span>
      <Sparkline points={item.evaluation.trend} label={item.indicator.title} />
    </>
  );
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
          {g.text ? <p className="pre">{g.text}</p> : null}
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
                              period={{ yearFrom: data.plan.year_from, yearTo: data.plan.year_to }}
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
                      {i.evaluation.afterDeadline ? (
                        <span className="after-deadline">
                          {' '}
                          Efter fristen: {formatValue(i.evaluation.afterDeadline.value, i.evaluation.unit)}
                          {i.evaluation.afterDeadline.period
                            ? ` (${formatPeriod(i.evaluation.afterDeadline.period)})`
                            : ''}
                        </span>
                      ) : null}
                      {i.evaluation.whatItTakes ? (
                        <span className="muted"> Skal til: {i.evaluation.whatItTakes.text}.</span>
                      ) : null}
                      <Basis items={i.evaluation.basis ?? []} />
                    </td>
                    <td>{formatValue(i.evaluation.target, i.evaluation.unit)}</td>
                    <td>
                      <DevelopmentCell item={i} />
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
  usePageTitle(areas.find((a) => a.id === data?.plan.municipality)?.name, data?.plan.title);
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
      {p.intro ? <p className="intro pre">{p.intro}</p> : null}
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
                const n = data.items.filter((i) => i.indicator.goal_id === id).length;
                const what =
                  kind === 'goal'
                    ? `Målet "${title}" slettes med ${n === 1 ? 'sin indikator' : `sine ${n} indikatorer`} og deres statustekster.`
                    : `Indikatoren "${title}" slettes med sine statustekster.`;
                if (!window.confirm(`${what} Det kan ikke fortrydes. Vil du slette?`)) return;
                try {
                  await api('DELETE', kind === 'goal' ? `/goals/${id}` : `/indicators/${id}`);
                } catch (err) {
                  window.alert((err as Error).message);
                }
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
  const [statusError, setStatusError] = useState<string | null>(null);
  const [goalErrors, setGoalErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const goalKey = useRef(newKey());
  return (
    <section className="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">Redigér planen</h2>
      <div className="row">
        <Field label={T.plans.status} error={statusError ?? undefined}>
          <select
            value={p.status}
            onChange={async (e) => {
              setStatusError(null);
              const next = e.target.value;
              const consequence: Record<string, string> = {
                vedtaget:
                  'Planen markeres som vedtaget af kommunalbestyrelsen. Den bliver synlig for alle på den offentlige side, og statusrunder kan derefter offentliggøres.',
                arkiveret: 'Planen arkiveres. Den og dens offentliggjorte statusrunder forbliver synlige.',
                udkast:
                  'Planen gøres til udkast igen. Den forsvinder fra den offentlige side og kan kun ses af kommunens brugere.',
              };
              if (!window.confirm(`${consequence[next] ?? ''} Vil du fortsætte?`)) {
                e.target.value = p.status;
                return;
              }
              try {
                await api('PUT', `/plans/${p.id}`, {
                  title: p.title,
                  yearFrom: p.year_from,
                  yearTo: p.year_to,
                  intro: p.intro,
                  status: e.target.value,
                  adoptedOn:
                    e.target.value === 'vedtaget' ? (p.adopted_on ?? todayInCopenhagen()) : p.adopted_on,
                  focusAreas: data.focus.map((f) => ({ title: f.title, text: f.text })),
                  revision: p.revision,
                });
                refresh();
              } catch (err) {
                setStatusError((err as Error).message);
              }
            }}
          >
            {Object.entries(T.plans.statuses).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <PlanDetails data={data} refresh={refresh} />
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (pending) return;
          setError(null);
          const local: Record<string, string> = {};
          if (!goal.number.trim()) local.number = 'Nummeret skal udfyldes.';
          if (!goal.title.trim()) local.title = 'Målet skal have en tekst.';
          setGoalErrors(local);
          if (Object.keys(local).length) return;
          setPending(true);
          try {
            await api(
              'POST',
              `/plans/${p.id}/goals`,
              { ...goal, position: data.goals.length + 1 },
              { idempotencyKey: goalKey.current },
            );
            goalKey.current = newKey();
            setGoal({ number: String(data.goals.length + 2), kind: 'lokalt mål', title: '' });
            refresh();
          } catch (err) {
            setGoalErrors(byPath(fieldErrors(err)));
            setError((err as Error).message);
          } finally {
            setPending(false);
          }
        }}
      >
        <h3>{T.goal.add}</h3>
        <RequiredNote />
        <div className="row">
          <Field label={T.goal.number} required error={goalErrors.number} className="short">
            <input
              name="goalNumber"
              value={goal.number}
              onChange={(e) => setGoal({ ...goal, number: e.target.value })}
              size={4}
            />
          </Field>
          <Field label={T.goal.kind} required>
            <select value={goal.kind} onChange={(e) => setGoal({ ...goal, kind: e.target.value })}>
              <option value="ministermål">Ministermål</option>
              <option value="lokalt mål">Lokalt mål</option>
            </select>
          </Field>
        </div>
        <Field label={T.goal.title} required error={goalErrors.title}>
          <input
            name="goalTitle"
            value={goal.title}
            onChange={(e) => setGoal({ ...goal, title: e.target.value })}
          />
        </Field>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending}>
          {pending ? T.saving : T.goal.add}
        </button>
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
            <IndicatorForm
              key={addTo}
              goalId={addTo}
              municipality={p.municipality}
              period={{ yearFrom: p.year_from, yearTo: p.year_to }}
              onDone={refresh}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Rounds({ data, editor, refresh }: { data: Dashboard; editor: boolean; refresh: () => void }) {
  const nav = useNavigate();
  const [f, setF] = useState({ title: '', asOf: todayInCopenhagen() });
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const key = useRef(newKey());
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
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (pending) return;
            setError(null);
            const local: Record<string, string> = {};
            if (!f.title.trim()) local.title = 'Giv statusrunden en titel, fx "Status april 2021".';
            if (!/^\d{4}-\d{2}-\d{2}$/.test(f.asOf)) local.asOf = 'Statusdatoen skal udfyldes.';
            setErrors(local);
            if (Object.keys(local).length) return;
            setPending(true);
            try {
              const r = await api<{ round: { id: string } }>('POST', `/plans/${data.plan.id}/rounds`, f, {
                idempotencyKey: key.current,
              });
              key.current = newKey();
              refresh();
              nav(`/runder/${r.round.id}`);
            } catch (err) {
              setErrors(byPath(fieldErrors(err)));
              setError((err as Error).message);
            } finally {
              setPending(false);
            }
          }}
        >
          <h3>{T.round.create}</h3>
          <RequiredNote />
          <div className="row">
            <Field label={T.round.roundTitle} required error={errors.title}>
              <input
                name="roundTitle"
                value={f.title}
                onChange={(e) => setF({ ...f, title: e.target.value })}
                placeholder="Status april 2021"
              />
            </Field>
            <Field label={T.round.asOf} required error={errors.asOf}>
              <input
                name="asOf"
                type="date"
                value={f.asOf}
                onChange={(e) => setF({ ...f, asOf: e.target.value })}
              />
            </Field>
          </div>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={pending}>
            {pending ? T.saving : T.round.create}
          </button>
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
          <textarea rows={8} value={f.intro} onChange={(e) => setF({ ...f, intro: e.target.value })} />
        </label>
        <label>
          Pejlemærker (ét pr. linje, "Titel: tekst")
          <textarea rows={6} value={f.focus} onChange={(e) => setF({ ...f, focus: e.target.value })} />
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
        <textarea rows={6} value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
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
