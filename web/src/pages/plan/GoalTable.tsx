// The plan's goals, each with its indicators as a table; editors get edit and delete buttons.

import { useState } from 'react';
import { T } from '../../texts.ts';
import { GoalForm } from './GoalForm.tsx';
import { IndicatorRow } from './IndicatorRow.tsx';
import type { Dashboard } from './types.ts';

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
                .filter((i) => i.indicator.goalId === String(g.id))
                .map((i) => (
                  <IndicatorRow
                    key={i.indicator.id}
                    i={i}
                    data={data}
                    linkIndicators={linkIndicators}
                    onDelete={onDelete}
                    onSaved={onSaved}
                    editing={editing}
                    setEditing={setEditing}
                  />
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
