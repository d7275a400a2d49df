// What a statistic is to Måltavle: a measure of the catalogue and one observation on its way into the store.
// Shared by the catalogue, the importers and the repositories, so it lives here and not beside the SQL.

export interface MeasureRecord {
  id: string;
  name: string;
  unit: string;
  source: string;
  sourceTable: string | null;
  dimensions: Record<string, string>;
  frequency: 'month' | 'quarter' | 'mat' | 'half' | 'year';
  attribution: string;
  description: string | null;
  /** Direction of better: 'lower' (fewer on benefits) or 'higher' (activation rate). */
  better: 'lower' | 'higher';
  /** True when `better` was inferred from the unit and name at import, not set by the catalogue. */
  betterInferred?: boolean;
}

export interface StagedObservation {
  measureId: string;
  areaId: string;
  /** Canonical period code. */
  period: string;
  periodOrd: number;
  value: number | null;
  /** Marker of a missing value ('..', '' …); null when value is a number. */
  missing: string | null;
  /** Line in the source file, for error messages (row number when absent). */
  line?: number;
}
