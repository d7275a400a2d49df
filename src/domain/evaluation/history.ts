// Series for the indicator page and report charts: the municipality, its comparison area and the country,
// each group as a ratio of sums in every period (membership of the period's year). Counts get no group
// lines: a region's sum is on another scale than a municipality's count.
import { COUNTRY_ID, MUNICIPALITIES } from '../../data/areas.ts';
import { comparisonGroup, groupValueOf } from './engine.ts';
import type { Facts } from './facts.ts';
import { isCountUnit } from './rates.ts';

export interface ComparisonHistory {
  unit: string;
  own: { period: string; value: number | null }[];
  comparison: { area: string; name: string; points: { period: string; value: number | null }[] } | null;
  country: { period: string; value: number | null }[];
  /** How the group lines were computed (shown under the chart). */
  basis: string;
  /** The statistic's attribution ("Kilde: …"). */
  source: string;
}

function ordered(periods: Iterable<string>): string[] {
  return [...periods].sort((a, b) => a.localeCompare(b));
}

export function comparisonHistory(
  facts: Facts,
  measure: string,
  denominator: string | undefined,
  area: string,
): ComparisonHistory | null {
  const cs = facts.crossSections.get(measure);
  const m = facts.measures.get(measure);
  if (!cs || !m) return null;
  const unit = denominator ? 'pct.' : m.unit;
  const periods = ordered(cs.keys());
  const own = periods.map((period) => {
    const n = cs.get(period)?.get(area);
    if (n == null) return { period, value: null };
    if (!denominator) return { period, value: n };
    const d = facts.crossSections.get(denominator)?.get(period)?.get(area);
    return { period, value: d ? (n / d) * 100 : null };
  });
  if (isCountUnit(unit) && !denominator)
    return {
      unit,
      own,
      comparison: null,
      country: [],
      basis: 'Et antal vises uden områdets sum.',
      source: m.attribution,
    };
  const compPoints: { period: string; value: number | null }[] = [];
  let compName: { id: string; name: string } | null = null;
  const names: string[] = [];
  const formulas = new Set<string>();
  for (const period of periods) {
    const year = Number(period.slice(0, 4));
    const g = comparisonGroup(facts, area, 'sammenligningsområde', year);
    if (!g) {
      compPoints.push({ period, value: null });
      continue;
    }
    compName = { id: g.id, name: g.name };
    if (names.at(-1) !== g.name) names.push(g.name);
    const v = groupValueOf(facts, measure, denominator, g, period);
    if (v.value !== null) formulas.add(v.basis);
    compPoints.push({ period, value: v.value });
  }
  const country = periods.map((period) => ({
    period,
    value: groupValueOf(
      facts,
      measure,
      denominator,
      { id: COUNTRY_ID, members: MUNICIPALITIES.map((x) => x.id) },
      period,
    ).value,
  }));
  return {
    unit,
    own,
    // The comparison area changes with the scheme (RAR to 2024, regions from 2025): the label says so.
    comparison: compName
      ? { area: compName.id, name: names.length > 1 ? names.join(' → ') : compName.name, points: compPoints }
      : null,
    country,
    source: m.attribution,
    basis: `Områdernes tal er forholdet mellem summer (${[...formulas].join(', ') || 'ingen'}), aldrig et gennemsnit af kommunernes procenter.`,
  };
}
