// How often a plan is followed up (kvartalsvis / halvårlig) and when the next status round is due.

import type { FollowUp as FollowUpData, FollowUpInput } from '@contract/rounds.ts';
import { todayInCopenhagen } from '@domain/dates.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api.ts';
import { formatDate } from '../format.ts';

export function FollowUp({ planId, editor }: { planId: string; editor: boolean }) {
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: ['follow-up', planId],
    queryFn: () => get<FollowUpData>(`/plans/${planId}/follow-up`),
  });
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  const overdue = data.nextDue !== null && data.nextDue < todayInCopenhagen();
  return (
    <p className="follow-up">
      {editor ? (
        <label>
          Opfølgning{' '}
          <select
            value={data.followUp ?? ''}
            onChange={async (e) => {
              try {
                setError(null);
                const body = { followUp: (e.target.value || null) as FollowUpInput['followUp'] };
                await api<FollowUpData>('PUT', `/plans/${planId}/follow-up`, body);
                await qc.invalidateQueries({ queryKey: ['follow-up', planId] });
              } catch (err) {
                setError((err as Error).message);
              }
            }}
          >
            <option value="">Ikke fastlagt</option>
            <option value="kvartalsvis">Kvartalsvis</option>
            <option value="halvårlig">Halvårlig</option>
          </select>
        </label>
      ) : data.followUp ? (
        <>Opfølgning: {data.followUp}</>
      ) : null}
      {data.nextDue ? (
        <>
          {' · '}
          <strong>
            Næste statusrunde: {formatDate(data.nextDue)}
            {overdue ? ' (overskredet)' : ''}
          </strong>
        </>
      ) : null}
      {error ? (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      ) : null}
    </p>
  );
}
