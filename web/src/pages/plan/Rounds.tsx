// The plan's status rounds, and for editors the form that starts a new round.

import type { RoundAnswer } from '@contract/plans.ts';
import { todayInCopenhagen } from '@domain/dates.ts';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, newKey } from '../../api.ts';
import { Field, RequiredNote } from '../../components/Field.tsx';
import { FormError, useFormSubmit } from '../../components/useFormSubmit.tsx';
import { formatDate } from '../../format.ts';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

export function Rounds({ data, editor, refresh }: { data: Dashboard; editor: boolean; refresh: () => void }) {
  const nav = useNavigate();
  const [f, setF] = useState({ title: '', asOf: todayInCopenhagen() });
  const { error, errors, pending, submit } = useFormSubmit();
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
          onSubmit={(e) => {
            e.preventDefault();
            void submit(
              () => {
                const local: Record<string, string> = {};
                if (!f.title.trim()) local.title = 'Giv statusrunden en titel, fx "Status april 2021".';
                if (!/^\d{4}-\d{2}-\d{2}$/.test(f.asOf)) local.asOf = 'Statusdatoen skal udfyldes.';
                return local;
              },
              async () => {
                const r = await api<RoundAnswer>('POST', `/plans/${data.plan.id}/rounds`, f, {
                  idempotencyKey: key.current,
                });
                key.current = newKey();
                refresh();
                nav(`/runder/${r.round.id}`);
              },
            );
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
          <FormError error={error} />
          <button type="submit" disabled={pending}>
            {pending ? T.saving : T.round.create}
          </button>
        </form>
      ) : null}
    </section>
  );
}
