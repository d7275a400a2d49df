// The benefit-group table (Fredericia's Table 1) for any municipality and two periods, as a report.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import { BENEFIT_GROUPS } from '../data/benefit-groups.ts';
import { Y30R21_GROUPS } from '../data/measures.ts';
import { findMeasure } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { formatNumber, formatPercent } from '../domain/numbers.ts';
import { formatDateDa as danishDate, formatPeriodDa, type Period } from '../domain/periods.ts';
import { developmentRow } from '../services/statistics.ts';
import { type Cell, cell, type Report } from './model.ts';

const pct = (v: number | null) =>
  v === null ? cell('–', null) : cell(formatPercent(v, { nbsp: false }), Math.round(v * 10) / 10);
const num = (v: number | null) => (v === null ? cell('–', null) : cell(formatNumber(v), v));

export async function buildBenefitReport(
  db: Kysely<DB>,
  q: { area: string; from: Period; to: Period; source: 'y30r21' | 'ptv_a02' },
): Promise<Report> {
  const area = findArea(q.area);
  const groups =
    q.source === 'y30r21'
      ? Y30R21_GROUPS.map(([label, s]) => ({ name: label, measure: `y30r21.faktisk_antal.${s}` }))
      : BENEFIT_GROUPS.map((g) => ({
          name: g.name,
          measure: `ptv_a02.fuldtidspersoner.${g.id.replace(/-/g, '_')}`,
        }));
  const rows: Cell[][] = [];
  let compName = 'Sammenligningsområde';
  let attribution = 'Kilde: Jobindsats.dk, Styrelsen for Arbejdsmarked og Rekruttering (STAR)';
  for (const g of groups) {
    const m = await findMeasure(db, g.measure);
    if (!m) {
      rows.push([cell(g.name), cell('Ikke importeret'), cell(''), cell(''), cell(''), cell('')]);
      continue;
    }
    attribution = m.attribution;
    const r = await developmentRow(db, { measure: g.measure, area: q.area, from: q.from, to: q.to });
    compName = r.comparison?.name ?? compName;
    rows.push([
      cell(g.name),
      num(r.municipality.from),
      num(r.municipality.to),
      pct(r.municipality.pct),
      pct(r.comparison?.pct ?? null),
      pct(r.country.pct),
    ]);
  }
  const name = area?.name ?? q.area;
  return {
    title: `Udviklingen i antal offentligt forsørgede i ${name}`,
    subtitle: `${formatPeriodDa(q.from)} – ${formatPeriodDa(q.to)} (fuldtidspersoner)`,
    meta: [`Dannet ${danishDate(new Date())} af Måltavle.`],
    blocks: [
      {
        kind: 'table',
        id: 'ydelsesgrupper',
        caption: `Tabel 1: Udviklingen i antal offentligt forsørgede i ${name} fordelt på ydelsesgrupper, sammenlignet med ${compName} og landsplan, ${formatPeriodDa(q.from)} – ${formatPeriodDa(q.to)} (fuldtidspersoner).`,
        columns: [
          { header: 'Ydelsesgruppe', width: 30 },
          { header: formatPeriodDa(q.from), numeric: true },
          { header: formatPeriodDa(q.to), numeric: true },
          { header: `Udvikling ${name}`, numeric: true },
          { header: `Udvikling ${compName}`, numeric: true },
          { header: 'Udvikling landsplan', numeric: true },
        ],
        rows,
        source: `${attribution}. Sammenligningsområde og landsplan er summen af kommunerne, hvor de ikke selv er importeret.`,
      },
    ],
    footnotes: [attribution],
  };
}
