// A status round as one document: every card saves itself while the user types (debounced, with the
// revision; a conflicting save shows both versions), says when it was saved ("Gemt kl. 14.32"), and leaving
// with anything unsaved asks first. Texts carried over from the previous round are marked until edited; a
// text draft from the statistics is offered, never inserted by itself. A published round shows what was
// published.

import type { Entry, EntryAnswer, RoundAnswer, RoundView } from '@contract/plans.ts';
import type { People, Person, Responsible, ResponsibleInput } from '@contract/rounds.ts';
import { OVERRIDE_STATUSES } from '@domain/assessment.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError, api, get } from '../api.ts';
import { canEdit, useMe } from '../auth.tsx';
import { usePageTitle } from '../components/PageTitle.tsx';
import { PublishRound } from '../components/PublishRound.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';

/** How long typing may pause before the card saves itself. */
const SAVE_AFTER_MS = 800;

const R = {
  savedAt: (d: Date) =>
    `Gemt kl. ${new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' }).format(d)}`,
  saving: 'Gemmer …',
  unsaved: 'Ikke gemt endnu',
  allSaved: 'Alle ændringer er gemt.',
  pending: (n: number) =>
    n === 1 ? '1 statuskort er ikke gemt endnu.' : `${n} statuskort er ikke gemt endnu.`,
  carried: 'Overført fra forrige statusrunde: ret teksten, eller bekræft den uændret.',
  keep: 'Bekræft teksten uændret',
  draftTitle: 'Forslag til tekst ud fra statistikken',
  insertDraft: 'Indsæt forslaget i statusteksten',
  leaveTitle: 'Du har ændringer, der ikke er gemt',
  leaveText: 'Hvis du forlader siden nu, mister du det, du har skrevet siden sidste gemning.',
  stay: 'Bliv og gem',
  leave: 'Forlad siden uden at gemme',
  missing: 'Mangler',
  missingNone: 'Alle indikatorer har en status i denne runde.',
  noOwner: 'Uden ansvarlig',
  responsible: 'Ansvarlig',
  nobody: 'Ingen ansvarlig',
  frozen:
    'Runden er offentliggjort. Her vises det offentliggjorte indhold; senere ændringer ændrer det ikke.',
  correctedBy: 'Rettet i',
  badNumber: 'Værdien skal være et tal, fx 239 eller 4,5.',
};

type RoundData = RoundView;
type RoundItem = RoundView['items'][number];

