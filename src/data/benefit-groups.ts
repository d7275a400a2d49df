// Benefit groups (ydelsesgrupper) as in Table 1 of Fredericia's Beskæftigelsesplan 2019 (seed 003),
// and the two totals the table prints. The totals are defined as data: which groups each one sums. The one
// list of benefit groups: importers, the table and the evaluation derive theirs from it.

export interface BenefitGroup {
  id: string;
  /** Danish name as the plans print it. */
  name: string;
  /** Counted in "Ydelsesgrupper i alt" (offentlig forsørgelse in total). */
  inTotal: boolean;
  /** How Jobindsats' ptv_a02 labels the group (its benefit-group hierarchy). */
  ptvLabel: RegExp;
}

export const BENEFIT_GROUPS = [
  { id: 'a-dagpenge', name: 'A-dagpenge med supplerende ydelser', inTotal: true, ptvLabel: /^a-dagpenge/i },
  { id: 'sygedagpenge', name: 'Sygedagpenge', inTotal: true, ptvLabel: /^sygedagpenge/i },
  { id: 'fleksjob', name: 'Fleksjob', inTotal: true, ptvLabel: /^fleksjob/i },
  { id: 'uddannelseshjaelp', name: 'Uddannelseshjælp', inTotal: true, ptvLabel: /^uddannelseshjælp/i },
  {
    id: 'kontanthjaelp',
    name: 'Kontanthjælp samt integrationsydelse',
    inTotal: true,
    ptvLabel: /^kontanthjælp/i,
  },
  { id: 'jobafklaring', name: 'Jobafklaring', inTotal: true, ptvLabel: /^jobafklaring/i },
  { id: 'revalidering', name: '(For)revalidering', inTotal: true, ptvLabel: /revalidering/i },
  { id: 'ressourceforloeb', name: 'Ressourceforløb', inTotal: true, ptvLabel: /^ressourceforløb/i },
  { id: 'ledighedsydelse', name: 'Ledighedsydelse', inTotal: true, ptvLabel: /^ledighedsydelse/i },
  { id: 'foertidspension', name: 'Førtidspension', inTotal: true, ptvLabel: /^førtidspension/i },
] as const satisfies readonly BenefitGroup[];

export type BenefitGroupId = (typeof BENEFIT_GROUPS)[number]['id'];

/** How Jobindsats' ptv_a02 labels the total of all groups. */
export const PTV_TOTAL_LABEL = /^ydelsesgrupper i alt$/i;

/** A group or total id as a measure-id suffix: 'a-dagpenge' → 'a_dagpenge', 'i-alt' → 'i_alt'. */
export const measureSuffix = (groupOrTotal: string) => groupOrTotal.replace(/-/g, '_');

/** Measure ids of Jobindsats ptv_a02 (full-time persons by benefit group) start with this. */
export const PTV_MEASURE_PREFIX = 'ptv_a02.fuldtidspersoner';

/** Measure id of a benefit group or total from Jobindsats ptv_a02: 'ptv_a02.fuldtidspersoner.a_dagpenge'. */
export const ptvMeasureId = (groupOrTotal: string) => `${PTV_MEASURE_PREFIX}.${measureSuffix(groupOrTotal)}`;

/** The group or total a ptv_a02 measure id is about ('i-alt' for the total), or undefined. */
export function benefitGroupOfPtvMeasure(measure: string): string | undefined {
  if (!measure.startsWith(`${PTV_MEASURE_PREFIX}.`)) return undefined;
  const suffix = measure.slice(PTV_MEASURE_PREFIX.length + 1);
  return [...BENEFIT_GROUPS, ...BENEFIT_TOTALS].find((g) => measureSuffix(g.id) === suffix)?.id;
}

export interface BenefitTotal {
  id: string;
  name: string;
  sumOf: readonly string[];
}

const all = BENEFIT_GROUPS.filter((g) => g.inTotal).map((g) => g.id);

export const BENEFIT_TOTALS: readonly BenefitTotal[] = [
  { id: 'i-alt', name: 'Ydelsesgrupper i alt', sumOf: all },
  {
    id: 'ekskl-a-dagpenge',
    name: 'Ydelsesgrupper ekskl. A-dagpenge',
    sumOf: all.filter((g) => g !== 'a-dagpenge'),
  },
];
