// Benefit groups (ydelsesgrupper) as in Table 1 of Fredericia's Beskæftigelsesplan 2019 (seed 003),
// and the two totals the table prints. The totals are defined as data: which groups each one sums.

export interface BenefitGroup {
  id: string;
  /** Danish name as the plans print it. */
  name: string;
  /** Counted in "Ydelsesgrupper i alt" (offentlig forsørgelse in total). */
  inTotal: boolean;
}

export const BENEFIT_GROUPS: readonly BenefitGroup[] = [
  { id: 'a-dagpenge', name: 'A-dagpenge med supplerende ydelser', inTotal: true },
  { id: 'sygedagpenge', name: 'Sygedagpenge', inTotal: true },
  { id: 'fleksjob', name: 'Fleksjob', inTotal: true },
  { id: 'uddannelseshjaelp', name: 'Uddannelseshjælp', inTotal: true },
  { id: 'kontanthjaelp', name: 'Kontanthjælp samt integrationsydelse', inTotal: true },
  { id: 'jobafklaring', name: 'Jobafklaring', inTotal: true },
  { id: 'revalidering', name: '(For)revalidering', inTotal: true },
  { id: 'ressourceforloeb', name: 'Ressourceforløb', inTotal: true },
  { id: 'ledighedsydelse', name: 'Ledighedsydelse', inTotal: true },
  { id: 'foertidspension', name: 'Førtidspension', inTotal: true },
];

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
