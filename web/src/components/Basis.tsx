// The basis of computed figures (periods, areas, formula, source), shown on expand.
import type { Basis as BasisLine } from '@contract/common.ts';
import { formatPeriod } from '../format.ts';

export type BasisItem = BasisLine;

/** "Grundlag for tallene": a native <details> (keyboard and screen reader work without script), one
 * entry per figure with its formula, periods, areas and source on lines of their own. */
export function Basis({ items, label = 'Grundlag for tallene' }: { items: BasisItem[]; label?: string }) {
  if (!items.length) return null;
  return (
    <details className="basis">
      <summary>{label}</summary>
      <ul>
        {items.map((b) => {
          // Dates (YYYY-MM-DD) and period codes alike in Danish: "23. november 2026", "juli 2026".
          const periods = b.periods.filter(Boolean).map(formatPeriod);
          return (
            <li key={`${b.figure}-${b.formula}`}>
              <strong>{b.figure}:</strong> {b.formula}
              {periods.length || b.areas.length || b.source ? (
                <span className="basis-meta">
                  {periods.length ? <span>Periode: {periods.join(', ')}</span> : null}
                  {b.areas.length ? <span>Område: {b.areas.join(', ')}</span> : null}
                  {b.source ? <span>{b.source}</span> : null}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** "+69,6 fuldtidspersoner", "−1,3 procentpoint", "−3 placeringer" with Danish signs. */
export function signedText(change: number, unit: string, fmt: (v: number) => string): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const u = unit === 'placering' ? (Math.abs(change) === 1 ? 'placering' : 'placeringer') : unit;
  return `${sign}${fmt(Math.abs(change))} ${u}`.trim();
}
