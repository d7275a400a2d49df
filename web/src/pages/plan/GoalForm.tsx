// Editing one goal in place.

import { useState } from 'react';
import { api } from '../../api.ts';
import { FormError } from '../../components/useFormSubmit.tsx';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

/** Editing a goal's number, kind, text and description, saved with its revision. */
export function GoalForm({ goal, onDone }: { goal: Dashboard['goals'][number]; onDone: () => void }) {
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
          <select value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind })}>
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
      <FormError error={error} />
      <button type="submit">{T.save}</button>
    </form>
  );
}
