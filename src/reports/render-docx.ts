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
import { zipFiles } from './zip.ts';

/**
 * docx's compiler (the document as a map of package paths to file contents). Not public API, so it is looked
 * up carefully; docx is pinned, and test/reports checks the images in the package. Without it, Packer does the
 * whole job (slower: JavaScript SHA-1 of every image and JavaScript deflate of the package).
 */
type Compile = (file: Document, prettify?: string, overrides?: unknown[]) => Map<string, string | Uint8Array>;
const compiler = (Packer as unknown as { compiler?: { compile?: Compile } }).compiler;
const compile: Compile | undefined =
  typeof compiler?.compile === 'function' ? compiler.compile.bind(compiler) : undefined;

/**
 * The image bytes given to docx. docx names each image by a SHA-1 of its bytes computed in JavaScript (about
 * 2 ms per chart); with the compiler at hand it gets a small stand-in per distinct image instead, and the real
 * bytes take the stand-in's place in the package (`swap`). The same image twice is still stored once.
 */
class MediaBytes {
  private readonly byImage = new Map<string | Uint8Array, Buffer>();
  readonly real = new Map<Uint8Array, Buffer>();
  constructor(private readonly standIns: boolean) {}
  of(image: string | Uint8Array): Buffer {
    if (!this.standIns) return Buffer.from(image);
    let standIn = this.byImage.get(image);
    if (!standIn) {
      standIn = Buffer.from(`maaltavle-media-${this.byImage.size}`);
      this.byImage.set(image, standIn);
      this.real.set(standIn, Buffer.from(image));
    }
    return standIn;
  }
}

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

function blockToDocx(b: Block, media: MediaBytes): (Paragraph | Table)[] {
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
              data: media.of(b.svg),
              fallback: { type: 'png', data: media.of(b.png()) },
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
  const media = new MediaBytes(compile !== undefined);
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
          ...r.blocks.flatMap((b) => blockToDocx(b, media)),
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
  if (!compile) return Packer.toBuffer(doc);
  const files = compile(doc);
  let swapped = 0;
  for (const [path, data] of files) {
    const real = typeof data === 'string' ? undefined : media.real.get(data);
    if (real) {
      files.set(path, real);
      swapped++;
    }
  }
  if (swapped !== media.real.size) throw new Error('docx: an image was not found in the package');
  return zipFiles(files);
}
