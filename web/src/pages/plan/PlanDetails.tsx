// Editing the plan's title, period, introduction and focus areas.

import { useState } from 'react';
import { api } from '../../api.ts';
import { YearFields } from '../../components/YearFields.tsx';
import { T } from '../../texts.ts';
import type { Dashboard } from './types.ts';

/** Title, period, introduction and focus areas (pejlemærker, one per line as "Titel: tekst"). */
export function PlanDetails({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  const p = data.plan;
  const [f, setF] = useState({
    title: p.title,
    yearFrom: p.yearFrom,
    yearTo: p.yearTo,
    intro: p.intro,
    adoptedOn: p.adoptedOn ?? '',
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
