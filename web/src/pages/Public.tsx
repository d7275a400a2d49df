// The public page of an adopted plan and its latest published status, readable without login.
import type { PublicPlan } from '@contract/plans.ts';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { get } from '../api.ts';
import { usePageTitle } from '../components/PageTitle.tsx';
import { formatDate } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';
import { GoalTable } from './plan/GoalTable.tsx';
import type { Dashboard } from './plan/types.ts';

export function Public() {
  const { code, slug } = useParams();
  const areas = useAreas();
  const { data, error, isLoading } = useQuery({
    queryKey: ['public', code, slug],
    queryFn: () => get<PublicPlan>(`/public/${code}/${slug}`),
  });
  usePageTitle(areas.find((x) => x.id === code)?.name, data?.plan.title);
  if (isLoading) return <p>{T.loading}</p>;
  if (error || !data) return <p role="alert">{(error as Error)?.message ?? 'Planen findes ikke.'}</p>;
  const view: Dashboard = {
    ...data,
    indicators: [],
    items: data.latestRound?.items ?? [],
    asOf: data.latestRound?.round.asOf ?? '',
  };
  return (
    <article>
      <p className="muted">{areas.find((a) => a.id === code)?.name} Kommune</p>
      <h1>{data.plan.title}</h1>
      {data.plan.intro ? <p className="intro">{data.plan.intro}</p> : null}
      {data.latestRound ? (
        <p>
          Seneste offentliggjorte status: <strong>{data.latestRound.round.title}</strong> (
          {formatDate(data.latestRound.round.asOf)}).
        </p>
      ) : (
        <p>Der er endnu ingen offentliggjort status for planen.</p>
      )}
      {data.latestRound ? (
        <GoalTable data={view} linkIndicators={false} />
      ) : (
        <ul>
          {data.goals.map((g) => (
            <li key={g.id}>
              {g.number}. {g.title}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
