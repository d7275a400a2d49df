// The form that adds a goal to the plan.

import { useRef, useState } from 'react';
import { api, fieldErrors, newKey } from '../../api.ts';
import { byPath, Field, RequiredNote } from '../../components/Field.tsx';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

export function AddGoalForm({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [goal, setGoal] = useState({ number: String(data.goals.length + 1), kind: 'lokalt mål', title: '' });
  const [error, setError] = useState<string | null>(null);
  const [goalErrors, setGoalErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const goalKey = useRef(newKey());
  return (
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
  );
}
