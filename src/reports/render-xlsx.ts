// The report's figures as Excel: one sheet per table, numbers as numbers.
import ExcelJS from 'exceljs';
import type { Report } from './model.ts';

export async function renderXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Måltavle';
  wb.title = r.title;
  const used = new Set<string>();
  for (const b of r.blocks) {
    if (b.kind !== 'table') continue;
    let name = b.caption
      .replace(/[\\/?*[\]:]/g, ' ')
      .replace(/\s+/g, ' ')
      .slice(0, 31)
      .trim();
    while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([b.caption]).font = { bold: true };
    const head = ws.addRow(b.columns.map((c) => c.header));
    head.font = { bold: true };
    for (const row of b.rows) {
      ws.addRow(
        row.map((c, i) => {
          if (b.columns[i]?.numeric && typeof c.value === 'number') return c.value;
          const extra = (c.lines ?? []).filter(Boolean);
          return extra.length ? `${c.text}\n${extra.join('\n')}` : c.text;
        }),
      );
      // Status cells also carry their figure as a number in a column of its own.
    }
    const numbers = b.rows.map((row) => row.map((c) => (typeof c.value === 'number' ? c.value : null)));
    if (
      b.columns.some((c) => !c.numeric) &&
      numbers.some((r) => r.some((v, i) => v !== null && !b.columns[i]?.numeric))
    ) {
      ws.getCell(2, b.columns.length + 1).value = 'Tal';
      ws.getCell(2, b.columns.length + 1).font = { bold: true };
      b.rows.forEach((row, ri) => {
        const v = row.find((c, i) => typeof c.value === 'number' && !b.columns[i]?.numeric)?.value;
        if (typeof v === 'number') ws.getCell(ri + 3, b.columns.length + 1).value = v;
      });
    }
    ws.addRow([]);
    ws.addRow([`Kilde: ${b.source.replace(/^Kilde: /, '')}`]).font = { italic: true };
    ws.columns.forEach((col, i) => {
      col.width = b.columns[i]?.width ? Math.max(12, b.columns[i]!.width! * 1.4) : 16;
      col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const meta = wb.addWorksheet('Om rapporten');
  for (const line of [r.title, r.subtitle, ...r.meta, '', ...r.footnotes]) meta.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
