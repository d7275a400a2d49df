// The form that adds a goal to the plan.

import { useRef, useState } from 'react';
import { api, newKey } from '../../api.ts';
import { Field, RequiredNote } from '../../components/Field.tsx';
import { FormError, useFormSubmit } from '../../components/useFormSubmit.tsx';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

export function AddGoalForm({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [goal, setGoal] = useState({ number: String(data.goals.length + 1), kind: 'lokalt mål', title: '' });
  const { error, errors: goalErrors, pending, submit } = useFormSubmit();
  const goalKey = useRef(newKey());
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(
          () => {
            const local: Record<string, string> = {};
            if (!goal.number.trim()) local.number = 'Nummeret skal udfyldes.';
            if (!goal.title.trim()) local.title = 'Målet skal have en tekst.';
            return local;
          },
          async () => {
            await api(
              'POST',
              `/plans/${p.id}/goals`,
              { ...goal, position: data.goals.length + 1 },
              { idempotencyKey: goalKey.current },
            );
            goalKey.current = newKey();
            setGoal({ number: String(data.goals.length + 2), kind: 'lokalt mål', title: '' });
            refresh();
          },
        );
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
      <FormError error={error} />
      <button type="submit" disabled={pending}>
        {pending ? T.saving : T.goal.add}
      </button>
    </form>
  );
}
