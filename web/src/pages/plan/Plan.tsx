// The plan at a glance (dashboard) and, for editors, the plan's goals, indicators and status rounds.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { get } from '../../api.ts';
import { canEdit, useMe } from '../../auth.tsx';
import { FollowUp } from '../../components/FollowUp.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../format.ts';
import { T } from '../../texts.ts';
import { useAreas } from '../Plans.tsx';
import { deleteItem } from './deleteItem.ts';
import { EditPanel } from './EditPanel.tsx';
import { FocusAreas } from './FocusAreas.tsx';
import { GoalTable } from './GoalTable.tsx';
import { Rounds } from './Rounds.tsx';
import { StatusSummary } from './StatusSummary.tsx';
import type { Dashboard } from './types.ts';

export function Plan() {
  const { id } = useParams();
  const me = useMe();
  const areas = useAreas();
  const qc = useQueryClient();
  const { data, error, isLoading } = useQuery({
    queryKey: ['dashboard', id],
    queryFn: () => get<Dashboard>(`/plans/${id}/dashboard`),
  });
  usePageTitle(areas.find((a) => a.id === data?.plan.municipality)?.name, data?.plan.title);
  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? T.error}</p>;
  const p = data.plan;
  const editor = canEdit(me, p.municipality);
  const refresh = () => qc.invalidateQueries({ queryKey: ['dashboard', id] });
  return (
    <article>
      <p className="muted">{areas.find((a) => a.id === p.municipality)?.name}</p>
      <h1>{p.title}</h1>
      <p>
        {T.plans.statuses[p.status]}
        {p.adoptedOn ? ` ${formatDate(p.adoptedOn)}` : ''} ·{' '}
        {p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`} · vurderet pr.{' '}
        {formatDate(data.asOf)}
        {p.status !== 'udkast' ? (
          <>
            {' · '}
            <Link to={`/offentlig/${p.municipality}/${p.slug}`}>{T.plans.publicLink}</Link>
          </>
        ) : null}
      </p>
      {p.intro ? <p className="intro pre">{p.intro}</p> : null}
      <FollowUp planId={String(p.id)} editor={editor} />
      {editor ? (
        <p>
          <a href={`/api/v1/plans/${p.id}/case.docx`}>
            Hent udkast til sagsfremstilling om resultatniveauer (Word)
          </a>
        </p>
      ) : null}
      <StatusSummary items={data.items} />
      <FocusAreas focus={data.focus} />
      <GoalTable
        data={data}
        {...(editor
          ? {
              onSaved: refresh,
              onDelete: (kind: 'goal' | 'indicator', id: string, title: string) =>
                deleteItem(data, refresh, kind, id, title),
            }
          : {})}
      />
      {editor ? <EditPanel data={data} refresh={refresh} /> : null}
      <Rounds data={data} editor={editor} refresh={refresh} />
    </article>
  );
}
