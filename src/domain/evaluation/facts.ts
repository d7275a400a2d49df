// The facts an evaluation reads: a snapshot loaded once per plan (src/services/evaluation-facts.ts) so that
// evaluating 5 or 40 indicators costs the same number of queries. Nothing here does I/O.
import type { Better } from '../better.ts';

export interface MeasureFact {
  id: string;
  name: string;
  unit: string;
  better: Better;
  frequency: 'month' | 'quarter' | 'mat' | 'half' | 'year';
  attribution: string;
}

export interface FactPoint {
  period: string;
  value: number | null;
  importId: string;
}

/** Status entry of one indicator in a round (the round's own, or the newest visible one). */
export interface EntryFact {
  value: number | null;
  value_period: string | null;
  done: boolean | null;
  assessment_override: string | null;
  override_reason: string | null;
}

/** Every current value of a measure: period → area → value (null = suppressed, never zero). */
export type CrossSections = Map<string, Map<string, number | null>>;

export interface Facts {
  measures: Map<string, MeasureFact>;
  /** Series of one measure and one area, oldest first; key `${measure}|${area}`. */
  series: Map<string, FactPoint[]>;
  /** Cross-sections of the measures that are ranked or compared, all periods; key measure id. */
  crossSections: Map<string, CrossSections>;
  /** Comparison-area membership by year: municipality → comparison area id (from src/data). */
  memberships: (municipality: string, year: number) => { id: string; name: string } | undefined;
  /** Municipalities of an area in a year (a region, a RAR area, the country). */
  membersOf: (areaId: string, year: number) => string[];
  areaName: (areaId: string) => string;
}

export const seriesKey = (measure: string, area: string) => `${measure}|${area}`;
