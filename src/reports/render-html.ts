// The report as an accessible HTML page (also what Chromium prints to PDF).
import type { Block, Cell, Report } from './model.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellHtml(c: Cell, tag: 'td' | 'th', numeric?: boolean): string {
  const lines = (c.lines ?? [])
    .filter(Boolean)
    .map((l) => `<p class="line">${esc(l)}</p>`)
    .join('');
  return `<${tag}${numeric ? ' class="num"' : ''}${tag === 'th' ? ' scope="row"' : ''}>${c.bold ? `<strong>${esc(c.text)}</strong>` : esc(c.text)}${lines}</${tag}>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p${b.style ? ` class="${b.style}"` : ''}>${esc(b.text)}</p>`;
    case 'table':
      return `<table id="${esc(b.id)}"><caption>${esc(b.caption)}</caption><thead><tr>${b.columns
        .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.header)}</th>`)
        .join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => cellHtml(c, 'td', b.columns[i]?.numeric)).join('')}</tr>`)
        .join('')}</tbody></table><p class="source">Kilde: ${esc(b.source.replace(/^Kilde: /, ''))}</p>`;
    case 'figure':
      return `<figure>${b.svg.replace('<svg', `<svg role="img" aria-label="${esc(b.caption)}"`)}<figcaption>${esc(b.caption.replace(/\.$/, ''))}. ${esc(b.source)}</figcaption></figure>`;
  }
}

export function renderHtml(r: Report): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; font-size: 11pt; }
  h1 { font-size: 20pt; margin-bottom: 0.2rem; } h2 { font-size: 15pt; margin-top: 1.5rem; } h3 { font-size: 12.5pt; margin-top: 1.2rem; }
  .subtitle { font-size: 13pt; color: #333; margin-top: 0; } .meta { color: #333; font-size: 10pt; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 0.25rem; page-break-inside: auto; }
  th, td { border: 1px solid #999; padding: 0.3rem 0.4rem; vertical-align: top; text-align: left; font-size: 9.5pt; }
  thead th { background: #e6ecf3; } td.num, th.num { text-align: right; }
  tr { page-break-inside: avoid; } caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
  .line { margin: 0.25rem 0 0; } .source { font-size: 8.5pt; color: #333; margin: 0.1rem 0 1rem; }
  figure { margin: 1rem 0; page-break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
  figcaption { font-size: 9pt; color: #333; } .footnotes { font-size: 8.5pt; color: #333; border-top: 1px solid #999; margin-top: 2rem; }
  h2, h3, caption { page-break-after: avoid; break-after: avoid; }
  table { break-before: avoid; }
  p, .line, td, th { white-space: pre-line; }
  @page { @bottom-right { content: "Side " counter(page) " af " counter(pages); font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #333; } }
  .titlepage { border-bottom: 2px solid #0b3d6b; margin-bottom: 1rem; padding-bottom: 0.5rem; }
</style>
</head>
<body>
<main>
<header class="titlepage">
<h1>${esc(r.title)}</h1>
<p class="subtitle">${esc(r.subtitle)}</p>
${r.meta.map((m) => `<p class="meta">${esc(m)}</p>`).join('\n')}
</header>
${r.blocks.map(blockHtml).join('\n')}
${r.footnotes.length ? `<section class="footnotes" aria-label="Kilder"><h2>Kilder</h2><ol>${r.footnotes.map((f) => `<li>${esc(f)}</li>`).join('')}</ol></section>` : ''}
</main>
</body>
</html>`;
}
