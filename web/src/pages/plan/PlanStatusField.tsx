// The plan's status (udkast, vedtaget, arkiveret): changing it asks for confirmation and saves the plan.

import { todayInCopenhagen } from '@domain/dates.ts';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

export function PlanStatusField({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [statusError, setStatusError] = useState<string | null>(null);
  return (
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
                yearFrom: p.yearFrom,
                yearTo: p.yearTo,
                intro: p.intro,
                status: e.target.value,
                adoptedOn: e.target.value === 'vedtaget' ? (p.adoptedOn ?? todayInCopenhagen()) : p.adoptedOn,
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
  );
}
