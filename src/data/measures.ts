// The measures Måltavle knows out of the box: what each statistic is, its unit and where it comes from.
// Jobindsats' "fuldtidspersoner" and StatBank's "fuldtidsmodtagere" are different statistics and are
// kept as different measures.
import type { MeasureRecord } from '../domain/statistics.ts';

export const ATTRIBUTION_STAR = 'Kilde: Jobindsats.dk, Styrelsen for Arbejdsmarked og Rekruttering (STAR)';
export const ATTRIBUTION_DST = 'Kilde: Danmarks Statistik';

const star = (
  id: string,
  table: string,
  name: string,
  unit: string,
  frequency: MeasureRecord['frequency'],
  dimensions: Record<string, string> = {},
  description: string | null = null,
  better: MeasureRecord['better'] = 'lower',
): MeasureRecord => ({
  id,
  name,
  unit,
  source: 'jobindsats',
  sourceTable: table,
  dimensions,
  frequency,
  attribution: ATTRIBUTION_STAR,
  description,
  better,
});

/** Y30R21 benefit groups as the table labels them, and the measure-id suffix for each. */
export const Y30R21_GROUPS: readonly [label: string, suffix: string][] = [
  ['Ydelsesgrupper i alt', 'i_alt'],
  ['A-dagpenge mv.', 'a_dagpenge'],
  ['Sygedagpenge mv.', 'sygedagpenge'],
  ['Kontanthjælp mv.', 'kontanthjaelp'],
];

const y30r21: MeasureRecord[] = Y30R21_GROUPS.flatMap(([label, s]) => [
  star(
    `y30r21.faktisk_antal.${s}`,
    'y30r21',
    `Faktisk antal fuldtidspersoner på offentlig forsørgelse, ${label}`,
    'fuldtidspersoner',
    'mat',
    { ydelsesgruppe: label },
  ),
  star(
    `y30r21.forventet_antal.${s}`,
    'y30r21',
    `Forventet antal fuldtidspersoner på offentlig forsørgelse, ${label}`,
    'fuldtidspersoner',
    'mat',
    { ydelsesgruppe: label },
  ),
  star(
    `y30r21.faktisk_andel.${s}`,
    'y30r21',
    `Faktisk andel af befolkningen 16-66 år på offentlig forsørgelse, ${label}`,
    'pct.',
    'mat',
    { ydelsesgruppe: label },
  ),
  star(
    `y30r21.forventet_andel.${s}`,
    'y30r21',
    `Forventet andel på offentlig forsørgelse, ${label}`,
    'pct.',
    'mat',
    { ydelsesgruppe: label },
  ),
  star(
    `y30r21.forskel_andel.${s}`,
    'y30r21',
    `Forskel mellem faktisk og forventet andel, ${label}`,
    'procentpoint',
    'mat',
    { ydelsesgruppe: label },
  ),
  star(`y30r21.placering.${s}`, 'y30r21', `Placering på benchmarkranglisten, ${label}`, 'placering', 'mat', {
    ydelsesgruppe: label,
  }),
]);

