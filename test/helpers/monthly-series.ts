// The shipped monthly Jobindsats series (datasets/jobindsats/*_maaned.csv) as calendar-aligned panels
// for the forecast tests and benchmark: one series per file × value column × area (Hele landet + 98
// municipalities), index 0 = the file's first month, null where the area has no published value
// (a blank cell or a missing row: gaps stay gaps).
import type { PanelSeries } from '../../src/domain/forecast-evaluation.ts';
import { readDerivedCsv } from './datasets.ts';

export const MONTHLY_FILES = [
  'jobindsats/y25i01_ledighed_kommuner_maaned.csv',
  'jobindsats/y25i09_langtidsledighed_kommuner_maaned.csv',
  'jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv',
  'jobindsats/y60c07_aktivering_kommuner_maaned.csv',
  'jobindsats/y60j01_ordinaere_loentimer_kommuner_maaned.csv',
] as const;

/** Month ordinal (year·12 + month − 1) of a code like 2021M08. */
export function monthOrdinal(code: string): number {
  const m = /^(\d{4})M(\d{2})$/.exec(code);
  if (!m) throw new Error(`Not a month: ${code}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthCode(ordinal: number): string {
  return `${Math.floor(ordinal / 12)}M${String((ordinal % 12) + 1).padStart(2, '0')}`;
}

/** Every value column of every monthly file, per area. `columns` limits to the named columns. */
export function shippedMonthlySeries(columns?: readonly string[]): PanelSeries[] {
  const out: PanelSeries[] = [];
  for (const file of MONTHLY_FILES) {
    const rows = readDerivedCsv(file);
    const ordinals = rows.map((r) => monthOrdinal(r.periode!));
    const start = Math.min(...ordinals);
    const end = Math.max(...ordinals);
    const valueColumns = Object.keys(rows[0]!).filter(
      (c) => !['kommunekode', 'omraade', 'periode'].includes(c) && (!columns || columns.includes(c)),
    );
    for (const col of valueColumns) {
      const byArea = new Map<string, (number | null)[]>();
      rows.forEach((r, i) => {
        const area = r.kommunekode!;
        let y = byArea.get(area);
        if (!y) {
          y = Array(end - start + 1).fill(null);
          byArea.set(area, y);
        }
        const cell = r[col] ?? '';
        y[ordinals[i]! - start] = cell === '' ? null : Number(cell);
      });
      for (const [area, y] of byArea) {
        // Trailing months without a value are not part of the series (it ends with its last value).
        let n = y.length;
        while (n > 0 && y[n - 1] === null) n--;
        out.push({ name: `${file.slice(11, 17)}.${col}.${area}`, start, y: y.slice(0, n) });
      }
    }
  }
  return out;
}
