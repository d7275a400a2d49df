// A small trend line as SVG, with a text alternative for screen readers.
import { formatPeriod } from '../format.ts';

export function Sparkline({
  points,
  label,
}: {
  points: { period: string; value: number | null }[];
  label: string;
}) {
  const vals = points.filter((p): p is { period: string; value: number } => p.value !== null);
  if (vals.length < 2) return null;
  const w = 96;
  const h = 24;
  const min = Math.min(...vals.map((v) => v.value));
  const max = Math.max(...vals.map((v) => v.value));
  const span = max - min || 1;
  const d = vals
    .map(
      (v, i) =>
        `${i === 0 ? 'M' : 'L'}${((i / (vals.length - 1)) * (w - 2) + 1).toFixed(1)},${(h - 1 - ((v.value - min) / span) * (h - 2)).toFixed(1)}`,
    )
    .join(' ');
  const first = vals[0]!;
  const last = vals.at(-1)!;
  return (
    <svg
      width={w}
      height={h}
      role="img"
      aria-label={`${label}: udvikling fra ${formatPeriod(first.period)} til ${formatPeriod(last.period)}`}
      className="sparkline"
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
