// Use case: the benefit-group table (Fredericia's Table 1) for a municipality and two periods. For the
// 10 groups and the two totals each row takes Jobindsats' ptv_a02 when it is imported, else StatBank's
// AUK01 preset, and says which source it came from. Y30R21 (4 groups, rolling 4 quarters) stays a choice.
import type { Kysely } from 'kysely';
import { AUK01_BENEFIT_MAPPING, auk01MeasureId } from '../data/auk01-benefit-types.ts';
import {
  BENEFIT_GROUPS,
  BENEFIT_TOTALS,
  benefitGroupOfPtvMeasure,
  PTV_MEASURE_PREFIX,
  ptvMeasureId,
} from '../data/benefit-groups.ts';
import { Y30R21_GROUPS } from '../data/measures.ts';
import * as repo from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import type { Period } from '../domain/periods.ts';
import { developmentRow } from './statistics.ts';

export type BenefitSource = 'y30r21' | 'ptv_a02';

export type RowOrigin = 'jobindsats:ptv_a02' | 'statbank:AUK01' | 'jobindsats:y30r21';

const ORIGIN_LABEL: Record<RowOrigin, string> = {
  'jobindsats:ptv_a02': 'Jobindsats ptv_a02 (fuldtidspersoner)',
  'statbank:AUK01': 'Danmarks Statistik AUK01 (fuldtidsmodtagere)',
  'jobindsats:y30r21': 'Jobindsats Y30R21 (fuldtidspersoner, 4 kvartaler)',
};

interface Candidate {
  key: string;
  name: string;
  isTotal: boolean;
  options: { measure: string; origin: RowOrigin }[];
}

function candidates(source: BenefitSource): Candidate[] {
  if (source === 'y30r21')
    return Y30R21_GROUPS.map(([label, s]) => ({
      key: s,
      name: label,
      isTotal: s === 'i_alt',
      options: [{ measure: `y30r21.faktisk_antal.${s}`, origin: 'jobindsats:y30r21' as const }],
    }));
  return [
    ...BENEFIT_GROUPS.map((g) => ({
      key: g.id,
      name: g.name,
      isTotal: false,
      options: [
        { measure: ptvMeasureId(g.id), origin: 'jobindsats:ptv_a02' as const },
        { measure: auk01MeasureId(g.id), origin: 'statbank:AUK01' as const },
      ],
    })),
    ...BENEFIT_TOTALS.map((t) => ({
      key: t.id,
      name: t.name,
      isTotal: true,
      options: [
        ...(t.id === 'i-alt' ? [{ measure: ptvMeasureId(t.id), origin: 'jobindsats:ptv_a02' as const }] : []),
        { measure: auk01MeasureId(t.id), origin: 'statbank:AUK01' as const },
      ],
    })),
  ];
}

/** The first option that has current values: ptv_a02 when imported, else AUK01. */
async function chooseMeasure(db: Kysely<DB>, c: Candidate) {
  for (const o of c.options) {
    if (await repo.latestImportOf(db, o.measure)) return o;
  }
  return null;
}

export async function benefitGroupTable(
  db: Kysely<DB>,
  q: { area: string; from: Period; to: Period; source: BenefitSource },
) {
  const rows = [];
  let periods: string[] = [];
  for (const c of candidates(q.source)) {
    const chosen = await chooseMeasure(db, c);
    if (!chosen) {
      rows.push({
        key: c.key,
        name: c.name,
        isTotal: c.isTotal,
        measure: c.options[0]!.measure,
        imported: false,
        origin: null,
        originLabel: null,
        attribution: null,
        row: null,
      });
      continue;
    }
    if (periods.length === 0) periods = await repo.periodsOf(db, chosen.measure);
    const r = await developmentRow(db, { measure: chosen.measure, area: q.area, from: q.from, to: q.to });
    rows.push({
      key: c.key,
      name: c.name,
      isTotal: c.isTotal,
      measure: chosen.measure,
      imported: true,
      origin: chosen.origin,
      originLabel: ORIGIN_LABEL[chosen.origin],
      attribution: r.measure.attribution,
      row: { municipality: r.municipality, comparison: r.comparison, country: r.country },
    });
  }
  return { source: q.source, rows, periods, mapping: auk01Mapping() };
}

/** The AUK01 mapping as the user sees it: group name and the benefit types summed into it. */
export function auk01Mapping() {
  return AUK01_BENEFIT_MAPPING.map((m) => ({
    group: m.group,
    name: BENEFIT_GROUPS.find((g) => g.id === m.group)!.name,
    labels: m.labels.map((l) => ({ label: l.label, verified: l.verified })),
  }));
}

/**
 * For an indicator on a benefit-group measure: the measure that has figures, ptv_a02 when imported, else
 * the AUK01 group of the same benefit group, with where it came from. Other measures are returned as they
 * are. (For the evaluation engine to call when it loads an indicator's facts.)
 */
export async function resolveBenefitMeasure(
  db: Kysely<DB>,
  measure: string,
): Promise<{ measure: string; origin: RowOrigin | null; originLabel: string | null }> {
  if (!measure.startsWith(`${PTV_MEASURE_PREFIX}.`)) return { measure, origin: null, originLabel: null };
  const group = benefitGroupOfPtvMeasure(measure);
  if ((await repo.latestImportOf(db, measure)) || !group)
    return { measure, origin: 'jobindsats:ptv_a02', originLabel: ORIGIN_LABEL['jobindsats:ptv_a02'] };
  const auk = auk01MeasureId(group);
  if (await repo.latestImportOf(db, auk))
    return { measure: auk, origin: 'statbank:AUK01', originLabel: ORIGIN_LABEL['statbank:AUK01'] };
  return { measure, origin: null, originLabel: null };
}
