// Adding an indicator: choose the goal, then fill in the indicator form.

import { useState } from 'react';
import { T } from '../../texts.ts';
import { IndicatorForm } from '../IndicatorForm.tsx';
import type { Dashboard } from './types.ts';

export function AddIndicator({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [addTo, setAddTo] = useState<string | null>(null);
  return data.goals.length ? (
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
          period={{ yearFrom: p.yearFrom, yearTo: p.yearTo }}
          onDone={refresh}
        />
      ) : null}
    </div>
  ) : null;
}
