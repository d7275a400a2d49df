// "Offentliggør" with a confirmation that says what will happen, and its answer next to the button: a
// round of a plan that is not adopted yet cannot be published, so the button offers to adopt it first.

import type { PlanView } from '@contract/plans.ts';
import { todayInCopenhagen } from '@domain/dates.ts';
import { useState } from 'react';
import { api } from '../api.ts';

export function PublishRound({
  roundId,
  roundTitle,
  plan,
  onDone,
  disabled = false,
}: {
  /** While anything typed is not saved yet, publishing waits. */
  disabled?: boolean;
  roundId: string;
  roundTitle: string;
  plan: { id: string; title: string; status?: string };
  onDone: () => void;
}) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const draft = plan.status === 'udkast';

  async function publish(adoptFirst: boolean) {
    const what = adoptFirst
      ? `Planen "${plan.title}" markeres som vedtaget i dag, og statusrunden "${roundTitle}" offentliggøres.`
      : `Statusrunden "${roundTitle}" offentliggøres.`;
    if (
      !window.confirm(
        `${what} Den bliver synlig for alle på planens offentlige side og kan derefter ikke ændres; rettelser bliver en ny version. Vil du fortsætte?`,
      )
    )
      return;
    setPending(true);
    setMsg(null);
    try {
      if (adoptFirst) {
        // The whole plan is saved with its new status, so read it fresh (focus areas, revision).
        const { plan: p, focus } = await api<PlanView>('GET', `/plans/${plan.id}`);
        await api('PUT', `/plans/${p.id}`, {
          title: p.title,
          yearFrom: p.yearFrom,
          yearTo: p.yearTo,
          intro: p.intro,
          status: 'vedtaget',
          adoptedOn: p.adoptedOn ?? todayInCopenhagen(),
          focusAreas: focus.map((f) => ({ title: f.title, text: f.text })),
          revision: p.revision,
        });
      }
      await api('POST', `/rounds/${roundId}/publish`);
      setMsg({ ok: true, text: 'Statusrunden er offentliggjort.' });
      onDone();
    } catch (err) {
      setMsg({ ok: false, text: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="publish">
      {draft ? (
        <>
          <p className="note warn" id={`publish-${roundId}-why`}>
            Planen er endnu ikke vedtaget. En statusrunde kan først offentliggøres, når planen er vedtaget.
          </p>
          <button
            type="button"
            disabled={pending || disabled}
            onClick={() => publish(true)}
            aria-describedby={`publish-${roundId}-why`}
          >
            Vedtag planen og offentliggør
          </button>
        </>
      ) : (
        <button type="button" disabled={pending || disabled} onClick={() => publish(false)}>
          Offentliggør
        </button>
      )}
      {msg ? (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'inline-note' : 'inline-note error'}>
          {msg.text}
        </p>
      ) : null}
    </div>
  );
}
