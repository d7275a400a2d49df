// How many of the plan's indicators have each assessment, e.g. "På rette vej: 3".

import { StatusBadge } from '../../components/StatusBadge.tsx';
import { T } from '../../texts.ts';
import type { Item } from './types.ts';

export function StatusSummary({ items }: { items: Item[] }) {
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.evaluation.status] = (counts[i.evaluation.status] ?? 0) + 1;
  return (
    <ul className="summary" aria-label={T.round.summary}>
      {Object.entries(counts).map(([s, n]) => (
        <li key={s}>
          <StatusBadge status={s} />: {n}
        </li>
      ))}
    </ul>
  );
}
