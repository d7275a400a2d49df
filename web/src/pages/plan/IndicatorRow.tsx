// One indicator of a goal as a table row: title, status text, assessment, latest value, target, development.

import { Link } from 'react-router';
import { Basis } from '../../components/Basis.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatPeriod, formatValue } from '../../format.ts';
import { T } from '../../texts.ts';
import { IndicatorForm } from '../IndicatorForm.tsx';
import { DevelopmentCell } from './DevelopmentCell.tsx';
import type { Dashboard, Item } from './types.ts';

export function IndicatorRow({
  i,
  data,
  linkIndicators,
  onDelete,
  onSaved,
  editing,
  setEditing,
}: {
  i: Item;
  data: Dashboard;
  linkIndicators: boolean;
  onDelete?: (kind: 'goal' | 'indicator', id: string, title: string) => void;
  onSaved?: () => void;
  editing: string | null;
  setEditing: (editing: string | null) => void;
}) {
  return (
    <tr>
      <td>
        {linkIndicators ? (
          <Link to={`/indikatorer/${i.indicator.id}`}>{i.indicator.title}</Link>
        ) : (
          i.indicator.title
        )}
        {i.entry?.text ? <p className="entry">{i.entry.text}</p> : null}
        {onDelete ? (
          <>
            <button
              type="button"
              className="secondary small"
              aria-expanded={editing === i.indicator.id}
              onClick={() => setEditing(editing === i.indicator.id ? null : i.indicator.id)}
            >
              Redigér indikator <span className="sr-only">{i.indicator.title}</span>
            </button>{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => onDelete('indicator', i.indicator.id, i.indicator.title)}
            >
              Slet indikator <span className="sr-only">{i.indicator.title}</span>
            </button>
            {editing === i.indicator.id && onSaved ? (
              <IndicatorForm
                goalId={i.indicator.goalId}
                municipality={data.plan.municipality}
                period={{ yearFrom: data.plan.yearFrom, yearTo: data.plan.yearTo }}
                existing={i.indicator}
                onDone={() => {
                  setEditing(null);
                  onSaved();
                }}
              />
            ) : null}
          </>
        ) : null}
        {i.evaluation.consistency && !i.evaluation.consistency.consistent ? (
          <p className="note warn">
            <strong>{T.indicator.consistency}: </strong>
            {i.evaluation.consistency.issues
              .filter((x) => x.field !== 'direction')
              .map((x) => x.message)
              .join(' ')}
          </p>
        ) : null}
      </td>
      <td>
        <StatusBadge status={i.evaluation.status} overridden={!!i.evaluation.override} />
      </td>
      <td>
        {i.evaluation.progressText ?? formatValue(i.evaluation.latest?.value, i.evaluation.unit)}
        {i.evaluation.latest?.period ? (
          <span className="muted"> ({formatPeriod(i.evaluation.latest.period)})</span>
        ) : null}
        {i.evaluation.afterDeadline ? (
          <span className="after-deadline">
            {' '}
            Efter fristen: {formatValue(i.evaluation.afterDeadline.value, i.evaluation.unit)}
            {i.evaluation.afterDeadline.period ? ` (${formatPeriod(i.evaluation.afterDeadline.period)})` : ''}
          </span>
        ) : null}
        {i.evaluation.whatItTakes ? (
          <span className="muted"> Skal til: {i.evaluation.whatItTakes.text}.</span>
        ) : null}
        <Basis items={i.evaluation.basis ?? []} />
      </td>
      <td>{formatValue(i.evaluation.target, i.evaluation.unit)}</td>
      <td>
        <DevelopmentCell item={i} />
      </td>
    </tr>
  );
}
