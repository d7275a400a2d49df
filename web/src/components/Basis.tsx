// The basis of computed figures (periods, areas, formula, source), shown on expand.
import { formatPeriod } from '../format.ts';

export interface BasisItem {
  figure: string;
  periods: string[];
  areas: string[];
  formula: string;
  source: string;
}

const period = (p: string) => (/^\d{4}-\d{2}-\d{2}$/.test(p) ? p : formatPeriod(p));

export function Basis({ items, label = 'Grundlag for tallene' }: { items: BasisItem[]; label?: string }) {
  if (!items.length) return null;
  return (
    <details className="basis">
      <summary>{label}</summary>
      <ul>
        {items.map((b) => (
          <li key={`${b.figure}-${b.formula}`}>
            <strong>{b.figure}:</strong> {b.formula}
            {b.periods.filter(Boolean).length ? `; ${b.periods.filter(Boolean).map(period).join(', ')}` : ''}
            {b.areas.length ? `; ${b.areas.join(', ')}` : ''}
            {b.source ? `. ${b.source}` : ''}
          </li>
        ))}
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
