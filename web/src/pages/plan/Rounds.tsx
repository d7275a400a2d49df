// The plan's status rounds, and for editors the form that starts a new round.

import type { RoundAnswer } from '@contract/plans.ts';
import { todayInCopenhagen } from '@domain/dates.ts';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, fieldErrors, newKey } from '../../api.ts';
import { byPath, Field, RequiredNote } from '../../components/Field.tsx';
import { formatDate } from '../../format.ts';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

export function Rounds({ data, editor, refresh }: { data: Dashboard; editor: boolean; refresh: () => void }) {
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
            <Link to={`/runder/${r.id}`}>{r.title}</Link> · {formatDate(r.asOf)} ·{' '}
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
              const r = await api<RoundAnswer>('POST', `/plans/${data.plan.id}/rounds`, f, {
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
