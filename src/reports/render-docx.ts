// The report as Word (.docx) with real headings, tables and captions, so the committee secretary can edit it.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Cell, Report } from './model.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A text's paragraphs: each line break in a status text starts a new Word paragraph. */
const paras = (text: string) => text.split(/\r?\n/).filter((p) => p.trim() !== '');

function cellParagraphs(c: Cell, numeric?: boolean): Paragraph[] {
  return [
    ...(paras(c.text).length ? paras(c.text) : ['']).map(
      (t) =>
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: t, bold: !!c.bold, size: 18 })],
        }),
    ),
    ...(c.lines ?? [])
      .flatMap(paras)
      .map((l) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: l, size: 16 })] })),
  ];
}

/** "Side 2 af 5" in the footer of every page, as Word fields that Word updates. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });

function blockToDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], text: b.text })];
    case 'paragraph':
      return paras(b.text).map(
        (t) => new Paragraph({ children: [new TextRun({ text: t, size: b.style === 'small' ? 16 : 20 })] }),
      );
    case 'table': {
      const header = new TableRow({
        tableHeader: true,
        children: b.columns.map(
          (c) =>
            new TableCell({
              shading: { fill: 'E6ECF3' },
              children: [
                new Paragraph({ children: [new TextRun({ text: c.header, bold: true, size: 18 })] }),
              ],
            }),
        ),
      });
      const rows = b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: false,
            children: r.map((c, i) => new TableCell({ children: cellParagraphs(c, b.columns[i]?.numeric) })),
          }),
      );
      return [
        new Paragraph({ style: 'Caption', children: [new TextRun({ text: b.caption, bold: true })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        new Paragraph({
          children: [
            new TextRun({ text: `Kilde: ${b.source.replace(/^Kilde: /, '')}`, size: 16, italics: true }),
          ],
        }),
      ];
    }
    case 'figure':
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(b.svg),
              fallback: { type: 'png', data: Buffer.from(b.png) },
              transformation: { width: b.width * 0.9, height: b.height * 0.9 },
              altText: { name: b.caption, description: `${b.caption}. ${b.source}`, title: b.caption },
            }),
          ],
        }),
        new Paragraph({
          style: 'Caption',
          children: [new TextRun({ text: `${b.caption.replace(/\.$/, '')}. ${b.source}`, size: 16 })],
        }),
      ];
  }
}

export async function renderDocx(r: Report): Promise<Buffer> {
  const doc = new Document({
    creator: 'Måltavle',
    title: r.title,
    description: r.subtitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      {
        footers: { default: pageFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: r.title }),
          new Paragraph({ children: [new TextRun({ text: r.subtitle, size: 26 })] }),
          ...r.meta.map((m) => new Paragraph({ children: [new TextRun({ text: m, size: 18 })] })),
          ...r.blocks.flatMap(blockToDocx),
          ...(r.footnotes.length
            ? [
                new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Kilder' }),
                ...r.footnotes.map(
                  (f, i) => new Paragraph({ children: [new TextRun({ text: `${i + 1}. ${f}`, size: 16 })] }),
                ),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