/** Parses a Danish number as typed ("1.288", "4,5"); null when empty, undefined when it is not a number. */
function parseValue(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.').replace('\u2212', '-'));
  return Number.isFinite(n) ? n : undefined;
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
  const editorRole = data ? canEdit(me, data.round.municipality) : false;
  const people = useQuery({
    queryKey: ['people', data?.plan.id],
    queryFn: () => get<People>(`/plans/${data?.plan.id}/people`),
    enabled: !!data && editorRole && data.round.status === 'udkast',
  });
  const [msg, setMsg] = useState<string | null>(null);
  // Cards with changes not yet saved: the page warns before it is left.
  const [unsaved, setUnsaved] = useState<Set<string>>(new Set());
  const onDirty = useCallback((indicatorId: string, dirty: boolean) => {
    setUnsaved((prev) => {
      if (prev.has(indicatorId) === dirty) return prev;
      const next = new Set(prev);
      if (dirty) next.add(indicatorId);
      else next.delete(indicatorId);
      return next;
    });
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved.size > 0 && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (unsaved.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved.size]);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') stayRef.current?.focus();
  }, [blocker.state]);

  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? T.error}</p>;
  const editable = editorRole && data.round.status === 'udkast';
  const refresh = () => qc.invalidateQueries({ queryKey: ['round', id] });
  return (
    <article>
      <p>
        <Link to={`/planer/${data.plan.id}`}>{data.plan.title}</Link>
      </p>
      <h1>{data.round.title}</h1>
      <p>
        {T.round.asOf}: {formatDate(data.round.asOf)} ·{' '}
        {data.round.status === 'offentliggjort' ? T.round.published : T.round.draft}
      </p>
      {data.frozen ? <p className="muted">{R.frozen}</p> : null}
      {data.corrections?.length ? (
        <p>
          {R.correctedBy}:{' '}
          {data.corrections.map((c, i) => (
            <span key={c.id}>
              {i ? ', ' : ''}
              <Link to={`/runder/${c.id}`}>{c.title}</Link> (
              {c.status === 'offentliggjort' ? T.round.published : T.round.draft})
            </span>
          ))}
        </p>
      ) : null}
      {data.round.correctsRoundId ? (
        <p>
          Denne runde retter <Link to={`/runder/${data.round.correctsRoundId}`}>den tidligere version</Link>.
        </p>
      ) : null}
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
      {editable ? (
        <p role="status" className="save-state">
          {unsaved.size ? R.pending(unsaved.size) : R.allSaved}
        </p>
      ) : null}
      {data.missing && data.round.status === 'udkast' ? (
        <section aria-labelledby="missing-h" className="missing">
          <h2 id="missing-h">{R.missing}</h2>
          {data.missing.length === 0 ? (
            <p>{R.missingNone}</p>
          ) : (
            <ul>
              {data.missing.map((g) => (
                <li key={g.responsible?.id ?? 'none'}>
                  <strong>{g.responsible?.name ?? R.noOwner}:</strong>{' '}
                  {g.indicators.map((i, n) => (
                    <span key={i.id}>
                      {n ? ', ' : ''}
                      <a href={`#ind-${i.id}-h`}>{i.title}</a>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {msg ? <p role="status">{msg}</p> : null}
      {data.goals.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>
            {g.number}. {g.title}
          </h2>
          {data.items
            .filter((i) => i.indicator.goalId === String(g.id))
            .map((i) => (
              <EntryEditor
                key={i.indicator.id}
                item={i}
                roundId={data.round.id}
                editable={editable}
                draft={data.drafts?.[i.indicator.id] ?? null}
                people={people.data?.people ?? null}
                onDirty={onDirty}
                onSaved={refresh}
              />
            ))}
        </section>
      ))}
      {editorRole ? (
        <div className="actions">
          {data.round.status === 'udkast' ? (
            <PublishRound
              disabled={unsaved.size > 0}
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
                const r = await api<RoundAnswer>('POST', `/rounds/${data.round.id}/correct`);
                nav(`/runder/${r.round.id}`);
              }}
            >
              {T.round.correct}
            </button>
          )}
        </div>
      ) : null}
      {blocker.state === 'blocked' ? (
        <div className="dialog-backdrop">
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="leave-h"
            aria-describedby="leave-p"
            className="dialog"
          >
            <h2 id="leave-h">{R.leaveTitle}</h2>
            <p id="leave-p">{R.leaveText}</p>
            <div className="actions">
              <button type="button" ref={stayRef} onClick={() => blocker.reset()}>
                {R.stay}
              </button>{' '}
              <button type="button" className="secondary" onClick={() => blocker.proceed()}>
                {R.leave}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </article>
  );
}

interface Fields {
  text: string;
  value: string;
  done: boolean;
  override: string;
  reason: string;
}

function EntryEditor({
  item,
  roundId,
  editable,
  draft,
  people,
  onDirty,
  onSaved,
}: {
  item: RoundItem;
  roundId: string;
  editable: boolean;
  draft: string | null;
  people: Person[] | null;
  onDirty: (indicatorId: string, dirty: boolean) => void;
  onSaved: () => void;
}) {
  const e = item.entry;
  const ev = item.evaluation;
  const indId = item.indicator.id;
  const base = `ind-${indId}`;
  const [fields, setFields] = useState<Fields>({
    text: e?.text ?? '',
    value: e?.value === null || e?.value === undefined ? '' : String(e.value).replace('.', ','),
    done: !!e?.done,
    override: e?.assessmentOverride ?? '',
    reason: e?.overrideReason ?? '',
  });
  const [carried, setCarried] = useState(!!e?.carriedOver);
  const [state, setState] = useState<'idle' | 'dirty' | 'saving'>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Entry | null } | null>(null);
  const [responsible, setResponsible] = useState(item.indicator.responsibleUserId ?? '');
  // The newest fields, the revision saved last, and whether a save is running or wanted after it.
  const latest = useRef(fields);
  const revision = useRef<number | null>(e?.revision ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false);
  const manual =
    ['andel', 'optælling', 'placering', 'niveau'].includes(item.indicator.kind) &&
    ev.latest?.source !== undefined
      ? ev.latest?.source === 'indtastet' || !ev.latest
      : true;

  const save = useCallback(async () => {
    if (blocked.current) return;
    if (running.current) {
      again.current = true;
      return;
    }
    const f = latest.current;
    const v = parseValue(f.value);
    if (v === undefined) {
      setError(R.badNumber);
      return;
    }
    if (f.override && !f.reason.trim()) return; // waits for the reason; the field says it is required
    running.current = true;
    setState('saving');
    try {
      const r = await api<EntryAnswer>('PUT', `/rounds/${roundId}/entries/${indId}`, {
        text: f.text,
        value: v,
        valuePeriod: e?.valuePeriod ?? null,
        done: item.indicator.kind === 'milepæl' ? f.done : null,
        assessmentOverride: f.override || null,
        overrideReason: f.override ? f.reason : null,
        revision: revision.current,
      });
      revision.current = r.entry.revision;
      setSavedAt(new Date());
      setError(null);
      setCarried(false);
      if (!again.current && latest.current === f) {
        setState('idle');
        onDirty(indId, false);
        onSaved();
      }
    } catch (err) {
      setState('dirty');
      if (err instanceof ApiError && err.status === 409) {
        blocked.current = true;
        setConflict(err.details as { theirs: Entry | null });
      }
      setError((err as Error).message);
    } finally {
      running.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [roundId, indId, e?.valuePeriod, item.indicator.kind, onDirty, onSaved]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (patch: Partial<Fields>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setFields(next);
    setState('dirty');
    onDirty(indId, true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  };

  const stateText =
    state === 'saving' ? R.saving : state === 'dirty' ? R.unsaved : savedAt ? R.savedAt(savedAt) : '';

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
      {item.indicator.sourceNote ? <p className="muted small">{item.indicator.sourceNote}</p> : null}
      {editable && people ? (
        <p className="responsible">
          <label>
            {R.responsible}{' '}
            <select
              value={responsible}
              onChange={async (x) => {
                const userId = x.target.value || null;
                setResponsible(x.target.value);
                try {
                  await api<Responsible>('PUT', `/indicators/${indId}/responsible`, {
                    userId,
                  } satisfies ResponsibleInput);
                  onSaved();
                } catch (err) {
                  setError((err as Error).message);
                }
              }}
            >
              <option value="">{R.nobody}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : null}
      {editable ? (
        <form
          onSubmit={(evn) => {
            evn.preventDefault();
            clearTimeout(timer.current);
            void save();
          }}
        >
          {carried ? (
            <p className="carried" id={`${base}-carried`}>
              <span className="badge badge-none">Overført</span> {R.carried}{' '}
              <button type="button" className="secondary" onClick={() => void save()}>
                {R.keep}
              </button>
            </p>
          ) : null}
          <label htmlFor={`${base}-text`}>{T.round.statusText}</label>
          <textarea
            id={`${base}-text`}
            value={fields.text}
            onChange={(x) => change({ text: x.target.value })}
            rows={4}
            aria-describedby={carried ? `${base}-carried` : undefined}
          />
          {draft ? (
            <details className="draft">
              <summary>{R.draftTitle}</summary>
              <p>{draft}</p>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  change({
                    text: latest.current.text.trim() ? `${latest.current.text.trimEnd()}\n\n${draft}` : draft,
                  })
                }
              >
                {R.insertDraft}
              </button>
            </details>
          ) : null}
          <div className="row">
            {item.indicator.kind === 'milepæl' ? (
              <label className="check">
                <input
                  type="checkbox"
                  checked={fields.done}
                  onChange={(x) => change({ done: x.target.checked })}
                />{' '}
                {T.round.done}
              </label>
            ) : manual ? (
              <label>
                {T.round.value}
                <input
                  inputMode="decimal"
                  value={fields.value}
                  onChange={(x) => change({ value: x.target.value })}
                />
              </label>
            ) : null}
            <label>
              {T.round.override}
              <select value={fields.override} onChange={(x) => change({ override: x.target.value })}>
                <option value="">{T.round.noOverride}</option>
                {OVERRIDE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            {fields.override ? (
              <label>
                {T.round.overrideReason}
                <input value={fields.reason} onChange={(x) => change({ reason: x.target.value })} required />
              </label>
            ) : null}
          </div>
          <p className="save-line">
            <button type="submit" disabled={state === 'saving'} className="secondary">
              {T.save}
            </button>{' '}
            <span role="status" className="muted">
              {stateText}
            </span>
          </p>
          {error ? (
            <div role="alert" className="error">
              <p>{error}</p>
              {conflict ? (
                <div className="conflict">
                  <div>
                    <h4>{T.round.theirs}</h4>
                    <p className="entry">{conflict.theirs?.text}</p>
                  </div>
                  <div>
                    <h4>{T.round.yours}</h4>
                    <p className="entry">{fields.text}</p>
                  </div>
                  <button
                    type="button"
                    onClick={() => {
                      revision.current = conflict.theirs?.revision ?? null;
                      blocked.current = false;
                      setConflict(null);
                      setError(null);
                      change({ text: `${conflict.theirs?.text ?? ''}\n\n${latest.current.text}` });
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
