// The benefit-group table (Fredericia's Table 1) for any municipality and two periods, as a report. Each
// row says its source: Jobindsats ptv_a02 when imported, else Danmarks Statistik's AUK01.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import type { DB } from '../db/schema.ts';
import { formatNumber, formatPercent } from '../domain/numbers.ts';
import { formatDateDa as danishDate, formatPeriodDa, type Period } from '../domain/periods.ts';
import { type BenefitSource, benefitGroupTable } from '../services/benefit-groups.ts';
import { type Cell, cell, type Report } from './model.ts';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined
    ? cell('–', null)
    : cell(formatPercent(v, { nbsp: false }), Math.round(v * 10) / 10);
const num = (v: number | null) => (v === null ? cell('–', null) : cell(formatNumber(v), v));

export async function buildBenefitReport(
  db: Kysely<DB>,
  q: { area: string; from: Period; to: Period; source: BenefitSource },
): Promise<Report> {
  const area = findArea(q.area);
  const table = await benefitGroupTable(db, q);
  const rows: Cell[][] = [];
  let compName = 'Sammenligningsområde';
  const attributions = new Set<string>();
  const origins = new Set<string>();
  for (const g of table.rows) {
    const name = { ...cell(g.name), bold: g.isTotal };
    if (!g.row) {
      rows.push([name, cell('Ikke importeret'), cell(''), cell(''), cell(''), cell(''), cell('')]);
      continue;
    }
    if (g.attribution) attributions.add(g.attribution);
    if (g.originLabel) origins.add(g.originLabel);
    compName = g.row.comparison?.name ?? compName;
    rows.push([
      name,
      num(g.row.municipality.from),
      num(g.row.municipality.to),
      pct(g.row.municipality.pct),
      pct(g.row.comparison?.pct),
      pct(g.row.country.pct),
      cell(g.originLabel ?? ''),
    ]);
  }
  const name = area?.name ?? q.area;
  const attribution = [...attributions].join('; ') || 'Ingen tal importeret';
  const unit = [...origins].some((o) => o.includes('AUK01'))
    ? 'fuldtidsmodtagere/fuldtidspersoner'
    : 'fuldtidspersoner';
  return {
    title: `Udviklingen i antal offentligt forsørgede i ${name}`,
    subtitle: `${formatPeriodDa(q.from)} – ${formatPeriodDa(q.to)} (${unit})`,
    meta: [`Dannet ${danishDate(new Date())} af Måltavle.`],
    blocks: [
      {
        kind: 'table',
        id: 'ydelsesgrupper',
        caption: `Tabel 1: Udviklingen i antal offentligt forsørgede i ${name} fordelt på ydelsesgrupper, sammenlignet med ${compName} og landsplan, ${formatPeriodDa(q.from)} – ${formatPeriodDa(q.to)} (${unit}).`,
        columns: [
          { header: 'Ydelsesgruppe', width: 26 },
          { header: formatPeriodDa(q.from), numeric: true },
          { header: formatPeriodDa(q.to), numeric: true },
          { header: `Udvikling ${name}`, numeric: true },
          { header: `Udvikling ${compName}`, numeric: true },
          { header: 'Udvikling landsplan', numeric: true },
          { header: 'Kilde', width: 22 },
        ],
        rows,
        source: `${attribution}. Danmarks Statistiks AUK01 tæller fuldtidsmodtagere og bruges, hvor Jobindsats' ptv_a02 ikke er importeret. Sammenligningsområde og landsplan er summen af kommunerne, hvor de ikke selv er importeret.`,
      },
    ],
    footnotes: [attribution],
  };
}
