// The change over the indicator's period with its sparkline (the "Udvikling" column).

import { signedText } from '../../components/Basis.tsx';
import { Sparkline } from '../../components/Sparkline.tsx';
import { formatDate, formatNumber, formatPeriod } from '../../format.ts';
import type { Item } from './types.ts';

/** The change over the indicator's period, e.g. "−40 fuldtidspersoner (−3,3 %) siden maj 2026". */
export function DevelopmentCell({ item }: { item: Item }) {
  const d = item.evaluation.development;
  if (!d) return <Sparkline points={item.evaluation.trend} label={item.indicator.title} />;
  const decimals = Number.isInteger(d.change) ? 0 : d.unit === 'procentpoint' ? 2 : 1;
  const fmt = (v: number) => formatNumber(v, { decimals: Number.isInteger(v) ? 0 : decimals });
  return (
    <>
      {signedText(d.change, d.unit, fmt)}
      {d.pct !== null
        ? ` (${d.pct > 0 ? '+' : d.pct < 0 ? '−' : ''}${formatNumber(Math.abs(d.pct), { decimals: 1 })} %)`
        : ''}
      <span className="muted">
        {' '}
        siden{' '}
        {!d.from.period
          ? 'baseline'
          : /^\d{4}-\d{2}-\d{2}$/.test(d.from.period)
            ? formatDate(d.from.period)
            : formatPeriod(d.from.period)}
      </span>
      <Sparkline points={item.evaluation.trend} label={item.indicator.title} />
    </>
  );
}
