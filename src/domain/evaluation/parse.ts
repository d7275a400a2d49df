// Indicator settings parsed once into a typed union, so the engine never casts a config.
import {
  type AndelConfig,
  type BenchmarkConfig,
  CONFIG_SCHEMAS,
  type IndicatorKind,
  type MilepaelConfig,
  type NiveauConfig,
  type OptaellingConfig,
  type PlaceringConfig,
} from '../indicators.ts';

interface Common {
  id: string;
  title: string;
}

export type ParsedIndicator =
  | (Common & { kind: 'niveau'; config: NiveauConfig })
  | (Common & { kind: 'andel'; config: AndelConfig })
  | (Common & { kind: 'placering'; config: PlaceringConfig })
  | (Common & { kind: 'benchmark'; config: BenchmarkConfig })
  | (Common & { kind: 'optælling'; config: OptaellingConfig })
  | (Common & { kind: 'milepæl'; config: MilepaelConfig })
  | (Common & { kind: 'ugyldig'; reason: string });

/** Parses a stored indicator; settings that no longer validate become 'ugyldig' with the reason. */
export function parseIndicator(row: {
  id: string;
  title: string;
  kind: IndicatorKind | string;
  config: unknown;
}): ParsedIndicator {
  const common = { id: String(row.id), title: row.title };
  const schema = CONFIG_SCHEMAS[row.kind as IndicatorKind];
  if (!schema) return { ...common, kind: 'ugyldig', reason: `Ukendt slags indikator "${row.kind}".` };
  const r = schema.safeParse(row.config);
  if (!r.success)
    return {
      ...common,
      kind: 'ugyldig',
      reason: `Indikatorens indstillinger er ugyldige: ${r.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    };
  return { ...common, kind: row.kind, config: r.data } as ParsedIndicator;
}

/** The statistics an indicator reads: series of (measure, area) and whole cross-sections of measures. */
export interface FactNeeds {
  series: { measure: string; area: string }[];
  crossSections: string[];
}