export const MEASURES: readonly MeasureRecord[] = [
  ...y30r21,
  star(
    'y25i01.ledige_fuldtidspersoner',
    'y25i01',
    'Ledige (bruttoledige), fuldtidspersoner i alt',
    'fuldtidspersoner',
    'month',
  ),
  star('y25i01.ledige_pct', 'y25i01', 'Ledige i pct. af arbejdsstyrken 16-66 år, i alt', 'pct.', 'month'),
  star(
    'y25i01.ledige_fuldtidspersoner_dagpenge',
    'y25i01',
    'Ledige på a-dagpenge, fuldtidspersoner',
    'fuldtidspersoner',
    'month',
  ),
  star(
    'y25i01.ledige_pct_dagpenge',
    'y25i01',
    'Ledige på a-dagpenge i pct. af arbejdsstyrken',
    'pct.',
    'month',
  ),
  star(
    'y25i01.ledige_fuldtidspersoner_kontanthjaelp',
    'y25i01',
    'Jobparate ledige på kontanthjælp, fuldtidspersoner',
    'fuldtidspersoner',
    'month',
  ),
  star(
    'y25i01.ledige_pct_kontanthjaelp',
    'y25i01',
    'Jobparate ledige på kontanthjælp i pct. af arbejdsstyrken',
    'pct.',
    'month',
  ),
  star('y25i09.langtidsledige', 'y25i09', 'Langtidsledige personer i alt', 'personer', 'month'),
  star(
    'y25i09.langtidsledige_dagpenge',
    'y25i09',
    'Langtidsledige personer på a-dagpenge',
    'personer',
    'month',
  ),
  star(
    'y25i09.langtidsledige_kontanthjaelp',
    'y25i09',
    'Langtidsledige personer på kontanthjælp',
    'personer',
    'month',
  ),
  star('y60a02.personer', 'y60a02', 'Kontanthjælp, antal personer', 'personer', 'month'),
  star(
    'y60a02.fuldtidspersoner',
    'y60a02',
    'Kontanthjælp, antal fuldtidspersoner',
    'fuldtidspersoner',
    'month',
  ),
  star(
    'y60a02.pct_arbejdsstyrken',
    'y60a02',
    'Kontanthjælp, fuldtidspersoner i pct. af arbejdsstyrken 16-66 år',
    'pct.',
    'month',
  ),
  star(
    'y60a02.pct_befolkningen',
    'y60a02',
    'Kontanthjælp, fuldtidspersoner i pct. af befolkningen 16-66 år',
    'pct.',
    'month',
  ),
  star(
    'y60c07.aktiveringsgrad',
    'y60c07',
    'Aktiveringsgrad, kontanthjælp (alle visitationskategorier)',
    'pct.',
    'month',
    {},
    null,
    'higher',
  ),
  star(
    'y60c07.andel_aktiveringsberoerte',
    'y60c07',
    'Andel aktiveringsberørte, kontanthjælp',
    'pct.',
    'month',
    {},
    null,
    'higher',
  ),
  star(
    'y60j01.personer_ordinaere_loentimer',
    'y60j01',
    'Kontanthjælpsmodtagere med ordinære løntimer, personer',
    'personer',
    'month',
    {},
    null,
    'higher',
  ),
  star(
    'y60j01.andel_ordinaere_loentimer',
    'y60j01',
    'Andel kontanthjælpsmodtagere med ordinære løntimer',
    'pct.',
    'month',
    {},
    null,
    'higher',
  ),
  {
    id: 'auk01.nettoledige_kontanthjaelp',
    name: 'Nettoledige kontanthjælpsmodtagere, fuldtidsmodtagere',
    unit: 'fuldtidsmodtagere',
    source: 'statbank',
    sourceTable: 'AUK01',
    dimensions: {
      YDELSESTYPE: 'Net unemployed recipients of social assistance',
      KØN: 'Total',
      ALDER: 'Total',
    },
    frequency: 'quarter',
    attribution: ATTRIBUTION_DST,
    better: 'lower',
    description:
      'StatBank AUK01 (Offentligt forsørgede), fuldtidsmodtagere; ikke det samme som Jobindsats fuldtidspersoner.',
  },
  {
    id: 'folk1am.befolkning',
    name: 'Befolkningen den 1. i måneden, alle aldre',
    unit: 'personer',
    source: 'statbank',
    sourceTable: 'FOLK1AM',
    dimensions: { KØN: 'Total', ALDER: 'Total' },
    frequency: 'month',
    attribution: ATTRIBUTION_DST,
    // A population is a denominator, not a goal; 'lower' is only the store's default.
    better: 'lower',
    description: 'StatBank FOLK1AM; alle aldre (ikke 16-66 år).',
  },
];

/**
 * Published shares and the count each is a share of. Where only the shares of the members are published,
 * an area's rate is Σ count ÷ Σ (count ÷ share): the denominator derived from published figures
 * (Y30R21: count ÷ share = population 16–66; y25i01: ledige ÷ ledighedsprocent = arbejdsstyrken).
 */
export const SHARE_COUNTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Y30R21_GROUPS.flatMap(([, s]) => [
      [`y30r21.faktisk_andel.${s}`, `y30r21.faktisk_antal.${s}`],
      [`y30r21.forventet_andel.${s}`, `y30r21.forventet_antal.${s}`],
    ]),
  ),
  'y25i01.ledige_pct': 'y25i01.ledige_fuldtidspersoner',
  'y25i01.ledige_pct_dagpenge': 'y25i01.ledige_fuldtidspersoner_dagpenge',
  'y25i01.ledige_pct_kontanthjaelp': 'y25i01.ledige_fuldtidspersoner_kontanthjaelp',
  'y60a02.pct_arbejdsstyrken': 'y60a02.fuldtidspersoner',
  'y60a02.pct_befolkningen': 'y60a02.fuldtidspersoner',
};
