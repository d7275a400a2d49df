// Development between two periods: change and percentage change, side by side for the municipality,
// its comparison area and the country (the columns of Fredericia's Table 1, seed 003).
import { BENEFIT_GROUPS, BENEFIT_TOTALS } from '../data/benefit-groups.ts';

export interface Development {
  from: number | null;
  to: number | null;
  /** to − from; null when either value is missing. */
  change: number | null;
  /** Percentage change (−1.5 = −1,5 %); null when missing or from is 0. */
  pct: number | null;
}

export function development(from: number | null | undefined, to: number | null | undefined): Development {
  const f = from ?? null;
  const t = to ?? null;
  if (f === null || t === null) return { from: f, to: t, change: null, pct: null };
  return { from: f, to: t, change: t - f, pct: f === 0 ? null : ((t - f) / f) * 100 };
}

export interface DevelopmentRow {
  id: string;
  name: string;
  isTotal: boolean;
  municipality: Development;
  comparison: Development;
  country: Development;
}

/** Counts per benefit group for one area in two periods. Missing groups are simply absent. */
export type GroupCounts = Readonly<Record<string, { from?: number | null; to?: number | null }>>;

function sumGroups(counts: GroupCounts, ids: readonly string[], key: 'from' | 'to'): number | null {
  let sum = 0;
  for (const id of ids) {
    const v = counts[id]?.[key];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

function devFor(counts: GroupCounts, ids: readonly string[]): Development {
  return development(sumGroups(counts, ids, 'from'), sumGroups(counts, ids, 'to'));
}

/**
 * Table 1: one row per benefit group and the two totals, each total the sum of its groups
 * (a total is missing if any of its groups is), for municipality, comparison area and country.
 */
export function benefitGroupTable(input: {
  municipality: GroupCounts;
  comparison: GroupCounts;
  country: GroupCounts;
}): DevelopmentRow[] {
  const rows: DevelopmentRow[] = BENEFIT_GROUPS.map((g) => ({
    id: g.id,
    name: g.name,
    isTotal: false,
    municipality: devFor(input.municipality, [g.id]),
    comparison: devFor(input.comparison, [g.id]),
    country: devFor(input.country, [g.id]),
  }));
  for (const t of BENEFIT_TOTALS) {
    rows.push({
      id: t.id,
      name: t.name,
      isTotal: true,
      municipality: devFor(input.municipality, t.sumOf),
      comparison: devFor(input.comparison, t.sumOf),
      country: devFor(input.country, t.sumOf),
    });
  }
  return rows;
}
