// Which StatBank AUK01 benefit types (YDELSESTYPE, Danish labels as tableinfo?lang=da names them) make up
// each of Måltavle's 10 benefit groups (Fredericia's Table 1). Kept as data and shown to the user: the
// importer looks each label up in the table's metadata and fails, listing the labels the table has now,
// when one no longer matches. Labels are compared case- and space-insensitively.
//
// AUK01 counts "fuldtidsmodtagere" (Danmarks Statistik), not Jobindsats' "fuldtidspersoner": the figures
// are close in kind but not the same statistic as the seed's Table 1.
//
// `verified`: true = the label appears in public material we could read (DST's AUK01 value list as quoted
// in public repositories: "I alt", "Nettoledige dagpengemodtagere", "Sygedagpenge mv.",
// "Revalideringsydelse i øvrigt", "Ledighedsydelse", "Ressourceforløb", "Jobafklaringsforløb"; and
// "Nettoledige kontanthjælpsmodtagere", the Danish label of the type in datasets/statbank/AUK01_…csv).
// false = the label we expect but have not seen; the first real fetch confirms it or names the real one.
import { BENEFIT_GROUPS, BENEFIT_TOTALS, type BenefitGroupId, measureSuffix } from './benefit-groups.ts';

export interface Auk01Label {
  label: string;
  verified: boolean;
}

export interface Auk01GroupMapping {
  group: string;
  labels: readonly Auk01Label[];
}

const v = (label: string): Auk01Label => ({ label, verified: true });
const a = (label: string): Auk01Label => ({ label, verified: false });

/** The AUK01 labels of each benefit group, keyed by the groups of benefit-groups.ts (the compiler checks them). */
const LABELS: Record<BenefitGroupId, readonly Auk01Label[]> = {
  'a-dagpenge': [v('Nettoledige dagpengemodtagere'), a('Aktiverede dagpengemodtagere')],
  sygedagpenge: [v('Sygedagpenge mv.')],
  fleksjob: [a('Fleksjob')],
  uddannelseshjaelp: [a('Uddannelseshjælp')],
  kontanthjaelp: [
    v('Nettoledige kontanthjælpsmodtagere'),
    a('Aktiverede kontanthjælpsmodtagere'),
    a('Integrationsydelse'),
  ],
  jobafklaring: [v('Jobafklaringsforløb')],
  revalidering: [v('Revalideringsydelse i øvrigt'), a('Forrevalidering')],
  ressourceforloeb: [v('Ressourceforløb')],
  ledighedsydelse: [v('Ledighedsydelse')],
  foertidspension: [a('Førtidspension')],
};

export const AUK01_BENEFIT_MAPPING: readonly Auk01GroupMapping[] = BENEFIT_GROUPS.map((g) => ({
  group: g.id,
  labels: LABELS[g.id],
}));

/** Measure id of a benefit group or total fetched from AUK01. */
export const auk01MeasureId = (groupOrTotal: string) =>
  `auk01.fuldtidsmodtagere.${measureSuffix(groupOrTotal)}`;

/** Normalised label for matching: lower case, single spaces, trimmed. */
export const normaliseLabel = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/** Every group mapped once, no AUK01 type in two groups (checked at load, so a bad edit fails at start). */
function check() {
  const ids = AUK01_BENEFIT_MAPPING.map((m) => m.group);
  const groups = BENEFIT_GROUPS.map((g) => g.id);
  if (ids.length !== groups.length || groups.some((g) => !ids.includes(g)))
    throw new Error(`AUK01_BENEFIT_MAPPING skal dække ${groups.join(', ')}; har ${ids.join(', ')}`);
  const labels = AUK01_BENEFIT_MAPPING.flatMap((m) => m.labels.map((l) => normaliseLabel(l.label)));
  if (new Set(labels).size !== labels.length) throw new Error('En AUK01-ydelsestype står i to grupper');
  for (const t of BENEFIT_TOTALS) if (t.sumOf.some((g) => !ids.includes(g))) throw new Error(t.id);
}
check();

/** The measures the AUK01 preset fills: one per benefit group, and the two totals as Table 1 prints them. */
export function auk01BenefitMeasures(attribution: string) {
  const base = {
    unit: 'fuldtidsmodtagere',
    source: 'statbank',
    sourceTable: 'AUK01',
    frequency: 'quarter' as const,
    attribution,
    better: 'lower' as const,
  };
  return [
    ...AUK01_BENEFIT_MAPPING.map((m) => {
      const g = BENEFIT_GROUPS.find((x) => x.id === m.group)!;
      return {
        ...base,
        id: auk01MeasureId(m.group),
        name: `Fuldtidsmodtagere, ${g.name}`,
        dimensions: { ydelsesgruppe: g.name, YDELSESTYPE: m.labels.map((l) => l.label).join(' + ') },
        description: `StatBank AUK01, summen af ydelsestyperne ${m.labels.map((l) => `"${l.label}"`).join(', ')}; køn i alt, alder i alt.`,
      };
    }),
    ...BENEFIT_TOTALS.map((t) => ({
      ...base,
      id: auk01MeasureId(t.id),
      name: `Fuldtidsmodtagere, ${t.name}`,
      dimensions: { ydelsesgruppe: t.name },
      description: `StatBank AUK01, summen af ${t.sumOf.length} ydelsesgrupper som i tabel 1.`,
    })),
  ];
}
